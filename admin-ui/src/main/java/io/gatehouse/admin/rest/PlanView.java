package io.gatehouse.admin.rest;

import io.gatehouse.core.plan.ApprovalMode;
import io.gatehouse.core.plan.Plan;
import io.gatehouse.core.plan.PlanTerms;
import io.gatehouse.core.plan.Quota;
import io.gatehouse.core.plan.RateLimit;

record PlanView(long id, String name, String description, RateLimit rateLimit, Quota quota, ApprovalMode approvalMode,
        boolean offered) {

    static PlanView of(Plan plan) {
        PlanTerms terms = plan.terms();
        return new PlanView(plan.getId(), terms.name(), terms.description(), terms.rateLimit(), terms.quota(),
                terms.approvalMode(), terms.offered());
    }
}
