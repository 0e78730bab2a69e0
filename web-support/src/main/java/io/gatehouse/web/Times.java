package io.gatehouse.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How both UIs show times: instants in UTC to the minute ({@code ${@times.utc(instant)}}), and latencies measured in
 * microseconds as milliseconds with one decimal ({@code ${@times.ms(micros)}}).
 */
public final class Times {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    public String utc(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant);
    }

    public String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant);
    }

    /** A latency in microseconds as milliseconds, one decimal ("58.6"); "–" when there is none. */
    public String ms(Long micros) {
        return micros == null ? "–" : String.format(Locale.ROOT, "%.1f", micros / 1000.0);
    }
}
