package io.gatehouse.core.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Which calls a dashboard counts: a time range and optional filters. {@code apiIds} limits the APIs a viewer may see
 * (a product owner's own; null for an admin, who sees all); the other ids narrow further and are null for "any".
 * {@code endsNow}: the range reaches the present, so no call can have come after {@code to} and a rollup row that
 * holds {@code to} holds nothing beyond the range ({@link #asOf}).
 */
public record UsageScope(Instant from, Instant to, Set<Long> apiIds, Long apiId, Long planId, Long applicationId,
        Long consumerId, Long subscriptionId, boolean endsNow) {

    public UsageScope {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("The range must end after it starts.");
        }
        apiIds = apiIds == null ? null : Set.copyOf(apiIds);
    }

    /** Any subscription. */
    public UsageScope(Instant from, Instant to, Set<Long> apiIds, Long apiId, Long planId, Long applicationId,
            Long consumerId) {
        this(from, to, apiIds, apiId, planId, applicationId, consumerId, null, false);
    }

    /** The same range and filters, narrowed to one subscription. */
    public UsageScope forSubscription(long id) {
        return new UsageScope(from, to, apiIds, apiId, planId, applicationId, consumerId, id, endsNow);
    }

    /** The same range and filters, read at {@code now}: it ends now when {@code to} is not before it. */
    public UsageScope asOf(Instant now) {
        return new UsageScope(from, to, apiIds, apiId, planId, applicationId, consumerId, subscriptionId,
                !to.isBefore(now));
    }

    /**
     * The resolution that gives a readable number of points: minutes up to 3 hours, hours up to 14 days, days
     * beyond (and what the retention still holds).
     */
    public Resolution resolution() {
        Duration length = Duration.between(from, to);
        if (length.compareTo(Duration.ofHours(3)) <= 0) {
            return Resolution.MINUTE;
        }
        return length.compareTo(Duration.ofDays(14)) <= 0 ? Resolution.HOUR : Resolution.DAY;
    }

    /**
     * The resolution that totals over the whole range read (the summary, failures and top lists): days when the range
     * starts at a UTC midnight and spans a day or more, so that a month is 30 rows per key instead of 720 hours;
     * otherwise the chart's.
     */
    public Resolution totalsResolution() {
        boolean wholeDays = Resolution.DAY.bucketOf(from).equals(from)
                && Duration.between(from, to).compareTo(Resolution.DAY.length()) >= 0;
        return wholeDays ? Resolution.DAY : resolution();
    }

    /** True when the viewer may see nothing at all (a product owner without APIs). */
    public boolean empty() {
        return apiIds != null && apiIds.isEmpty();
    }
}
