package io.gatehouse.core.webhook;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** One try to deliver: the receiver's status, or why there was no answer. */
@Entity
public class WebhookAttempt {

    static final int MAX_ERROR = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long deliveryId;
    private Instant attemptedAt;
    private Integer httpStatus;
    private String error;
    private long durationMs;

    protected WebhookAttempt() {
    }

    WebhookAttempt(long deliveryId, Instant attemptedAt, Integer httpStatus, String error, long durationMs) {
        this.deliveryId = deliveryId;
        this.attemptedAt = attemptedAt;
        this.httpStatus = httpStatus;
        this.error = error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR - 1) + "…";
        this.durationMs = durationMs;
    }

    public Long getDeliveryId() {
        return deliveryId;
    }

    public Instant getAttemptedAt() {
        return attemptedAt;
    }

    public Integer getHttpStatus() {
        return httpStatus;
    }

    public String getError() {
        return error;
    }

    public long getDurationMs() {
        return durationMs;
    }
}
