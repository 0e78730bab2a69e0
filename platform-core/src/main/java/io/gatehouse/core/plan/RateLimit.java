package io.gatehouse.core.plan;

/** A token bucket: {@code requests} tokens refill per {@code period}; up to {@code burst} may be spent at once. */
public record RateLimit(int requests, Period period, int burst) {

    public enum Period {
        SECOND(1),
        MINUTE(60);

        private final int seconds;

        Period(int seconds) {
            this.seconds = seconds;
        }

        public int seconds() {
            return seconds;
        }
    }
}
