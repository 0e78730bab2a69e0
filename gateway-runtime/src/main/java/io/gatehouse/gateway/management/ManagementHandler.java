package io.gatehouse.gateway.management;

import java.time.Instant;

import io.gatehouse.gateway.limit.Counters;
import io.gatehouse.gateway.snapshot.ConfigSnapshot;
import io.gatehouse.gateway.snapshot.SnapshotStore;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/**
 * The management port: {@code /} and {@code /health} (UP, or DEGRADED while the config database is unreachable
 * and the last snapshot is served, or while Redis is configured but unusable and limits are counted per node),
 * {@code /health/liveness}, {@code /health/readiness} (503 until a snapshot is
 * loaded) and {@code /metrics} in Prometheus format.
 */
public final class ManagementHandler implements HttpHandler {

    private final SnapshotStore snapshots;
    private final PrometheusMeterRegistry prometheus;
    private final Counters counters;

    public ManagementHandler(SnapshotStore snapshots, PrometheusMeterRegistry prometheus, Counters counters) {
        this.snapshots = snapshots;
        this.prometheus = prometheus;
        this.counters = counters;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        switch (exchange.getRequestPath()) {
            case "/", "/health" -> health(exchange);
            case "/health/liveness" -> json(exchange, 200, "{\"status\":\"UP\"}");
            case "/health/readiness" -> {
                boolean ready = snapshots.current().isLoaded();
                json(exchange, ready ? 200 : 503, "{\"status\":\"" + (ready ? "UP" : "OUT_OF_SERVICE") + "\"}");
            }
            case "/metrics" -> {
                exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
                exchange.getResponseSender().send(prometheus.scrape());
            }
            default -> json(exchange, 404, "{\"status\":404,\"title\":\"Not found\"}");
        }
    }

    private void health(HttpServerExchange exchange) {
        ConfigSnapshot snapshot = snapshots.current();
        String redis = counters.redisState();
        String status = !snapshot.isLoaded() ? "DOWN"
                : snapshots.isDatabaseReachable() && !"DOWN".equals(redis) ? "UP" : "DEGRADED";
        Instant lastPoll = snapshots.lastSuccessfulPoll();
        String body = "{\"status\":\"" + status + "\",\"component\":\"gateway\""
                + ",\"database\":\"" + (snapshots.isDatabaseReachable() ? "UP" : "DOWN") + "\""
                + (redis == null ? "" : ",\"redis\":\"" + redis + "\"")
                + ",\"snapshot\":{\"revision\":" + snapshot.revision()
                + ",\"loadedAt\":\"" + snapshot.loadedAt() + "\""
                + ",\"lastSuccessfulPoll\":\"" + lastPoll + "\""
                + ",\"apis\":" + snapshot.routeCount()
                + ",\"keys\":" + snapshot.keyCount() + "}}";
        json(exchange, "DOWN".equals(status) ? 503 : 200, body);
    }

    private static void json(HttpServerExchange exchange, int status, String body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send(body);
    }
}
