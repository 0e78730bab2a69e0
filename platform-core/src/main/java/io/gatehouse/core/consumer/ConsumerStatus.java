package io.gatehouse.core.consumer;

/** A suspended or deleted consumer cannot log in and none of their keys work at the gateway. */
public enum ConsumerStatus {
    ACTIVE,
    SUSPENDED,
    DELETED
}
