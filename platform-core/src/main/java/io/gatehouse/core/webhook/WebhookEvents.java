package io.gatehouse.core.webhook;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The outbox: {@link #publish} writes one delivery per interested endpoint in the caller's transaction, so an event
 * is sent if and only if the change it reports was committed. A dispatcher in the admin UI sends them.
 */
@Service
public class WebhookEvents {

    /** The event types an endpoint can choose; {@link #PING} goes only to the endpoint it tests. */
    public static final List<String> TYPES = List.of("subscription.requested", "subscription.approved",
            "subscription.rejected", "subscription.suspended", "subscription.resumed", "subscription.revoked",
            "key.issued", "key.rotated", "key.revoked", "key.expiring", "quota.threshold", "api.error-rate");
    public static final String PING = "ping";

    /** No consumer has this id, so no consumer's endpoint receives the event. */
    private static final long NO_CONSUMER = -1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryRepository deliveries;

    WebhookEvents(WebhookEndpointRepository endpoints, WebhookDeliveryRepository deliveries) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
    }

    /**
     * Queues an event about one of {@code consumerId}'s applications for the consumer's endpoints, every admin's,
     * and, when {@code apiId} is not null, the endpoints of the Api's owner. {@code data} becomes the payload's
     * {@code data} object: plain values, lists and maps only, and never a secret. Returns the event id.
     */
    @Transactional
    public String publish(String eventType, long consumerId, Long apiId, Map<String, ?> data) {
        if (!TYPES.contains(eventType)) {
            throw new IllegalArgumentException("No webhook event type " + eventType + ".");
        }
        Instant now = Instant.now();
        String eventId = UUID.randomUUID().toString();
        String payload = payload(eventId, eventType, now, data);
        endpoints.findRecipients(consumerId, apiId == null ? -1 : apiId).stream()
                .filter(endpoint -> endpoint.wants(eventType))
                .forEach(endpoint -> deliveries.save(new WebhookDelivery(endpoint.getId(), eventId, eventType,
                        payload, now)));
        return eventId;
    }

    /**
     * Queues an event about an Api as a whole (no consumer's application) for every admin's endpoints and those of
     * the Api's owner. Returns the event id.
     */
    @Transactional
    public String publishAboutApi(String eventType, long apiId, Map<String, ?> data) {
        return publish(eventType, NO_CONSUMER, apiId, data);
    }

    /** A {@link #PING} for one endpoint, so its owner can see their receiver answer. */
    @Transactional
    WebhookDelivery ping(WebhookEndpoint endpoint) {
        Instant now = Instant.now();
        String eventId = UUID.randomUUID().toString();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("endpoint", Map.of("id", endpoint.getId(), "url", endpoint.getUrl()));
        return deliveries.save(new WebhookDelivery(endpoint.getId(), eventId, PING,
                payload(eventId, PING, now, data), now));
    }

    private static String payload(String eventId, String eventType, Instant occurredAt, Map<String, ?> data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", eventId);
        event.put("type", eventType);
        event.put("occurredAt", occurredAt.truncatedTo(ChronoUnit.MILLIS).toString());
        event.put("data", data);
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The data of a " + eventType + " event is not plain JSON.", e);
        }
    }
}
