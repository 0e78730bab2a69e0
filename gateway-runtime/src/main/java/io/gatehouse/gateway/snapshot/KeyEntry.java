package io.gatehouse.gateway.snapshot;

import java.time.Instant;

/** A usable key: its keyed hash, when it stops working (null: until revoked), and whose it is. */
public record KeyEntry(String keyId, byte[] secretHash, Instant expiresAt, long applicationId, long consumerId,
        boolean consumerActive) {

    public boolean isUsableAt(long epochMillis) {
        return expiresAt == null || expiresAt.toEpochMilli() > epochMillis;
    }
}
