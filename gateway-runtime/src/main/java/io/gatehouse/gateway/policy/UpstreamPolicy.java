package io.gatehouse.gateway.policy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.gatehouse.gateway.snapshot.KeyEntry;
import io.gatehouse.gateway.snapshot.Route;
import io.undertow.server.DefaultResponseListener;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.ResponseCodeHandler;
import io.undertow.server.handlers.proxy.LoadBalancingProxyClient;
import io.undertow.server.handlers.proxy.ProxyHandler;
import io.undertow.util.HttpString;
import io.undertow.util.StatusCodes;

/**
 * Last in the chain: mock mode answers from examples; otherwise Undertow's own proxy forwards the request,
 * round-robin over the Api's upstreams, with the context path removed, the key already stripped, and the request
 * id, consumer and application passed on. Undertow retries only idempotent methods, so a POST is never sent twice.
 */
public final class UpstreamPolicy implements HttpHandler {

    public static final HttpString CONSUMER_ID = HttpString.tryFromString("X-Gatehouse-Consumer-Id");
    public static final HttpString APPLICATION_ID = HttpString.tryFromString("X-Gatehouse-Application-Id");

    // Undertow's proxy ends a failed exchange with a bare 503 (no connection) or 504 (timed out): give them bodies.
    private static final DefaultResponseListener UPSTREAM_PROBLEMS = exchange -> {
        if (exchange.isResponseStarted() || GatewayExchange.failure(exchange) != null) {
            return false;
        }
        if (exchange.getStatusCode() == StatusCodes.SERVICE_UNAVAILABLE) {
            Problems.send(exchange, Failure.UPSTREAM_UNAVAILABLE);
            return true;
        }
        if (exchange.getStatusCode() == StatusCodes.GATEWAY_TIME_OUT) {
            Problems.send(exchange, Failure.UPSTREAM_TIMEOUT);
            return true;
        }
        return false;
    };

    private final HttpHandler mock;
    private final int timeoutMillis;
    private final int connectionsPerThread;
    private final Map<Long, Upstreams> upstreamsByApi = new ConcurrentHashMap<>();

    public UpstreamPolicy(HttpHandler mock, int timeoutMillis, int connectionsPerThread) {
        this.mock = mock;
        this.timeoutMillis = timeoutMillis;
        this.connectionsPerThread = connectionsPerThread;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        Route route = GatewayExchange.route(exchange);
        if (route.mockMode()) {
            mock.handleRequest(exchange);
            return;
        }
        if (route.upstreams().isEmpty()) {
            Problems.send(exchange, Failure.UPSTREAM_UNAVAILABLE);
            return;
        }
        KeyEntry key = GatewayExchange.key(exchange);
        exchange.getRequestHeaders().put(CONSUMER_ID, key.consumerId());
        exchange.getRequestHeaders().put(APPLICATION_ID, key.applicationId());
        // The proxy forwards what follows the resolved path: the request path below the context path.
        exchange.setResolvedPath(route.contextPath());
        exchange.addDefaultResponseListener(UPSTREAM_PROBLEMS);
        upstreams(route).proxy.handleRequest(exchange);
    }

    /** One proxy per Api, rebuilt only when its upstream list changes; idle connections of a replaced one expire. */
    private Upstreams upstreams(Route route) {
        Upstreams current = upstreamsByApi.get(route.apiId());
        if (current != null && current.targets.equals(route.upstreams())) {
            return current;
        }
        return upstreamsByApi.compute(route.apiId(), (apiId, existing) ->
                existing != null && existing.targets.equals(route.upstreams()) ? existing : build(route.upstreams()));
    }

    private Upstreams build(List<String> targets) {
        LoadBalancingProxyClient client = new LoadBalancingProxyClient()
                .setConnectionsPerThread(connectionsPerThread)
                .setSoftMaxConnectionsPerThread(Math.max(1, connectionsPerThread / 2))
                .setMaxQueueSize(connectionsPerThread * 16)
                .setTtl(60_000)
                .setProblemServerRetry(5);
        targets.forEach(target -> client.addHost(URI.create(target)));
        ProxyHandler proxy = ProxyHandler.builder().setProxyClient(client).setMaxRequestTime(timeoutMillis)
                .setNext(ResponseCodeHandler.HANDLE_404).setRewriteHostHeader(true).build();
        return new Upstreams(List.copyOf(targets), proxy);
    }

    private record Upstreams(List<String> targets, ProxyHandler proxy) {
    }
}
