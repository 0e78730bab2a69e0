package io.gatehouse.core.analytics;

/**
 * The sixteen latency buckets of the rollups (columns {@code lat_00}..{@code lat_15}): each counts the calls that
 * took at most its upper bound and more than the previous one; the last has no upper bound. Percentiles read from
 * bucket counts are the upper bound of the bucket holding the rank, so they err high by at most one bucket.
 */
public final class LatencyBuckets {

    /** Upper bounds in microseconds of buckets 0..14; bucket 15 takes the rest. */
    private static final long[] UPPER_US = {250, 500, 1_000, 2_000, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000,
            500_000, 1_000_000, 2_500_000, 5_000_000, 10_000_000};

    public static final int COUNT = UPPER_US.length + 1;

    private LatencyBuckets() {
    }

    /** The bucket a call of {@code micros} falls into. */
    public static int index(long micros) {
        for (int i = 0; i < UPPER_US.length; i++) {
            if (micros <= UPPER_US[i]) {
                return i;
            }
        }
        return UPPER_US.length;
    }

    /** SQL for the bucket a call of {@code micros} (an SQL expression) falls into, as {@link #index} gives it. */
    static String sqlIndex(String micros) {
        StringBuilder sql = new StringBuilder("case");
        for (int i = 0; i < UPPER_US.length; i++) {
            sql.append(" when ").append(micros).append(" <= ").append(UPPER_US[i]).append(" then ").append(i);
        }
        return sql.append(" else ").append(UPPER_US.length).append(" end").toString();
    }

    /** The column holding bucket {@code i}. */
    public static String column(int i) {
        return i < 10 ? "lat_0" + i : "lat_" + i;
    }

    /**
     * The latency in microseconds below which {@code percentile} (0..100) of the counted calls fall: the upper bound
     * of the bucket holding that rank, or {@code maxMicros} (the slowest call) when that is lower or the bucket is
     * the unbounded last one. Null when nothing was counted.
     */
    public static Long percentile(long[] counts, double percentile, long maxMicros) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        if (total == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(total * percentile / 100.0));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                // No call took longer than the slowest one, so the bound never needs to pass it.
                return i < UPPER_US.length ? Math.min(UPPER_US[i], maxMicros) : maxMicros;
            }
        }
        return maxMicros;
    }
}
