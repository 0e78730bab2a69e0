package io.gatehouse.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.gatehouse.gateway.upstream.CircuitBreaker.State;

class CircuitBreakerTests {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10).toNanos(),
            Duration.ofSeconds(5).toNanos(), now::get);

    @Test
    void opensAfterTheThresholdOfConsecutiveFailuresAndRefusesUntilTheOpenDurationHasPassed() {
        breaker.onFailure();
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
        assertThat(breaker.remainingOpenNanos()).isEqualTo(Duration.ofSeconds(5).toNanos());
        advance(Duration.ofMillis(4_999));
        assertThat(breaker.tryAcquire()).isFalse();
        assertThat(breaker.remainingOpenNanos()).isEqualTo(Duration.ofMillis(1).toNanos());
    }

    @Test
    void aSuccessInBetweenResetsTheStreak() {
        breaker.onFailure();
        breaker.onFailure();
        breaker.onSuccess();
        breaker.onFailure();
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void failuresSpreadWiderThanTheWindowDoNotOpenIt() {
        breaker.onFailure();
        breaker.onFailure();
        advance(Duration.ofSeconds(11));
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        breaker.onFailure();
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(State.OPEN);
    }

    @Test
    void afterTheOpenDurationExactlyOneTrialPassesAndItsSuccessCloses() {
        open();
        advance(Duration.ofSeconds(5));
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
        breaker.onSuccess();
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.remainingOpenNanos()).isZero();
    }

    @Test
    void aFailedTrialOpensAgainForAFullOpenDuration() {
        open();
        advance(Duration.ofSeconds(5));
        assertThat(breaker.tryAcquire()).isTrue();
        advance(Duration.ofSeconds(1));
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.remainingOpenNanos()).isEqualTo(Duration.ofSeconds(5).toNanos());
        advance(Duration.ofSeconds(4));
        assertThat(breaker.tryAcquire()).isFalse();
    }

    @Test
    void aTrialThatNeverReportsIsReplacedAfterAnotherOpenDuration() {
        open();
        advance(Duration.ofSeconds(5));
        assertThat(breaker.tryAcquire()).isTrue();
        advance(Duration.ofSeconds(4));
        assertThat(breaker.tryAcquire()).isFalse();
        advance(Duration.ofSeconds(1));
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.tryAcquire()).isFalse();
    }

    @Test
    void failuresReportedWhileOpenChangeNothing() {
        open();
        advance(Duration.ofSeconds(3));
        breaker.onFailure();
        advance(Duration.ofSeconds(2));
        assertThat(breaker.tryAcquire()).isTrue();
    }

    private void open() {
        for (int i = 0; i < 3; i++) {
            breaker.onFailure();
        }
        assertThat(breaker.state()).isEqualTo(State.OPEN);
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
