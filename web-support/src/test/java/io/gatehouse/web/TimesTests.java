package io.gatehouse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class TimesTests {

    private final Times times = new Times();

    @Test
    void instantsShowInUtcToTheMinuteAndLatenciesInMillisecondsWithOneDecimal() {
        assertThat(times.utc(Instant.parse("2026-11-24T23:59:59Z"))).isEqualTo("2026-11-24 23:59 UTC");
        assertThat(times.day(Instant.parse("2026-11-24T23:59:59Z"))).isEqualTo("2026-11-24");
        assertThat(times.utc(null)).isEmpty();
        assertThat(times.ms(58_619L)).isEqualTo("58.6");
        assertThat(times.ms(30_000L)).isEqualTo("30.0");
        assertThat(times.ms(250L)).isEqualTo("0.3");
        assertThat(times.ms(null)).isEqualTo("–");
    }
}
