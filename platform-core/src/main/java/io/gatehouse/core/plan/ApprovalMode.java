package io.gatehouse.core.plan;

/** AUTOMATIC plans approve a subscription request at once; MANUAL ones leave it PENDING for an admin. */
public enum ApprovalMode {
    AUTOMATIC,
    MANUAL
}
