package io.gatehouse.core.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How long to wait after each failed attempt: the n-th failure waits {@code delays[n-1]}; after the last delay's
 * attempt fails too, the delivery has failed. So a delivery gets at most {@code delays.size() + 1} attempts.
 */
public record RetrySchedule(List<Duration> delays) {

    /** 30 s, 2 min, 10 min, 1 h, 6 h: about a fivefold step, seven and a half hours in all. */
    public static final RetrySchedule DEFAULT = new RetrySchedule(List.of(Duration.ofSeconds(30),
            Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(6)));

    public RetrySchedule {
        delays = List.copyOf(delays);
        if (delays.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("every retry delay must be positive");
        }
    }

    /** The wait before the next attempt once {@code attemptsMade} attempts have failed, or empty to give up. */
    public Optional<Duration> afterFailures(int attemptsMade) {
        return attemptsMade >= 1 && attemptsMade <= delays.size() ? Optional.of(delays.get(attemptsMade - 1))
                : Optional.empty();
    }

    public int maxAttempts() {
        return delays.size() + 1;
    }
}
