package io.gatehouse.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class UsageScopeTests {

    private static final Instant NOW = Instant.parse("2026-11-25T10:17:31Z");
    private static final Instant MIDNIGHT = Instant.parse("2026-11-25T00:00:00Z");

    @Test
    void chartsUseMinutesUpToThreeHoursHoursUpToTwoWeeksAndDaysBeyond() {
        assertThat(scope(NOW.minus(Duration.ofHours(1))).resolution()).isEqualTo(Resolution.MINUTE);
        assertThat(scope(NOW.minus(Duration.ofHours(24))).resolution()).isEqualTo(Resolution.HOUR);
        assertThat(scope(MIDNIGHT.minus(Duration.ofDays(6))).resolution()).isEqualTo(Resolution.HOUR);
        assertThat(scope(MIDNIGHT.minus(Duration.ofDays(29))).resolution()).isEqualTo(Resolution.DAY);
    }

    @Test
    void totalsReadDaysOnlyWhenTheRangeStartsAtMidnightAndSpansADay() {
        assertThat(scope(MIDNIGHT.minus(Duration.ofDays(6))).totalsResolution()).isEqualTo(Resolution.DAY);
        assertThat(scope(MIDNIGHT.minus(Duration.ofDays(29))).totalsResolution()).isEqualTo(Resolution.DAY);
        assertThat(scope(NOW.minus(Duration.ofDays(7))).totalsResolution()).as("starts mid-day")
                .isEqualTo(Resolution.HOUR);
        assertThat(scope(NOW.minus(Duration.ofHours(24))).totalsResolution()).isEqualTo(Resolution.HOUR);
        assertThat(scope(MIDNIGHT).totalsResolution()).as("today so far: less than a day").isEqualTo(Resolution.HOUR);
        assertThat(scope(NOW.minus(Duration.ofHours(1))).totalsResolution()).isEqualTo(Resolution.MINUTE);
    }

    private static UsageScope scope(Instant from) {
        return new UsageScope(from, NOW, null, null, null, null, null);
    }
}
