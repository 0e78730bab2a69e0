package io.gatehouse.core.subscription;

import java.util.Optional;

import io.gatehouse.core.apikey.IssuedApiKey;

/** The outcome of a request or decision: the subscription, and the key issued with it when this was the application's first approval. */
public record SubscriptionDecision(Subscription subscription, Optional<IssuedApiKey> issuedKey) {
}
