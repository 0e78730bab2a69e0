package io.gatehouse.gateway.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class CopyRowsTests {

    @Test
    void timestampsAreUtcWithThreeDigitMillisecondsWithinAndAcrossSeconds() {
        CopyRows.Timestamps timestamps = new CopyRows.Timestamps();
        long second = Instant.parse("2026-12-06T19:30:05Z").toEpochMilli();
        StringBuilder rows = new StringBuilder();
        for (long millis : new long[] {second, second + 5, second + 70, second + 999, second + 1000, -1}) {
            timestamps.append(rows, millis).append(' ');
        }
        assertThat(rows.toString()).isEqualTo("2026-12-06T19:30:05.000Z 2026-12-06T19:30:05.005Z"
                + " 2026-12-06T19:30:05.070Z 2026-12-06T19:30:05.999Z 2026-12-06T19:30:06.000Z"
                + " 1969-12-31T23:59:59.999Z ");
    }
}
