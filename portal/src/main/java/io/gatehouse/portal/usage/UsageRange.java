package io.gatehouse.portal.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.gatehouse.core.analytics.Resolution;

/**
 * The time ranges "My usage" offers, ending now; anything else reads as the last 24 hours. The 7- and 30-day ranges
 * are whole UTC days, today's so far included, as on the admin dashboard.
 */
enum UsageRange {
    LAST_24_HOURS("24h", "Last 24 hours", null),
    LAST_7_DAYS("7d", "Last 7 days", 7),
    LAST_30_DAYS("30d", "Last 30 days", 30);

    static final List<UsageRange> ALL = List.of(values());

    private final String code;
    private final String label;
    /** Whole days, today's included; null for the last 24 hours. */
    private final Integer days;

    UsageRange(String code, String label, Integer days) {
        this.code = code;
        this.label = label;
        this.days = days;
    }

    static UsageRange of(String code) {
        return ALL.stream().filter(range -> range.code.equals(code)).findFirst().orElse(LAST_24_HOURS);
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    Instant start(Instant now) {
        return days == null ? now.minus(Duration.ofHours(24))
                : Resolution.DAY.bucketOf(now).minus(Duration.ofDays(days - 1));
    }
}
