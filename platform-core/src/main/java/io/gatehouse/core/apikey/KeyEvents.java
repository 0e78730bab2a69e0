package io.gatehouse.core.apikey;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.gatehouse.core.application.Application;
import io.gatehouse.core.webhook.WebhookEvents;

/**
 * Webhook events about keys ({@code key.issued}, {@code key.rotated}, {@code key.revoked}, {@code key.expiring}),
 * queued in the caller's transaction. A key appears as its public key id and last four characters, never more.
 */
@Component
public class KeyEvents {

    private final WebhookEvents webhooks;

    KeyEvents(WebhookEvents webhooks) {
        this.webhooks = webhooks;
    }

    public void publish(String eventType, ApiKey key) {
        Application application = key.getApplication();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("id", key.getKeyId());
        state.put("lastFour", key.getLastFour());
        state.put("status", key.getStatus().name());
        state.put("expiresAt", key.getExpiresAt() == null ? null : key.getExpiresAt().toString());
        webhooks.publish(eventType, application.getConsumer().getId(), null, Map.of("key", state,
                "application", Map.of("id", application.getId(), "name", application.getName())));
    }
}
