package io.gatehouse.gateway.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.gatehouse.core.plan.Quota;
import io.gatehouse.core.plan.QuotaWindow;
import io.gatehouse.core.plan.RateLimit;
import io.gatehouse.gateway.policy.Failure;
import io.gatehouse.gateway.snapshot.PlanLimits;

/** The Lua script's reply read as a decision: the same header values the local counters give for the same state. */
class RedisCountersTests {

    private static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");
    private static final QuotaWindow DAY = QuotaWindow.containing(Quota.Period.DAY, NOW);
    private static final PlanLimits BOTH = new PlanLimits(new RateLimit(10, RateLimit.Period.SECOND, 20),
            new Quota(1000, Quota.Period.DAY));

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # outcome | tokens | ms to token | ms to full | used | expected outcome | retry | expected RateLimit
            0         | 19     | 0           | 100        | 1    | ALLOWED          | 0     | "rate";r=19;t=1, "quota";r=999;t=43200
            0         | 0      | 0           | 2000       | 1000 | ALLOWED          | 0     | "rate";r=0;t=2, "quota";r=0;t=43200
            1         | 0      | 100         | 2000       | 500  | RATE_LIMITED     | 1     | "rate";r=0;t=2, "quota";r=500;t=43200
            1         | 0      | 1001        | 2000       | 500  | RATE_LIMITED     | 2     | "rate";r=0;t=2, "quota";r=500;t=43200
            2         | 0      | 0           | 0          | 1000 | QUOTA_EXHAUSTED  | 43200 | "rate";r=0;t=0, "quota";r=0;t=43200
            """)
    void repliesBecomeDecisions(long outcome, long tokens, long msToToken, long msToFull, long used,
            Decision.Outcome expected, long retry, String state) {
        Decision decision = RedisCounters.decision(BOTH, DAY, List.of(outcome, tokens, msToToken, msToFull, used), NOW);
        assertThat(decision.outcome()).isEqualTo(expected);
        assertThat(decision.retryAfterSeconds()).isEqualTo(retry);
        assertThat(decision.policy()).isEqualTo("\"rate\";q=10;w=1, \"quota\";q=1000;w=86400");
        assertThat(decision.state()).isEqualTo(state);
    }

    @ParameterizedTest
    @CsvSource({"0, 4, 0, 0, 1", "1, 0, 200, 0, 0"})
    void aPlanWithOnlyARateLimitNamesNoQuota(long outcome, long tokens, long msToToken, long msToFull, long used) {
        PlanLimits rateOnly = new PlanLimits(new RateLimit(5, RateLimit.Period.MINUTE, 5), null);
        Decision decision = RedisCounters.decision(rateOnly, null, List.of(outcome, tokens, msToToken, msToFull, used),
                NOW);
        assertThat(decision.policy()).isEqualTo("\"rate\";q=5;w=60");
        assertThat(decision.state()).startsWith("\"rate\";r=" + tokens + ";t=").doesNotContain("quota");
    }

    @org.junit.jupiter.api.Test
    void theSeedLeavesOutExactlyTheLimitStepsOwnRefusals() {
        assertThat(QuotaSeed.RATE_LIMITED).isEqualTo(Failure.RATE_LIMITED.id());
        assertThat(QuotaSeed.QUOTA_EXHAUSTED).isEqualTo(Failure.QUOTA_EXHAUSTED.id());
    }
}
