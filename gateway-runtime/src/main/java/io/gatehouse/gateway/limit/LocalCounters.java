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

    private final Map<Long, Counts> counts = new ConcurrentHashMap<>();
    private volatile QuotaSeed seed = QuotaSeed.NONE;
    /** The current day and month, shared by every subscription's count (one object each, not one a subscription). */
    private volatile QuotaWindow day;
    private volatile QuotaWindow month;

    /** Usage counted before this node started; applies to windows first used after this call. */
    void seed(QuotaSeed seed) {
        this.seed = seed;
    }

    /** Raises this node's count to what the cluster counted, so a fall-back to local counting continues from there. */
    void observe(long subscriptionId, Quota.Period period, long used, Instant now) {
        counts(subscriptionId).usage(subscriptionId, period, now).used.accumulateAndGet(used, Math::max);
    }

    /** Takes one request from the subscription's allowances, or says which one is exhausted and for how long. */
    public Decision consume(long subscriptionId, PlanLimits limits, Instant now) {
        Counts counts = counts(subscriptionId);
        Quota quota = limits.quota();
        Usage usage = quota == null ? null : counts.usage(subscriptionId, quota.period(), now);
        QuotaWindow window = usage == null ? null : usage.window;
        if (usage != null && usage.used.get() >= quota.limit()) {
            return Decision.quotaExhausted(limits, window, usage.used.get(), now);
        }
        RateLimit rate = limits.rateLimit();
        ConsumptionProbe probe = null;
        if (rate != null) {
            probe = counts.bucket(rate).tryConsumeAndReturnRemaining(1);
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

    private Counts counts(long subscriptionId) {
        Counts existing = counts.get(subscriptionId);
        return existing != null ? existing : counts.computeIfAbsent(subscriptionId, id -> new Counts());
    }

    /** The current window of a period, worked out again only when it ends. */
    QuotaWindow window(Quota.Period period, Instant now) {
        QuotaWindow cached = period == Quota.Period.DAY ? day : month;
        if (cached != null && cached.contains(now)) {
            return cached;
        }
        QuotaWindow current = QuotaWindow.containing(period, now);
        if (period == Quota.Period.DAY) {
            day = current;
        } else {
            month = current;
        }
        return current;
    }

    /**
     * One subscription's bucket and quota counter, found with one lookup. Replaced only when the plan's terms or the
     * window change, under the object's lock; the request path reads the two fields without it.
     */
    private final class Counts {
        private volatile Rate rate;
        private volatile Usage usage;

        Bucket bucket(RateLimit terms) {
            Rate current = rate;
            if (current != null && (current.terms == terms || current.terms.equals(terms))) {
                return current.bucket;
            }
            synchronized (this) {
                current = rate;
                if (current == null || !current.terms.equals(terms)) {
                    current = new Rate(terms, Bucket.builder().addLimit(Bandwidth.builder().capacity(terms.burst())
                            .refillGreedy(terms.requests(), Duration.ofSeconds(terms.period().seconds())).build())
                            .build());
                    rate = current;
                }
                return current.bucket;
            }
        }

        /** The counter of the window containing {@code now}. */
        Usage usage(long subscriptionId, Quota.Period period, Instant now) {
            Usage current = usage;
            long millis = now.toEpochMilli();
            if (current != null && current.period == period && millis >= current.startMillis
                    && millis < current.endMillis) {
                return current;
            }
            synchronized (this) {
                current = usage;
                QuotaWindow window = window(period, now);
                if (current == null || current.period != period || !current.window.equals(window)) {
                    current = new Usage(period, window, seed.used(subscriptionId, window));
                    usage = current;
                }
                return current;
            }
        }
    }

    private record Rate(RateLimit terms, Bucket bucket) {
    }

    private static final class Usage {
        final Quota.Period period;
        final QuotaWindow window;
        final long startMillis;
        final long endMillis;
        final AtomicLong used = new AtomicLong();

        Usage(Quota.Period period, QuotaWindow window, long used) {
            this.period = period;
            this.window = window;
            this.startMillis = window.start().toEpochMilli();
            this.endMillis = window.end().toEpochMilli();
            this.used.set(used);
        }
    }
}
