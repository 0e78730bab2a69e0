package io.gatehouse.gateway.snapshot;

import java.util.List;

import io.gatehouse.core.catalog.ApiLifecycle;
import io.gatehouse.gateway.mock.MockOperation;

/**
 * An Api as the gateway serves it. {@code apiKeyHeader} is the header its OpenAPI document declares, or null;
 * {@code deprecation} and {@code sunset} are the ready-made header values for a deprecated Api (RFC 9745, RFC 8594),
 * or null. {@code connectTimeoutMillis} and {@code responseTimeoutMillis} are the Api's own upstream timeouts, or null
 * for the gateway's defaults.
 */
public record Route(long apiId, String contextPath, ApiLifecycle lifecycle, boolean mockMode, String apiKeyHeader,
        List<String> upstreams, List<MockOperation> operations, String deprecation, String sunset,
        Integer connectTimeoutMillis, Integer responseTimeoutMillis) {

    public Route {
        upstreams = List.copyOf(upstreams);
        operations = List.copyOf(operations);
    }
}
