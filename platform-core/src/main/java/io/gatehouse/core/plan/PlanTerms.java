package io.gatehouse.core.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * What a plan promises and demands, validated here once for the admin UI, the admin REST API and the gateway.
 * A null rate limit or quota means "unlimited" on that axis.
 */
public record PlanTerms(String name, String description, RateLimit rateLimit, Quota quota,
        ApprovalMode approvalMode, boolean offered) {

    public static final int MAX_RATE = 1_000_000;
    public static final long MAX_QUOTA = 1_000_000_000_000L;

    /** Every rule the terms break, as sentences for the user; empty when they are valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add("A plan needs a name.");
        } else if (name.length() > 100) {
            problems.add("A plan name must be at most 100 characters long.");
        }
        if (description != null && description.length() > 2000) {
            problems.add("A plan description must be at most 2000 characters long.");
        }
        if (approvalMode == null) {
            problems.add("A plan needs an approval mode: AUTOMATIC or MANUAL.");
        }
        if (rateLimit != null) {
            if (rateLimit.period() == null) {
                problems.add("A rate limit needs a period: per second or per minute.");
            }
            if (rateLimit.requests() < 1 || rateLimit.requests() > MAX_RATE) {
                problems.add("A rate limit must allow between 1 and " + MAX_RATE + " requests per period.");
            }
            if (rateLimit.burst() < rateLimit.requests() || rateLimit.burst() > MAX_RATE) {
                problems.add("The burst must be at least the rate limit and at most " + MAX_RATE + ".");
            }
        }
        if (quota != null) {
            if (quota.period() == null) {
                problems.add("A quota needs a period: per day or per month.");
            }
            if (quota.limit() < 1 || quota.limit() > MAX_QUOTA) {
                problems.add("A quota must allow between 1 and " + MAX_QUOTA + " requests per period.");
            }
        }
        return problems;
    }

    public PlanTerms requireValid() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems));
        }
        return this;
    }
}
