package io.gatehouse.gateway.policy;

import io.gatehouse.gateway.snapshot.Grant;
import io.gatehouse.gateway.snapshot.KeyEntry;
import io.gatehouse.gateway.snapshot.Route;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/** A valid key passes only when its application holds an APPROVED subscription to this Api and its owner is active. */
public final class SubscriptionPolicy implements HttpHandler {

    private final HttpHandler next;

    public SubscriptionPolicy(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        GatewayExchange state = GatewayExchange.of(exchange);
        KeyEntry key = state.key;
        if (!key.consumerActive()) {
            Problems.send(exchange, Failure.CONSUMER_SUSPENDED);
            return;
        }
        Route route = state.route;
        Grant grant = key.grant(route.apiId());
        Failure refusal = refusal(grant);
        if (refusal != null) {
            Problems.send(exchange, refusal);
            return;
        }
        state.grant = grant;
        next.handleRequest(exchange);
    }

    static Failure refusal(Grant grant) {
        if (grant == null) {
            return Failure.SUBSCRIPTION_MISSING;
        }
        return switch (grant.status()) {
            case APPROVED -> null;
            case PENDING -> Failure.SUBSCRIPTION_PENDING;
            case REJECTED -> Failure.SUBSCRIPTION_REJECTED;
            case SUSPENDED -> Failure.SUBSCRIPTION_SUSPENDED;
            case REVOKED -> Failure.SUBSCRIPTION_MISSING;
        };
    }
}
