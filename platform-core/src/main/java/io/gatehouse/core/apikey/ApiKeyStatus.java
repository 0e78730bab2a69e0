package io.gatehouse.core.apikey;

/** ACTIVE; EXPIRING (an old key during a rotation overlap, valid until its expiry); REVOKED. */
public enum ApiKeyStatus {
    ACTIVE,
    EXPIRING,
    REVOKED
}
