package io.gatehouse.core.plan;

/** At most {@code limit} requests per calendar {@code period}, aligned to UTC. */
public record Quota(long limit, Period period) {

    public enum Period {
        DAY,
        MONTH
    }
}
