package io.gatehouse.admin.plan;

import io.gatehouse.core.plan.ApprovalMode;
import io.gatehouse.core.plan.Plan;
import io.gatehouse.core.plan.PlanTerms;
import io.gatehouse.core.plan.Quota;
import io.gatehouse.core.plan.RateLimit;

/**
 * The plan form: empty rate-limit or quota fields mean "unlimited" on that axis; an empty burst means "the rate".
 * Only these fields bind; the Api and the id come from the URL.
 */
record PlanForm(String name, String description, Integer rateLimitRequests, RateLimit.Period rateLimitPeriod,
        Integer rateLimitBurst, Long quotaLimit, Quota.Period quotaPeriod, ApprovalMode approvalMode,
        boolean offered) {

    static PlanForm blank() {
        return new PlanForm("", "", null, RateLimit.Period.SECOND, null, null, Quota.Period.MONTH,
                ApprovalMode.MANUAL, true);
    }

    static PlanForm of(Plan plan) {
        PlanTerms terms = plan.terms();
        RateLimit rate = terms.rateLimit();
        Quota quota = terms.quota();
        return new PlanForm(terms.name(), terms.description(), rate == null ? null : rate.requests(),
                rate == null ? RateLimit.Period.SECOND : rate.period(), rate == null ? null : rate.burst(),
                quota == null ? null : quota.limit(), quota == null ? Quota.Period.MONTH : quota.period(),
                terms.approvalMode(), terms.offered());
    }

    PlanTerms terms() {
        RateLimit rate = rateLimitRequests == null ? null : new RateLimit(rateLimitRequests, rateLimitPeriod,
                rateLimitBurst == null ? rateLimitRequests : rateLimitBurst);
        Quota quota = quotaLimit == null ? null : new Quota(quotaLimit, quotaPeriod);
        return new PlanTerms(name == null ? null : name.trim(), description == null || description.isBlank() ? null
                : description.trim(), rate, quota, approvalMode, offered);
    }
}
