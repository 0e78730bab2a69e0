package io.gatehouse.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyBucketsTests {

    @Test
    void eachLatencyFallsInTheBucketOfTheFirstBoundItDoesNotPass() {
        assertThat(LatencyBuckets.index(0)).isZero();
        assertThat(LatencyBuckets.index(250)).isZero();
        assertThat(LatencyBuckets.index(251)).isEqualTo(1);
        assertThat(LatencyBuckets.index(10_000_000)).isEqualTo(14);
        assertThat(LatencyBuckets.index(10_000_001)).isEqualTo(15);
        assertThat(LatencyBuckets.column(3)).isEqualTo("lat_03");
        assertThat(LatencyBuckets.column(15)).isEqualTo("lat_15");
    }

    @Test
    void percentilesAreTheBoundOfTheBucketHoldingTheRankCappedAtTheSlowestCall() {
        long[] counts = new long[LatencyBuckets.COUNT];
        counts[0] = 90; // up to 250 us
        counts[4] = 9; // up to 5 ms
        counts[15] = 1; // beyond 10 s
        assertThat(LatencyBuckets.percentile(counts, 50, 12_000_000)).isEqualTo(250);
        assertThat(LatencyBuckets.percentile(counts, 90, 12_000_000)).isEqualTo(250);
        assertThat(LatencyBuckets.percentile(counts, 95, 12_000_000)).isEqualTo(5_000);
        assertThat(LatencyBuckets.percentile(counts, 99.5, 12_000_000)).isEqualTo(12_000_000);
        assertThat(LatencyBuckets.percentile(new long[] {3, 0}, 50, 120)).as("never above the slowest call")
                .isEqualTo(120);
        assertThat(LatencyBuckets.percentile(new long[LatencyBuckets.COUNT], 50, 0)).isNull();
    }
}
