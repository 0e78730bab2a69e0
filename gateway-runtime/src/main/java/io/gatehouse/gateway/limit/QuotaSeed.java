package io.gatehouse.gateway.limit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import io.gatehouse.core.plan.Quota;
import io.gatehouse.core.plan.QuotaWindow;

/**
 * Quota usage of the current day and month per subscription, counted from the analytics events already written: the
 * calls that passed the limit step (every event of a subscription except its 429s). Read once at start-up, off the
 * request path. Events still queued when a node crashed are not there; a graceful stop writes them first.
 */
final class QuotaSeed {

    static final QuotaSeed NONE = new QuotaSeed(null, null, Map.of());

    /** The refusals of the limit step itself (Failure.RATE_LIMITED and QUOTA_EXHAUSTED), which use no quota. */
    static final String RATE_LIMITED = "rate-limited";
    static final String QUOTA_EXHAUSTED = "quota-exhausted";

    private static final String USAGE = "select subscription_id, count(*) as month_used,"
            + " sum(case when occurred_at >= ? then 1 else 0 end) as day_used"
            + " from analytics_event where occurred_at >= ? and occurred_at < ? and subscription_id is not null"
            + " and (rejection_reason is null or rejection_reason not in ('" + RATE_LIMITED + "', '"
            + QUOTA_EXHAUSTED + "')) group by subscription_id";

    private final QuotaWindow day;
    private final QuotaWindow month;
    private final Map<Long, long[]> used;

    private QuotaSeed(QuotaWindow day, QuotaWindow month, Map<Long, long[]> used) {
        this.day = day;
        this.month = month;
        this.used = used;
    }

    static QuotaSeed load(JdbcTemplate jdbc, Instant now) {
        QuotaWindow day = QuotaWindow.containing(Quota.Period.DAY, now);
        QuotaWindow month = QuotaWindow.containing(Quota.Period.MONTH, now);
        Map<Long, long[]> used = new HashMap<>();
        jdbc.query(USAGE, row -> {
            used.put(row.getLong("subscription_id"), new long[] {row.getLong("day_used"), row.getLong("month_used")});
        }, Timestamp.from(day.start()), Timestamp.from(month.start()), Timestamp.from(month.end()));
        return new QuotaSeed(day, month, used);
    }

    /** Calls counted in {@code window} before start-up; 0 for any window other than the day or month read. */
    long used(long subscriptionId, QuotaWindow window) {
        long[] counts = used.get(subscriptionId);
        if (counts == null) {
            return 0;
        }
        return window.equals(day) ? counts[0] : window.equals(month) ? counts[1] : 0;
    }

    int subscriptions() {
        return used.size();
    }
}
