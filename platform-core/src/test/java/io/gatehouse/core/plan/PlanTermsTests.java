package io.gatehouse.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlanTermsTests {

    private static PlanTerms terms(RateLimit rate, Quota quota) {
        return new PlanTerms("Gold", null, rate, quota, ApprovalMode.MANUAL, true);
    }

    @Test
    void unlimitedAndSensibleTermsAreValid() {
        assertThat(terms(null, null).problems()).isEmpty();
        assertThat(terms(new RateLimit(10, RateLimit.Period.SECOND, 20), new Quota(1000, Quota.Period.DAY)).problems())
                .isEmpty();
    }

    @Test
    void eachBrokenRuleIsNamed() {
        assertThat(terms(new RateLimit(0, RateLimit.Period.SECOND, 0), null).problems())
                .anyMatch(p -> p.contains("between 1 and"));
        assertThat(terms(new RateLimit(10, RateLimit.Period.MINUTE, 5), null).problems())
                .containsExactly("The burst must be at least the rate limit and at most 1000000.");
        assertThat(terms(new RateLimit(10, null, 10), null).problems()).anyMatch(p -> p.contains("period"));
        assertThat(terms(null, new Quota(0, Quota.Period.MONTH)).problems()).anyMatch(p -> p.contains("quota"));
        assertThat(new PlanTerms(" ", null, null, null, null, true).problems())
                .contains("A plan needs a name.", "A plan needs an approval mode: AUTOMATIC or MANUAL.");
    }
}
