package io.gatehouse.portal.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The time ranges "My usage" offers, ending now; anything else reads as the last 24 hours. */
enum UsageRange {
    LAST_24_HOURS("24h", "Last 24 hours", Duration.ofHours(24)),
    LAST_7_DAYS("7d", "Last 7 days", Duration.ofDays(7)),
    LAST_30_DAYS("30d", "Last 30 days", Duration.ofDays(30));

    static final List<UsageRange> ALL = List.of(values());

    private final String code;
    private final String label;
    private final Duration length;

    UsageRange(String code, String label, Duration length) {
        this.code = code;
        this.label = label;
        this.length = length;
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
        return now.minus(length);
    }
}
