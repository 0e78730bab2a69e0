package io.gatehouse.gateway.policy;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.gatehouse.gateway.snapshot.KeyEntry;
import io.gatehouse.gateway.snapshot.Route;
import io.gatehouse.gateway.upstream.CircuitBreaker;
import io.gatehouse.gateway.upstream.UpstreamCall;
import io.gatehouse.gateway.upstream.UpstreamClient;
import io.undertow.server.DefaultResponseListener;
import io.undertow.server.ExchangeCompletionListener;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.ResponseCodeHandler;
import io.undertow.server.handlers.proxy.ProxyHandler;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.StatusCodes;

/**
 * Last in the chain: mock mode answers from examples; otherwise Undertow's own proxy forwards the request,
 * round-robin over the Api's upstreams, with the context path removed, the key already stripped, and the request
 * id, consumer and application passed on. Each Api has its own proxy, connection pools and timeouts, and each of its
 * targets a circuit breaker, so one failing upstream neither slows nor starves another Api.
 */
public final class UpstreamPolicy implements HttpHandler {

    public static final HttpString CONSUMER_ID = HttpString.tryFromString("X-Gatehouse-Consumer-Id");
    public static final HttpString APPLICATION_ID = HttpString.tryFromString("X-Gatehouse-Application-Id");

    /**
     * Two tries at most: a second target after a connect failure (nothing was sent, so any method may go), or, for
     * idempotent methods only, after a failure once the request was sent. Undertow's idempotency predicate decides;
     * a POST or PATCH that reached an upstream is never sent again.
     */
    static final int MAX_TRIES = 2;

    // Undertow's proxy ends a failed exchange with a bare 503 (no connection) or 504 (timed out): give them bodies.
    private static final DefaultResponseListener UPSTREAM_PROBLEMS = exchange -> {
        if (exchange.isResponseStarted() || GatewayExchange.failure(exchange) != null) {
            return false;
        }
        UpstreamCall call = UpstreamCall.of(exchange);
        if (exchange.getStatusCode() == StatusCodes.SERVICE_UNAVAILABLE) {
            UpstreamCall.Cause cause = call == null ? UpstreamCall.Cause.NONE : call.cause();
            if (cause == UpstreamCall.Cause.CIRCUIT_OPEN) {
                exchange.getResponseHeaders().put(Headers.RETRY_AFTER, call.retryAfterSeconds());
                Problems.send(exchange, Failure.CIRCUIT_OPEN);
            } else {
                Problems.send(exchange, cause == UpstreamCall.Cause.CONNECT_TIMEOUT ? Failure.UPSTREAM_TIMEOUT
                        : Failure.UPSTREAM_UNAVAILABLE);
            }
            return true;
        }
        if (exchange.getStatusCode() == StatusCodes.GATEWAY_TIME_OUT) {
            // The abandoned upstream exchange may still fail later and close "its" client connection: make sure by
            // then that connection carries no other request.
            exchange.setPersistent(false);
            Problems.send(exchange, Failure.UPSTREAM_TIMEOUT);
            return true;
        }
        return false;
    };

    // The last target's breaker hears how the exchange ended, once it has (connect failures were counted earlier).
    private static final ExchangeCompletionListener REPORT_TO_BREAKER = (exchange, next) -> {
        UpstreamCall call = UpstreamCall.of(exchange);
        Failure failure = GatewayExchange.failure(exchange);
        call.finish(failure == Failure.UPSTREAM_TIMEOUT || failure == Failure.UPSTREAM_UNAVAILABLE);
        next.proceed();
    };

    private final HttpHandler mock;
    private final Timeouts defaults;
    private final int connectionsPerThread;
    private final UpstreamClient.CircuitSettings circuit;
    private final CircuitObserver observer;
    private final Map<Long, Upstreams> upstreamsByApi = new ConcurrentHashMap<>();

    public UpstreamPolicy(HttpHandler mock, Timeouts defaults, int connectionsPerThread,
            UpstreamClient.CircuitSettings circuit, CircuitObserver observer) {
        this.mock = mock;
        this.defaults = defaults;
        this.connectionsPerThread = connectionsPerThread;
        this.circuit = circuit;
        this.observer = observer;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        GatewayExchange state = GatewayExchange.of(exchange);
        Route route = state.route;
        if (route.mockMode()) {
            mock.handleRequest(exchange);
            return;
        }
        if (route.upstreams().isEmpty()) {
            Problems.send(exchange, Failure.UPSTREAM_UNAVAILABLE);
            return;
        }
        // Undocumented paths still go to the upstream; documented ones are recorded by operation.
        state.matchOperation(exchange);
        KeyEntry key = state.key;
        exchange.getRequestHeaders().put(CONSUMER_ID, key.consumerId());
        exchange.getRequestHeaders().put(APPLICATION_ID, key.applicationId());
        // The proxy forwards what follows the resolved path: the request path below the context path.
        exchange.setResolvedPath(route.contextPath());
        exchange.addDefaultResponseListener(UPSTREAM_PROBLEMS);
        UpstreamCall.start(exchange);
        exchange.addExchangeCompleteListener(REPORT_TO_BREAKER);
        upstreams(route).proxy.handleRequest(exchange);
    }

    /**
     * One proxy per Api, rebuilt only when its upstream list or timeouts change (breakers start closed again);
     * idle connections of a replaced one expire.
     */
    private Upstreams upstreams(Route route) {
        Upstreams current = upstreamsByApi.get(route.apiId());
        if (current != null && current.serves(route)) {
            return current;
        }
        return upstreamsByApi.compute(route.apiId(), (apiId, existing) ->
                existing != null && existing.serves(route) ? existing : build(route));
    }

    private Upstreams build(Route route) {
        Timeouts timeouts = defaults.over(route.connectTimeoutMillis(), route.responseTimeoutMillis());
        // A connect timeout at or beyond the response timeout adds nothing: the response timeout ends the request.
        int connectMillis = timeouts.connectMillis() < timeouts.responseMillis() ? timeouts.connectMillis() : 0;
        UpstreamClient client = new UpstreamClient(route.upstreams(), connectionsPerThread, connectMillis, circuit,
                System::nanoTime);
        ProxyHandler proxy = ProxyHandler.builder().setProxyClient(client).setMaxRequestTime(timeouts.responseMillis())
                .setMaxConnectionRetries(MAX_TRIES).setNext(ResponseCodeHandler.HANDLE_404).setRewriteHostHeader(true)
                .build();
        observer.targets(route.contextPath(), client.breakers());
        return new Upstreams(List.copyOf(route.upstreams()), route.connectTimeoutMillis(),
                route.responseTimeoutMillis(), proxy);
    }

    /** The gateway-wide defaults, in milliseconds, and an Api's own values laid over them. */
    public record Timeouts(int connectMillis, int responseMillis) {

        Timeouts over(Integer connect, Integer response) {
            return new Timeouts(connect == null ? connectMillis : connect, response == null ? responseMillis : response);
        }
    }

    /** Told about an Api's breakers whenever its proxy is built, so they can be watched (the circuit-state gauge). */
    @FunctionalInterface
    public interface CircuitObserver {
        void targets(String contextPath, Map<String, CircuitBreaker> breakersByTarget);
    }

    private record Upstreams(List<String> targets, Integer connectMillis, Integer responseMillis, ProxyHandler proxy) {

        boolean serves(Route route) {
            return targets.equals(route.upstreams()) && Objects.equals(connectMillis, route.connectTimeoutMillis())
                    && Objects.equals(responseMillis, route.responseTimeoutMillis());
        }
    }
}
