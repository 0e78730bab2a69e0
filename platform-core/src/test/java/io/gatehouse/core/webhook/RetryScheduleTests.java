package io.gatehouse.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RetryScheduleTests {

    @ParameterizedTest
    @CsvSource(textBlock = """
            1, PT30S
            2, PT2M
            3, PT10M
            4, PT1H
            5, PT6H
            """)
    void theDefaultWaitsLongerAfterEachFailure(int failures, Duration wait) {
        assertThat(RetrySchedule.DEFAULT.afterFailures(failures)).contains(wait);
    }

    @Test
    void givesUpAfterTheLastDelaysAttempt() {
        assertThat(RetrySchedule.DEFAULT.afterFailures(6)).isEmpty();
        assertThat(RetrySchedule.DEFAULT.maxAttempts()).isEqualTo(6);
        RetrySchedule none = new RetrySchedule(List.of());
        assertThat(none.afterFailures(1)).isEmpty();
        assertThat(none.maxAttempts()).isOne();
    }

    @Test
    void refusesAZeroOrNegativeDelay() {
        assertThatThrownBy(() -> new RetrySchedule(List.of(Duration.ofSeconds(1), Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(List.of(Duration.ofSeconds(-1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
