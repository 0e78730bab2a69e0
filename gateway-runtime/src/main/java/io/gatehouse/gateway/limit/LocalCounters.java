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
 * rebuilds the subscription's bucket with the new terms. A quota window's count starts from the {@link QuotaSeed} read
 * at start-up, so usage survives a restart.
 */
public final class LocalCounters {

    private final Map<Long, Rate> rates = new ConcurrentHashMap<>();
    private final Map<Long, Usage> quotas = new ConcurrentHashMap<>();
    private volatile QuotaSeed seed = QuotaSeed.NONE;

    /** Usage counted before this node started; applies to windows first used after this call. */
    void seed(QuotaSeed seed) {
        this.seed = seed;
    }

    /** Raises this node's count to what the cluster counted, so a fall-back to local counting continues from there. */
    void observe(long subscriptionId, Quota.Period period, long used, Instant now) {
        usage(subscriptionId, period, now).used.accumulateAndGet(used, Math::max);
    }

    /** Takes one request from the subscription's allowances, or says which one is exhausted and for how long. */
    public Decision consume(long subscriptionId, PlanLimits limits, Instant now) {
        Quota quota = limits.quota();
        Usage usage = quota == null ? null : usage(subscriptionId, quota.period(), now);
        QuotaWindow window = usage == null ? null : usage.window;
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

    /** The counter of the window containing {@code now}; the window is worked out only when a new one begins. */
    private Usage usage(long subscriptionId, Quota.Period period, Instant now) {
        Usage current = quotas.get(subscriptionId);
        if (current != null && current.period == period && current.window.contains(now)) {
            return current;
        }
        QuotaWindow window = QuotaWindow.containing(period, now);
        return quotas.compute(subscriptionId, (id, existing) -> existing != null && existing.period == period
                && existing.window.equals(window) ? existing : new Usage(period, window, seed.used(id, window)));
    }

    private record Rate(RateLimit terms, Bucket bucket) {
    }

    private static final class Usage {
        final Quota.Period period;
        final QuotaWindow window;
        final AtomicLong used = new AtomicLong();

        Usage(Quota.Period period, QuotaWindow window, long used) {
            this.period = period;
            this.window = window;
            this.used.set(used);
        }
    }
}
