package io.gatehouse.gateway.analytics;

import java.net.InetAddress;

/**
 * One gateway call, refused ones included: what the analytics tables keep. Ids are null when the call was refused
 * before they were known (an unknown route has no Api; a missing key no application). The client's address is kept
 * as the socket gave it and turned into text by the writer, off the request path.
 */
public record AnalyticsEvent(long occurredAtMillis, String requestId, Long apiId, String operation, Long planId,
        Long applicationId, Long subscriptionId, Long consumerId, String keyId, String method, String path, int status,
        long gatewayLatencyMicros, Long upstreamLatencyMicros, long bytesIn, long bytesOut, InetAddress client,
        String rejectionReason) {

    /** The client's address as text, or null when the socket did not say. */
    public String clientAddress() {
        return client == null ? null : client.getHostAddress();
    }
}
