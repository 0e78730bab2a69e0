package io.gatehouse.gateway.policy;

import java.net.InetSocketAddress;

import io.gatehouse.gateway.analytics.AnalyticsEvent;
import io.gatehouse.gateway.mock.MockOperation;
import io.gatehouse.gateway.mock.MockSelection;
import io.gatehouse.gateway.snapshot.ConfigSnapshot;
import io.gatehouse.gateway.snapshot.Grant;
import io.gatehouse.gateway.snapshot.KeyEntry;
import io.gatehouse.gateway.snapshot.Route;
import io.gatehouse.gateway.upstream.UpstreamCall;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;

/**
 * What the policies learn about a request as it moves down the chain, in one object attached to the exchange once:
 * each step sets a field instead of adding an attachment, so a request costs one attachment lookup per step.
 */
public final class GatewayExchange {

    private static final AttachmentKey<GatewayExchange> KEY = AttachmentKey.create(GatewayExchange.class);

    private final long startedNanos;
    String requestId;
    ConfigSnapshot snapshot;
    Route route;
    String keyHeader;
    KeyEntry key;
    Grant grant;
    Failure failure;
    String operation;

    private GatewayExchange(long startedNanos) {
        this.startedNanos = startedNanos;
    }

    /** Attaches a request's state as it enters the chain. */
    public static GatewayExchange begin(HttpServerExchange exchange, long startedNanos) {
        GatewayExchange state = new GatewayExchange(startedNanos);
        exchange.putAttachment(KEY, state);
        return state;
    }

    /** The request's state, attached on first use when the request did not enter through {@link #begin}. */
    static GatewayExchange of(HttpServerExchange exchange) {
        GatewayExchange state = exchange.getAttachment(KEY);
        return state != null ? state : begin(exchange, System.nanoTime());
    }

    /** The failure the request was refused with, or null when it went through. */
    static Failure failure(HttpServerExchange exchange) {
        GatewayExchange state = exchange.getAttachment(KEY);
        return state == null ? null : state.failure;
    }

    public Route route() {
        return route;
    }

    public Failure failure() {
        return failure;
    }

    public long startedNanos() {
        return startedNanos;
    }

    /**
     * The documented operation this request calls, recorded for analytics under its label; null when the document
     * has none at this method and path.
     */
    MockOperation matchOperation(HttpServerExchange exchange) {
        String relativePath = exchange.getRequestPath().substring(route.contextPath().length());
        MockOperation matched = MockSelection.operation(route.operations(), exchange.getRequestMethod().toString(),
                relativePath.isEmpty() ? "/" : relativePath);
        if (matched != null) {
            operation = matched.label();
        }
        return matched;
    }

    /** The analytics event of the completed exchange, from what the policies learned about it. */
    public AnalyticsEvent event(HttpServerExchange exchange) {
        InetSocketAddress source = exchange.getSourceAddress();
        UpstreamCall call = UpstreamCall.of(exchange);
        long now = System.nanoTime();
        return new AnalyticsEvent(System.currentTimeMillis(), requestId, route == null ? null : route.apiId(),
                operation, grant == null ? null : grant.planId(), key == null ? null : key.applicationId(),
                grant == null ? null : grant.subscriptionId(), key == null ? null : key.consumerId(),
                key == null ? null : key.keyId(), exchange.getRequestMethod().toString(), exchange.getRequestPath(),
                exchange.getStatusCode(), (now - startedNanos) / 1000,
                call == null ? null : (now - call.startedNanos()) / 1000,
                Math.max(0, exchange.getRequestContentLength()), exchange.getResponseBytesSent(),
                source == null ? null : source.getAddress(), failure == null ? null : failure.id());
    }

    String keyHeader() {
        return keyHeader == null ? "X-API-Key" : keyHeader;
    }
}
