package io.gatehouse.core.subscription;

import java.util.Set;

/**
 * PENDING -> APPROVED | REJECTED; APPROVED -> SUSPENDED | REVOKED; SUSPENDED -> APPROVED (resume) | REVOKED.
 * Only APPROVED lets a key through the gateway.
 */
public enum SubscriptionStatus {
    PENDING,
    APPROVED,
    REJECTED,
    SUSPENDED,
    REVOKED;

    public Set<SubscriptionStatus> next() {
        return switch (this) {
            case PENDING -> Set.of(APPROVED, REJECTED);
            case APPROVED -> Set.of(SUSPENDED, REVOKED);
            case SUSPENDED -> Set.of(APPROVED, REVOKED);
            case REJECTED, REVOKED -> Set.of();
        };
    }

    public boolean canMoveTo(SubscriptionStatus target) {
        return next().contains(target);
    }

    /** A live subscription blocks another request for the same application and Api. */
    public boolean isLive() {
        return this == PENDING || this == APPROVED || this == SUSPENDED;
    }
}
