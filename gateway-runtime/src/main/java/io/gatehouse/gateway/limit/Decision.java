package io.gatehouse.gateway.limit;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.gatehouse.core.plan.QuotaWindow;
import io.gatehouse.gateway.snapshot.PlanLimits;
import io.github.bucket4j.ConsumptionProbe;

/**
 * The outcome of counting one request, with the IETF {@code RateLimit-Policy} and {@code RateLimit} field values
 * (draft-ietf-httpapi-ratelimit-headers) for its plan: policy "rate" (q requests per w seconds) and "quota" (q
 * requests per calendar window of w seconds), each with r remaining and t seconds until it is whole again.
 *
 * @param retryAfterSeconds for a refusal, when to try again; 0 when allowed
 */
public record Decision(Outcome outcome, String policy, String state, long retryAfterSeconds) {

    public enum Outcome {
        ALLOWED,
        RATE_LIMITED,
        QUOTA_EXHAUSTED
    }

    static Decision allowed(PlanLimits limits, ConsumptionProbe probe, QuotaWindow window, long used, Instant now) {
        return allowed(limits, probe == null ? 0 : probe.getRemainingTokens(),
                probe == null ? 0 : probe.getNanosToWaitForReset(), window, used, now);
    }

    static Decision rateLimited(PlanLimits limits, ConsumptionProbe probe, QuotaWindow window, long used,
            Instant now) {
        return rateLimited(limits, probe.getRemainingTokens(), probe.getNanosToWaitForReset(),
                probe.getNanosToWaitForRefill(), window, used, now);
    }

    /** An allowed request: {@code tokens} left in the bucket, which is full again in {@code nanosToReset}. */
    static Decision allowed(PlanLimits limits, long tokens, long nanosToReset, QuotaWindow window, long used,
            Instant now) {
        return new Decision(Outcome.ALLOWED, policy(limits, window), state(limits, tokens, nanosToReset, window, used,
                now), 0);
    }

    /** A refused request: the next token comes in {@code nanosToRefill}. */
    static Decision rateLimited(PlanLimits limits, long tokens, long nanosToReset, long nanosToRefill,
            QuotaWindow window, long used, Instant now) {
        long retry = Math.max(1, (nanosToRefill + 999_999_999L) / 1_000_000_000L);
        return new Decision(Outcome.RATE_LIMITED, policy(limits, window), state(limits, tokens, nanosToReset, window,
                used, now), retry);
    }

    static Decision quotaExhausted(PlanLimits limits, QuotaWindow window, long used, Instant now) {
        return new Decision(Outcome.QUOTA_EXHAUSTED, policy(limits, window), state(limits, 0, 0, window, used, now),
                window.secondsUntilEnd(now));
    }

    /**
     * A plan's {@code RateLimit-Policy} changes only with its terms and the length of the quota window (months differ),
     * so it is built once per plan and window length rather than on every response.
     */
    private static final Map<PlanLimits, Policy> POLICIES = new ConcurrentHashMap<>();

    private record Policy(long windowSeconds, String text) {
    }

    private static String policy(PlanLimits limits, QuotaWindow window) {
        long windowSeconds = window == null ? 0 : window.lengthSeconds();
        Policy cached = POLICIES.get(limits);
        if (cached != null && cached.windowSeconds() == windowSeconds) {
            return cached.text();
        }
        String text = buildPolicy(limits, window);
        POLICIES.put(limits, new Policy(windowSeconds, text));
        return text;
    }

    private static String buildPolicy(PlanLimits limits, QuotaWindow window) {
        StringBuilder policy = new StringBuilder();
        if (limits.rateLimit() != null) {
            policy.append("\"rate\";q=").append(limits.rateLimit().requests()).append(";w=")
                    .append(limits.rateLimit().period().seconds());
        }
        if (limits.quota() != null) {
            policy.append(policy.length() == 0 ? "" : ", ").append("\"quota\";q=").append(limits.quota().limit())
                    .append(";w=").append(window.lengthSeconds());
        }
        return policy.length() == 0 ? null : policy.toString();
    }

    private static String state(PlanLimits limits, long tokens, long nanosToReset, QuotaWindow window, long used,
            Instant now) {
        StringBuilder state = new StringBuilder();
        if (limits.rateLimit() != null) {
            long reset = (nanosToReset + 999_999_999L) / 1_000_000_000L;
            state.append("\"rate\";r=").append(tokens).append(";t=").append(reset);
        }
        if (limits.quota() != null) {
            state.append(state.length() == 0 ? "" : ", ").append("\"quota\";r=")
                    .append(Math.max(0, limits.quota().limit() - used)).append(";t=").append(window.secondsUntilEnd(now));
        }
        return state.length() == 0 ? null : state.toString();
    }
}
