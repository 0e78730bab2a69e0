package io.gatehouse.gateway.analytics;

/**
 * One gateway call, refused ones included: what the analytics tables keep. Ids are null when the call was refused
 * before they were known (an unknown route has no Api; a missing key no application).
 */
public record AnalyticsEvent(long occurredAtMillis, String requestId, Long apiId, String operation, Long planId,
        Long applicationId, Long subscriptionId, Long consumerId, String keyId, String method, String path, int status,
        long gatewayLatencyMicros, Long upstreamLatencyMicros, long bytesIn, long bytesOut, String clientAddress,
        String rejectionReason) {
}
