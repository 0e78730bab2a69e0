package io.gatehouse.core.account;

/** What a user of the admin UI may do: everything, or read and approve for the APIs they own. */
public enum AdminRole {
    ADMIN,
    PRODUCT_OWNER
}
