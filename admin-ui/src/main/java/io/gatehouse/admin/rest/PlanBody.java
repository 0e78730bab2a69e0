package io.gatehouse.admin.rest;

import io.gatehouse.core.plan.ApprovalMode;
import io.gatehouse.core.plan.PlanTerms;
import io.gatehouse.core.plan.Quota;
import io.gatehouse.core.plan.RateLimit;

/** A plan as the REST API takes it; null rate limit or quota means unlimited. Validated by {@link PlanTerms}. */
record PlanBody(String name, String description, RateLimit rateLimit, Quota quota, ApprovalMode approvalMode,
        boolean offered) {

    PlanTerms terms() {
        return new PlanTerms(name, description, rateLimit, quota, approvalMode, offered);
    }
}
