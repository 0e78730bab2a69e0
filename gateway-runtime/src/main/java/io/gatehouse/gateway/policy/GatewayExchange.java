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

/** What the policies learn about a request, attached to the exchange as it moves down the chain. */
public final class GatewayExchange {

    static final AttachmentKey<String> REQUEST_ID = AttachmentKey.create(String.class);
    static final AttachmentKey<ConfigSnapshot> SNAPSHOT = AttachmentKey.create(ConfigSnapshot.class);
    static final AttachmentKey<Route> ROUTE = AttachmentKey.create(Route.class);
    static final AttachmentKey<String> KEY_HEADER = AttachmentKey.create(String.class);
    static final AttachmentKey<KeyEntry> KEY = AttachmentKey.create(KeyEntry.class);
    static final AttachmentKey<Grant> GRANT = AttachmentKey.create(Grant.class);
    static final AttachmentKey<Failure> FAILURE = AttachmentKey.create(Failure.class);
    static final AttachmentKey<String> OPERATION = AttachmentKey.create(String.class);

    private GatewayExchange() {
    }

    public static String requestId(HttpServerExchange exchange) {
        return exchange.getAttachment(REQUEST_ID);
    }

    public static Route route(HttpServerExchange exchange) {
        return exchange.getAttachment(ROUTE);
    }

    public static KeyEntry key(HttpServerExchange exchange) {
        return exchange.getAttachment(KEY);
    }

    public static Grant grant(HttpServerExchange exchange) {
        return exchange.getAttachment(GRANT);
    }

    /** The failure the request was refused with, or null when it went through. */
    public static Failure failure(HttpServerExchange exchange) {
        return exchange.getAttachment(FAILURE);
    }

    /**
     * The documented operation this request calls, recorded for analytics under its label; null when the document
     * has none at this method and path.
     */
    static MockOperation matchOperation(HttpServerExchange exchange, Route route) {
        String relativePath = exchange.getRequestPath().substring(route.contextPath().length());
        MockOperation operation = MockSelection.operation(route.operations(), exchange.getRequestMethod().toString(),
                relativePath.isEmpty() ? "/" : relativePath);
        if (operation != null) {
            exchange.putAttachment(OPERATION, operation.label());
        }
        return operation;
    }

    /** The analytics event of a completed exchange, from what the policies learned about it. */
    public static AnalyticsEvent event(HttpServerExchange exchange, long startedNanos) {
        Route route = route(exchange);
        KeyEntry key = key(exchange);
        Grant grant = grant(exchange);
        Failure failure = failure(exchange);
        InetSocketAddress source = exchange.getSourceAddress();
        UpstreamCall call = UpstreamCall.of(exchange);
        long now = System.nanoTime();
        return new AnalyticsEvent(System.currentTimeMillis(), requestId(exchange), route == null ? null : route.apiId(),
                exchange.getAttachment(OPERATION), grant == null ? null : grant.planId(),
                key == null ? null : key.applicationId(), grant == null ? null : grant.subscriptionId(),
                key == null ? null : key.consumerId(), key == null ? null : key.keyId(),
                exchange.getRequestMethod().toString(), exchange.getRequestPath(), exchange.getStatusCode(),
                (now - startedNanos) / 1000, call == null ? null : (now - call.startedNanos()) / 1000,
                Math.max(0, exchange.getRequestContentLength()),
                exchange.getResponseBytesSent(),
                source == null || source.getAddress() == null ? null : source.getAddress().getHostAddress(),
                failure == null ? null : failure.id());
    }

    static void recordFailure(HttpServerExchange exchange, Failure failure) {
        exchange.putAttachment(FAILURE, failure);
    }

    static String keyHeader(HttpServerExchange exchange) {
        String header = exchange.getAttachment(KEY_HEADER);
        return header == null ? "X-API-Key" : header;
    }
}
