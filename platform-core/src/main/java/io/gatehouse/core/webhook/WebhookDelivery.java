package io.gatehouse.core.webhook;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** One event on its way to one endpoint: the outbox row a dispatcher claims, sends and retries. */
@Entity
public class WebhookDelivery {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long endpointId;
    private String eventId;
    private String eventType;
    private String payload;
    @Enumerated(EnumType.STRING)
    private DeliveryStatus status;
    private int attempts;
    private Instant nextAttemptAt;
    private String claimedBy;
    private Instant claimedUntil;
    private Instant createdAt;
    private Instant deliveredAt;

    protected WebhookDelivery() {
    }

    WebhookDelivery(long endpointId, String eventId, String eventType, String payload, Instant now) {
        this.endpointId = endpointId;
        this.eventId = eventId;
        this.eventType = eventType;
        this.payload = payload;
        this.status = DeliveryStatus.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    /** Counts an attempt and releases the claim: delivered, due again at {@code retryAt}, or failed when that is null. */
    void attempted(boolean succeeded, Instant now, Instant retryAt) {
        attempts++;
        claimedBy = null;
        claimedUntil = null;
        if (succeeded) {
            status = DeliveryStatus.DELIVERED;
            deliveredAt = now;
        } else if (retryAt == null) {
            status = DeliveryStatus.FAILED;
        } else {
            nextAttemptAt = retryAt;
        }
    }

    public Long getId() {
        return id;
    }

    public Long getEndpointId() {
        return endpointId;
    }

    public String getEventId() {
        return eventId;
    }

    public String getEventType() {
        return eventType;
    }

    public String getPayload() {
        return payload;
    }

    public DeliveryStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    String getClaimedBy() {
        return claimedBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }
}
