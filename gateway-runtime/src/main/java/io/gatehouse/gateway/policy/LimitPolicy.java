package io.gatehouse.gateway.policy;

import java.time.Instant;
import java.util.concurrent.CompletionStage;

import io.gatehouse.gateway.limit.Counters;
import io.gatehouse.gateway.limit.Decision;
import io.gatehouse.gateway.snapshot.Grant;
import io.gatehouse.gateway.snapshot.PlanLimits;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.SameThreadExecutor;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;

/**
 * After the subscription: counts the request against its plan's rate limit and quota. Every response of a limited
 * subscription carries {@code RateLimit-Policy} and {@code RateLimit}; an exhausted allowance gives 429 with
 * {@code Retry-After} (429 and not 403: the client did nothing wrong and may come back later). Counted in Redis,
 * the IO thread does not wait: the exchange is dispatched and resumes on its IO thread when the answer is in.
 */
public final class LimitPolicy implements HttpHandler {

    public static final HttpString RATELIMIT_POLICY = HttpString.tryFromString("RateLimit-Policy");
    public static final HttpString RATELIMIT = HttpString.tryFromString("RateLimit");

    private final Counters counters;
    private final HttpHandler next;

    public LimitPolicy(Counters counters, HttpHandler next) {
        this.counters = counters;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        GatewayExchange state = GatewayExchange.of(exchange);
        Grant grant = state.grant;
        PlanLimits limits = state.snapshot.limits(grant.planId());
        if (!counters.shared(limits)) {
            apply(exchange, counters.consumeHere(grant.subscriptionId(), limits, Instant.now()));
            return;
        }
        CompletionStage<Decision> pending = counters.consumeShared(grant.subscriptionId(), limits, Instant.now());
        exchange.dispatch(SameThreadExecutor.INSTANCE, () -> pending.thenAccept(decision ->
                exchange.dispatch(exchange.getIoThread(), resumed -> apply(resumed, decision))));
    }

    private void apply(HttpServerExchange exchange, Decision decision) throws Exception {
        if (decision.policy() != null) {
            exchange.getResponseHeaders().put(RATELIMIT_POLICY, decision.policy());
            exchange.getResponseHeaders().put(RATELIMIT, decision.state());
        }
        switch (decision.outcome()) {
            case ALLOWED -> next.handleRequest(exchange);
            case RATE_LIMITED -> refuse(exchange, decision, Failure.RATE_LIMITED);
            case QUOTA_EXHAUSTED -> refuse(exchange, decision, Failure.QUOTA_EXHAUSTED);
        }
    }

    private static void refuse(HttpServerExchange exchange, Decision decision, Failure failure) {
        exchange.getResponseHeaders().put(Headers.RETRY_AFTER, decision.retryAfterSeconds());
        Problems.send(exchange, failure);
    }
}
