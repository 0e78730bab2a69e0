package io.gatehouse.gateway.limit;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.gatehouse.core.plan.Quota;
import io.gatehouse.core.plan.QuotaWindow;
import io.gatehouse.core.plan.RateLimit;
import io.gatehouse.gateway.snapshot.PlanLimits;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Rate limits and quotas counted in this gateway node's memory, per subscription: a Bucket4j token bucket for the
 * rate limit, a counter per calendar window (UTC) for the quota. Lock-free on the request path. A plan change
 * rebuilds the subscription's bucket with the new terms.
 */
public final class LocalCounters {

    private final Map<Long, Rate> rates = new ConcurrentHashMap<>();
    private final Map<Long, Usage> quotas = new ConcurrentHashMap<>();

    /** Takes one request from the subscription's allowances, or says which one is exhausted and for how long. */
    public Decision consume(long subscriptionId, PlanLimits limits, Instant now) {
        Quota quota = limits.quota();
        QuotaWindow window = quota == null ? null : QuotaWindow.containing(quota.period(), now);
        Usage usage = window == null ? null : usage(subscriptionId, window);
        if (usage != null && usage.used.get() >= quota.limit()) {
            return Decision.quotaExhausted(limits, window, usage.used.get(), now);
        }
        RateLimit rate = limits.rateLimit();
        ConsumptionProbe probe = null;
        if (rate != null) {
            probe = bucket(subscriptionId, rate).tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                return Decision.rateLimited(limits, probe, window, usage == null ? 0 : usage.used.get(), now);
            }
        }
        long used = usage == null ? 0 : usage.used.incrementAndGet();
        if (usage != null && used > quota.limit()) {
            // Lost a race for the last unit of quota: give it back and refuse, so the count never passes the limit.
            usage.used.decrementAndGet();
            return Decision.quotaExhausted(limits, window, quota.limit(), now);
        }
        return Decision.allowed(limits, probe, window, used, now);
    }

    private Bucket bucket(long subscriptionId, RateLimit rate) {
        Rate current = rates.get(subscriptionId);
        if (current != null && current.terms.equals(rate)) {
            return current.bucket;
        }
        return rates.compute(subscriptionId, (id, existing) -> existing != null && existing.terms.equals(rate)
                ? existing : new Rate(rate, Bucket.builder().addLimit(Bandwidth.builder().capacity(rate.burst())
                        .refillGreedy(rate.requests(), Duration.ofSeconds(rate.period().seconds())).build()).build()))
                .bucket;
    }

    private Usage usage(long subscriptionId, QuotaWindow window) {
        Usage current = quotas.get(subscriptionId);
        if (current != null && current.window.equals(window)) {
            return current;
        }
        return quotas.compute(subscriptionId, (id, existing) -> existing != null && existing.window.equals(window)
                ? existing : new Usage(window));
    }

    private record Rate(RateLimit terms, Bucket bucket) {
    }

    private static final class Usage {
        final QuotaWindow window;
        final AtomicLong used = new AtomicLong();

        Usage(QuotaWindow window) {
            this.window = window;
        }
    }
}
