package io.gatehouse.core.webhook;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.gatehouse.core.notification.Recipient;

/** A URL that receives signed events: a consumer's, or an admin user's. */
@Entity
public class WebhookEndpoint {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long consumerId;
    private Long adminUserId;
    private String url;
    private String secret;
    private String eventTypes;
    private boolean active;
    private Instant createdAt;

    protected WebhookEndpoint() {
    }

    WebhookEndpoint(Recipient owner, String url, String secret, List<String> eventTypes) {
        this.consumerId = owner.consumerId();
        this.adminUserId = owner.adminUserId();
        this.url = url;
        this.secret = secret;
        this.eventTypes = String.join(",", eventTypes);
        this.active = true;
        this.createdAt = Instant.now();
    }

    boolean wants(String eventType) {
        return active && getEventTypes().contains(eventType);
    }

    void rotateSecret(String newSecret) {
        this.secret = newSecret;
    }

    void setActive(boolean active) {
        this.active = active;
    }

    public Long getId() {
        return id;
    }

    public String getUrl() {
        return url;
    }

    /** Signs every delivery; show it to the endpoint's owner only. */
    public String getSecret() {
        return secret;
    }

    public List<String> getEventTypes() {
        return Arrays.asList(eventTypes.split(","));
    }

    public boolean isActive() {
        return active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
