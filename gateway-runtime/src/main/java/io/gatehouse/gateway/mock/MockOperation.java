package io.gatehouse.gateway.mock;

import java.util.List;

import io.gatehouse.core.catalog.MockResponse;
import io.gatehouse.core.routing.PathTemplate;

/**
 * One operation of an Api: what it matches, the label its calls are recorded under ({@code OperationLabel}), and the
 * example responses mock mode can answer with.
 */
public record MockOperation(String method, PathTemplate path, String label, List<MockResponse> responses) {

    public MockOperation {
        responses = List.copyOf(responses);
    }

    public boolean matches(String requestMethod, String relativePath) {
        return method.equalsIgnoreCase(requestMethod) && path.matches(relativePath);
    }
}
