package io.gatehouse.gateway.snapshot;

import java.util.List;

import io.gatehouse.core.catalog.ApiLifecycle;
import io.gatehouse.gateway.mock.MockOperation;

/** An Api as the gateway serves it. {@code apiKeyHeader} is the header its OpenAPI document declares, or null. */
public record Route(long apiId, String contextPath, ApiLifecycle lifecycle, boolean mockMode, String apiKeyHeader,
        List<String> upstreams, List<MockOperation> operations) {

    public Route {
        upstreams = List.copyOf(upstreams);
        operations = List.copyOf(operations);
    }
}
