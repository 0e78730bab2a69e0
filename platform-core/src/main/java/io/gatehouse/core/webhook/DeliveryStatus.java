package io.gatehouse.core.webhook;

/** PENDING until a 2xx answer (DELIVERED) or the last retry failed (FAILED). */
public enum DeliveryStatus {
    PENDING,
    DELIVERED,
    FAILED
}
