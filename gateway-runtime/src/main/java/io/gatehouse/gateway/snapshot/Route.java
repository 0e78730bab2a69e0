package io.gatehouse.gateway.snapshot;

import java.util.List;

import io.gatehouse.core.catalog.ApiLifecycle;
import io.gatehouse.gateway.mock.MockOperation;

/**
 * An Api as the gateway serves it. {@code apiKeyHeader} is the header its OpenAPI document declares, or null;
 * {@code deprecation} and {@code sunset} are the ready-made header values for a deprecated Api (RFC 9745, RFC 8594),
 * or null.
 */
public record Route(long apiId, String contextPath, ApiLifecycle lifecycle, boolean mockMode, String apiKeyHeader,
        List<String> upstreams, List<MockOperation> operations, String deprecation, String sunset) {

    public Route {
        upstreams = List.copyOf(upstreams);
        operations = List.copyOf(operations);
    }
}
