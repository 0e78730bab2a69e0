package io.gatehouse.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class TryItThrottleTests {

    private final AtomicLong nanos = new AtomicLong();
    private final TryItThrottle throttle = new TryItThrottle(3, nanos::get);

    @Test
    void aConsumerGetsTheLimitPerWindowAndAFreshWindowAfterIt() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.tryAcquire(1)).as("request " + (i + 1)).isTrue();
        }
        assertThat(throttle.tryAcquire(1)).isFalse();
        assertThat(throttle.tryAcquire(2)).as("another consumer").isTrue();

        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(throttle.tryAcquire(1)).as("still the same window").isFalse();

        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(throttle.tryAcquire(1)).as("a new window").isTrue();
    }

    @Test
    void theDefaultIsSixtyAMinute() {
        TryItThrottle standard = new TryItThrottle();
        int allowed = 0;
        for (int i = 0; i < 100; i++) {
            allowed += standard.tryAcquire(7) ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(60);
    }
}
