package io.gatehouse.gateway.upstream;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.proxy.LoadBalancingProxyClient;
import io.undertow.server.handlers.proxy.ProxyCallback;
import io.undertow.server.handlers.proxy.ProxyConnection;

/**
 * Undertow's load-balancing proxy client for one Api, with a circuit breaker per target and a connect timeout.
 * Undertow still picks the host (round robin, preferring hosts its pool has not marked as problems, never one this
 * request already tried); a host whose breaker is open is passed over. When every untried host is open the request
 * is refused without a connection attempt, and {@link UpstreamCall#cause()} says so.
 */
public final class UpstreamClient extends LoadBalancingProxyClient {

    private final URI[] uris;
    private final CircuitBreaker[] breakers;
    private final int connectTimeoutMillis;

    /**
     * @param connectTimeoutMillis how long opening a connection may take; 0 leaves it to the response timeout
     */
    public UpstreamClient(List<String> targets, int connectionsPerThread, int connectTimeoutMillis,
            CircuitSettings circuit, LongSupplier nanoClock) {
        this.connectTimeoutMillis = connectTimeoutMillis;
        // Before the first host: each host's pool takes its limits when it is created.
        setConnectionsPerThread(connectionsPerThread);
        setSoftMaxConnectionsPerThread(Math.max(1, connectionsPerThread / 2));
        setMaxQueueSize(connectionsPerThread * 16);
        setTtl(60_000);
        setProblemServerRetry(5);
        this.uris = new URI[targets.size()];
        this.breakers = new CircuitBreaker[targets.size()];
        for (int i = 0; i < targets.size(); i++) {
            uris[i] = URI.create(targets.get(i));
            breakers[i] = new CircuitBreaker(circuit.failureThreshold(), circuit.failureWindow().toNanos(),
                    circuit.openDuration().toNanos(), nanoClock);
            addHost(uris[i]);
        }
    }

    /** Each target's breaker, by target URL, in the order the targets were given. */
    public Map<String, CircuitBreaker> breakers() {
        Map<String, CircuitBreaker> byTarget = new LinkedHashMap<>();
        for (int i = 0; i < uris.length; i++) {
            byTarget.put(uris[i].toString(), breakers[i]);
        }
        return byTarget;
    }

    @Override
    public void getConnection(ProxyTarget target, HttpServerExchange exchange,
            ProxyCallback<ProxyConnection> callback, long timeout, TimeUnit timeUnit) {
        UpstreamCall call = UpstreamCall.of(exchange);
        if (call == null) {
            call = UpstreamCall.start(exchange);
        }
        UpstreamCall.Attempt attempt = call.attempt(exchange, callback);
        super.getConnection(target, exchange, attempt, timeout, timeUnit);
        attempt.startTimer(connectTimeoutMillis);
    }

    @Override
    protected Host selectHost(HttpServerExchange exchange) {
        UpstreamCall call = UpstreamCall.of(exchange);
        boolean triedBefore = call.attempted();
        long soonest = Long.MAX_VALUE;
        for (int i = 0; i < breakers.length; i++) {
            Host host = super.selectHost(exchange);
            if (host == null) {
                break;
            }
            CircuitBreaker breaker = breaker(host.getUri());
            if (breaker.tryAcquire()) {
                call.selected(breaker);
                return host;
            }
            soonest = Math.min(soonest, breaker.remainingOpenNanos());
        }
        // A request that already tried a target reports that target's failure, not the other targets' breakers.
        if (soonest != Long.MAX_VALUE && !triedBefore) {
            call.circuitOpen(soonest);
        }
        return null;
    }

    private CircuitBreaker breaker(URI uri) {
        for (int i = 0; i < uris.length; i++) {
            if (uris[i] == uri) {
                return breakers[i];
            }
        }
        for (int i = 0; i < uris.length; i++) {
            if (uris[i].equals(uri)) {
                return breakers[i];
            }
        }
        throw new IllegalStateException("not a target of this client: " + uri);
    }

    /** The breaker settings: {@code gatehouse.gateway.circuit-*}. */
    public record CircuitSettings(int failureThreshold, Duration failureWindow, Duration openDuration) {
    }
}
