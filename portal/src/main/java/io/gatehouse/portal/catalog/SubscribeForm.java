package io.gatehouse.portal.catalog;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a subscription request may carry: the plan, one of the consumer's applications, and a justification. */
record SubscribeForm(
        @NotNull(message = "Choose a plan.") Long planId,
        @NotNull(message = "Choose one of your applications.") Long applicationId,
        @Size(max = 2000, message = "Use at most 2000 characters.") String justification) {

    static SubscribeForm empty() {
        return new SubscribeForm(null, null, "");
    }
}
