package io.gatehouse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LoginThrottleTests {

    /** A clock the test moves by hand. */
    static final class TestClock extends Clock {

        Instant now = Instant.parse("2026-01-01T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    final TestClock clock = new TestClock();
    final LoginThrottle throttle = new LoginThrottle(clock);

    private void fail(String login, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(login, address);
        }
    }

    @Test
    void fourFailuresAreAllowedTheFifthBlocksTheNameFor15Minutes() {
        fail("ada@example.com", "10.0.0.1", 4);
        assertThat(throttle.isBlocked("ada@example.com", "10.0.0.9")).isFalse();
        throttle.failed("ADA@example.com ", "10.0.0.2");
        assertThat(throttle.isBlocked("ada@example.com", "10.0.0.9")).isTrue();
        assertThat(throttle.isBlocked("grace@example.com", "10.0.0.9")).isFalse();
        clock.advance(Duration.ofMinutes(14));
        assertThat(throttle.isBlocked("ada@example.com", "10.0.0.9")).isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.isBlocked("ada@example.com", "10.0.0.9")).isFalse();
        throttle.failed("ada@example.com", "10.0.0.9");
        assertThat(throttle.isBlocked("ada@example.com", "10.0.0.8")).as("a fresh count after the lockout").isFalse();
    }

    @Test
    void fiftyFailuresFromOneAddressBlockEveryNameFromItButFortyNineDoNot() {
        for (int i = 0; i < 49; i++) {
            throttle.failed("user" + i + "@example.com", "10.0.0.1");
        }
        assertThat(throttle.isBlocked("someone-else@example.com", "10.0.0.1")).isFalse();
        throttle.failed("user49@example.com", "10.0.0.1");
        assertThat(throttle.isBlocked("someone-else@example.com", "10.0.0.1")).isTrue();
        assertThat(throttle.isBlocked("someone-else@example.com", "10.0.0.2")).isFalse();
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() {
        fail("ada@example.com", "10.0.0.1", 4);
        clock.advance(Duration.ofMinutes(15));
        throttle.failed("ada@example.com", "10.0.0.2");
        assertThat(throttle.isBlocked("ada@example.com", "10.0.0.3")).isFalse();
    }

    @Test
    void aSuccessfulLoginClearsTheNameButNotTheAddress() {
        fail("ada@example.com", "10.0.0.1", 4);
        throttle.succeeded("ada@example.com");
        throttle.failed("ada@example.com", "10.0.0.2");
        assertThat(throttle.isBlocked("ada@example.com", "10.0.0.3")).isFalse();
        for (int i = 0; i < 45; i++) {
            throttle.failed("user" + i + "@example.com", "10.0.0.1");
        }
        assertThat(throttle.isBlocked("carol@example.com", "10.0.0.1")).as("49 failures from it").isFalse();
        throttle.failed("bob@example.com", "10.0.0.1");
        assertThat(throttle.isBlocked("carol@example.com", "10.0.0.1")).as("50 failures from it").isTrue();
    }
}
