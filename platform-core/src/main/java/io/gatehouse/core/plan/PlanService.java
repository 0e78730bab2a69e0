package io.gatehouse.core.plan;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.gatehouse.core.audit.Actor;
import io.gatehouse.core.audit.AuditLog;
import io.gatehouse.core.catalog.Api;
import io.gatehouse.core.catalog.ApiRepository;
import io.gatehouse.core.gatewayconfig.GatewayConfigChanges;

/** Defines and changes plans; every change reaches the gateway through the config revision. */
@Service
public class PlanService {

    private final PlanRepository plans;
    private final ApiRepository apis;
    private final AuditLog audit;
    private final GatewayConfigChanges gatewayConfig;

    PlanService(PlanRepository plans, ApiRepository apis, AuditLog audit, GatewayConfigChanges gatewayConfig) {
        this.plans = plans;
        this.apis = apis;
        this.audit = audit;
        this.gatewayConfig = gatewayConfig;
    }

    @Transactional(readOnly = true)
    public Optional<Plan> find(long planId) {
        return plans.findById(planId);
    }

    @Transactional
    public Plan create(long apiId, PlanTerms terms, Actor actor) {
        Api api = apis.findById(apiId).orElseThrow(() -> new IllegalArgumentException("No API " + apiId + "."));
        Plan plan = plans.save(new Plan(api, terms));
        audit.record(actor, "plan.created", "plan", plan.getId(), terms.name() + " for API " + apiId);
        gatewayConfig.changed();
        return plan;
    }

    /** New terms apply to every subscription on the plan, at every gateway node within a second. */
    @Transactional
    public Plan update(long planId, PlanTerms terms, Actor actor) {
        Plan plan = plans.findById(planId).orElseThrow(() -> new IllegalArgumentException("No plan " + planId + "."));
        plan.apply(terms);
        plans.flush();
        audit.record(actor, "plan.updated", "plan", planId, terms.name());
        gatewayConfig.changed();
        return plan;
    }
}
