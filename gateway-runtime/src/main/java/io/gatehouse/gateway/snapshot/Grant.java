package io.gatehouse.gateway.snapshot;

import io.gatehouse.core.subscription.SubscriptionStatus;

/** An application's subscription to one Api, as far as the gateway needs it. */
public record Grant(long subscriptionId, long planId, SubscriptionStatus status) {
}
