package io.gatehouse.core.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The three rollup resolutions: minutes for recent hours, hours for weeks, days for long ranges (UTC). */
public enum Resolution {
    MINUTE("m", ChronoUnit.MINUTES),
    HOUR("h", ChronoUnit.HOURS),
    DAY("d", ChronoUnit.DAYS);

    private final String code;
    private final ChronoUnit unit;

    Resolution(String code, ChronoUnit unit) {
        this.code = code;
        this.unit = unit;
    }

    /** What the {@code resolution} column holds. */
    public String code() {
        return code;
    }

    public Duration length() {
        return unit.getDuration();
    }

    /** The start of the bucket holding {@code when}. */
    public Instant bucketOf(Instant when) {
        return when.truncatedTo(unit);
    }
}
