package io.gatehouse.core.notification;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A message for one consumer in the portal or for one admin user in the admin UI, unread until they open their
 * notifications.
 */
@Entity
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long consumerId;
    private Long adminUserId;
    private String kind;
    private String message;
    private Long subscriptionId;
    private Instant createdAt;
    private Instant readAt;

    protected Notification() {
    }

    Notification(Recipient recipient, String kind, String message, Long subscriptionId) {
        this.consumerId = recipient.consumerId();
        this.adminUserId = recipient.adminUserId();
        this.kind = kind;
        this.message = message;
        this.subscriptionId = subscriptionId;
        this.createdAt = Instant.now();
    }

    void markRead(Instant when) {
        if (readAt == null) {
            readAt = when;
        }
    }

    public Long getId() {
        return id;
    }

    public Long getConsumerId() {
        return consumerId;
    }

    public Long getAdminUserId() {
        return adminUserId;
    }

    public String getKind() {
        return kind;
    }

    public String getMessage() {
        return message;
    }

    public Long getSubscriptionId() {
        return subscriptionId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getReadAt() {
        return readAt;
    }

    public boolean isRead() {
        return readAt != null;
    }
}
