package io.gatehouse.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuotaWindowTests {

    @ParameterizedTest(name = "{0} {1} -> [{2}, {3})")
    @CsvSource({
            "DAY,   2026-03-14T15:09:26Z,      2026-03-14T00:00:00Z, 2026-03-15T00:00:00Z",
            "DAY,   2026-03-14T00:00:00Z,      2026-03-14T00:00:00Z, 2026-03-15T00:00:00Z",
            "DAY,   2026-03-14T23:59:59.999Z,  2026-03-14T00:00:00Z, 2026-03-15T00:00:00Z",
            "MONTH, 2026-12-31T23:59:59Z,      2026-12-01T00:00:00Z, 2027-01-01T00:00:00Z",
            "MONTH, 2028-02-29T12:00:00Z,      2028-02-01T00:00:00Z, 2028-03-01T00:00:00Z",
            "MONTH, 2026-01-01T00:00:00Z,      2026-01-01T00:00:00Z, 2026-02-01T00:00:00Z",
    })
    void windowsAreCalendarPeriodsInUtc(Quota.Period period, Instant at, Instant start, Instant end) {
        QuotaWindow window = QuotaWindow.containing(period, at);
        assertThat(window.start()).isEqualTo(start);
        assertThat(window.end()).isEqualTo(end);
    }

    @ParameterizedTest
    @CsvSource({"2026-03-14T23:59:59Z, 1", "2026-03-14T23:59:59.999Z, 1", "2026-03-14T00:00:00Z, 86400",
            "2026-03-14T23:58:30.5Z, 90"})
    void secondsUntilTheEndRoundUp(Instant now, long expected) {
        assertThat(QuotaWindow.containing(Quota.Period.DAY, now).secondsUntilEnd(now)).isEqualTo(expected);
    }

    @Test
    void aWindowContainsItsStartButNotItsEnd() {
        QuotaWindow window = QuotaWindow.containing(Quota.Period.MONTH, Instant.parse("2026-02-10T00:00:00Z"));
        assertThat(window.contains(Instant.parse("2026-02-01T00:00:00Z"))).isTrue();
        assertThat(window.contains(Instant.parse("2026-02-28T23:59:59.999Z"))).isTrue();
        assertThat(window.contains(Instant.parse("2026-03-01T00:00:00Z"))).isFalse();
        assertThat(window.contains(Instant.parse("2026-01-31T23:59:59.999Z"))).isFalse();
    }
}
