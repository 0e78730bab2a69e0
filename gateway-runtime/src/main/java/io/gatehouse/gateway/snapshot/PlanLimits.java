package io.gatehouse.gateway.snapshot;

import io.gatehouse.core.plan.Quota;
import io.gatehouse.core.plan.RateLimit;

/** What a plan allows, as the gateway enforces it; null on an axis means unlimited. */
public record PlanLimits(RateLimit rateLimit, Quota quota) {

    public static final PlanLimits NONE = new PlanLimits(null, null);
}
