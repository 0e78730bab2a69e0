package io.gatehouse.gateway.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.gatehouse.core.plan.Quota;
import io.gatehouse.core.plan.QuotaWindow;
import io.gatehouse.core.plan.RateLimit;
import io.gatehouse.gateway.snapshot.PlanLimits;

class DecisionTests {

    @Test
    void thePolicyFollowsTheQuotaWindowsLengthEvenWhenItIsReusedForThePlan() {
        PlanLimits monthly = new PlanLimits(new RateLimit(5, RateLimit.Period.SECOND, 10),
                new Quota(1_000, Quota.Period.MONTH));
        Instant february = Instant.parse("2027-02-10T00:00:00Z");
        Instant march = Instant.parse("2027-03-10T00:00:00Z");

        Decision inFebruary = Decision.allowed(monthly, 9, 0, QuotaWindow.containing(Quota.Period.MONTH, february), 1,
                february);
        Decision again = Decision.allowed(monthly, 8, 0, QuotaWindow.containing(Quota.Period.MONTH, february), 2,
                february);
        Decision inMarch = Decision.allowed(monthly, 9, 0, QuotaWindow.containing(Quota.Period.MONTH, march), 1,
                march);

        assertThat(inFebruary.policy()).isEqualTo("\"rate\";q=5;w=1, \"quota\";q=1000;w=2419200");
        assertThat(again.policy()).isSameAs(inFebruary.policy());
        assertThat(inMarch.policy()).isEqualTo("\"rate\";q=5;w=1, \"quota\";q=1000;w=2678400");
        assertThat(Decision.allowed(new PlanLimits(new RateLimit(2, RateLimit.Period.MINUTE, 2), null), 1, 0, null, 0,
                march).policy()).isEqualTo("\"rate\";q=2;w=60");
    }
}
