package io.gatehouse.core.analytics;

import java.time.Duration;
import java.time.Instant;

/**
 * The rollup resolutions, all in UTC and counted from the epoch: minutes for recent hours, hours for weeks, days for
 * long ranges. Weeks (seven days from a Thursday, as 1970-01-01 was) are never charted: the top lists add whole ones
 * in place of seven day rows each, so that a month reads about ten rows per key instead of thirty.
 */
public enum Resolution {
    MINUTE("m", Duration.ofMinutes(1)),
    HOUR("h", Duration.ofHours(1)),
    DAY("d", Duration.ofDays(1)),
    WEEK("w", Duration.ofDays(7));

    private final String code;
    private final Duration length;

    Resolution(String code, Duration length) {
        this.code = code;
        this.length = length;
    }

    /** What the {@code resolution} column holds. */
    public String code() {
        return code;
    }

    public Duration length() {
        return length;
    }

    /** The start of the bucket holding {@code when}. */
    public Instant bucketOf(Instant when) {
        long seconds = length.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(when.getEpochSecond(), seconds) * seconds);
    }
}
