package io.gatehouse.core.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/**
 * The calendar period a quota counts in, aligned to UTC: a day from 00:00 to 00:00, a month from the first day to
 * the first day of the next. The one place quota arithmetic lives, for the gateway and the portal alike.
 */
public record QuotaWindow(Instant start, Instant end) {

    public static QuotaWindow containing(Quota.Period period, Instant instant) {
        LocalDate day = instant.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate first = period == Quota.Period.DAY ? day : day.with(TemporalAdjusters.firstDayOfMonth());
        LocalDate next = period == Quota.Period.DAY ? day.plusDays(1) : first.plusMonths(1);
        return new QuotaWindow(first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                next.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    /** Whole seconds from {@code now} until the window ends (at least 1, as Retry-After needs). */
    public long secondsUntilEnd(Instant now) {
        long millis = end.toEpochMilli() - now.toEpochMilli();
        return Math.max(1, (millis + 999) / 1000);
    }

    public long lengthSeconds() {
        return (end.toEpochMilli() - start.toEpochMilli()) / 1000;
    }
}
