package io.gatehouse.gateway.policy;

import io.gatehouse.core.catalog.ApiLifecycle;
import io.gatehouse.gateway.snapshot.ConfigSnapshot;
import io.gatehouse.gateway.snapshot.Route;
import io.gatehouse.gateway.snapshot.SnapshotStore;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;

/**
 * Takes one snapshot for the whole request (so every later step sees the same configuration) and finds the
 * Api with the longest context path covering the request path. Every answer for a deprecated Api carries its
 * Deprecation (and Sunset) headers, refusals included, so clients notice whichever way they call it.
 */
public final class RoutePolicy implements HttpHandler {

    private static final HttpString DEPRECATION = HttpString.tryFromString("Deprecation");
    private static final HttpString SUNSET = HttpString.tryFromString("Sunset");

    private final SnapshotStore snapshots;
    private final HttpHandler next;

    public RoutePolicy(SnapshotStore snapshots, HttpHandler next) {
        this.snapshots = snapshots;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        ConfigSnapshot snapshot = snapshots.current();
        if (!snapshot.isLoaded()) {
            Problems.send(exchange, Failure.CONFIG_UNAVAILABLE);
            return;
        }
        Route route = snapshot.route(exchange.getRequestPath());
        if (route == null) {
            Problems.send(exchange, Failure.ROUTE_NOT_FOUND);
            return;
        }
        GatewayExchange state = GatewayExchange.of(exchange);
        state.snapshot = snapshot;
        state.route = route;
        if (route.deprecation() != null) {
            exchange.getResponseHeaders().put(DEPRECATION, route.deprecation());
            if (route.sunset() != null) {
                exchange.getResponseHeaders().put(SUNSET, route.sunset());
            }
        }
        // Retired before the key check: a retired API answers 410 to everyone, with or without a key.
        if (route.lifecycle() == ApiLifecycle.RETIRED) {
            Problems.send(exchange, Failure.API_RETIRED);
            return;
        }
        next.handleRequest(exchange);
    }
}
