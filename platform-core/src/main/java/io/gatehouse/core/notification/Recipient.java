package io.gatehouse.core.notification;

/** Who a notification is for: a consumer (portal) or an admin user (admin UI); exactly one of the two ids is set. */
public record Recipient(Long consumerId, Long adminUserId) {

    public Recipient {
        if ((consumerId == null) == (adminUserId == null)) {
            throw new IllegalArgumentException("A notification is for one consumer or one admin user.");
        }
    }

    public static Recipient consumer(long consumerId) {
        return new Recipient(consumerId, null);
    }

    public static Recipient admin(long adminUserId) {
        return new Recipient(null, adminUserId);
    }
}
