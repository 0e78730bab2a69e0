package io.gatehouse.gateway.snapshot;

import java.time.Instant;
import java.util.Map;

/**
 * A usable key: its keyed hash, when it stops working (null: until revoked), whose it is, and its application's
 * subscriptions by Api (shared by the application's keys), so the subscription check is one small lookup.
 */
public record KeyEntry(String keyId, byte[] secretHash, Instant expiresAt, long applicationId, long consumerId,
        boolean consumerActive, Map<Long, Grant> grantsByApi) {

    public KeyEntry {
        grantsByApi = Map.copyOf(grantsByApi);
    }

    public boolean isUsableAt(long epochMillis) {
        return expiresAt == null || expiresAt.toEpochMilli() > epochMillis;
    }

    /** The application's subscription to the Api, or null when it holds none. */
    public Grant grant(long apiId) {
        return grantsByApi.get(apiId);
    }
}
