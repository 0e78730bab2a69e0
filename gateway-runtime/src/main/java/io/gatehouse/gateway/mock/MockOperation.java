package io.gatehouse.gateway.mock;

import java.util.List;

import io.gatehouse.core.catalog.MockResponse;
import io.gatehouse.core.routing.PathTemplate;

/** One operation of a mocked Api: what it matches and the example responses it can answer with. */
public record MockOperation(String method, PathTemplate path, String operationId, List<MockResponse> responses) {

    public MockOperation {
        responses = List.copyOf(responses);
    }

    public boolean matches(String requestMethod, String relativePath) {
        return method.equalsIgnoreCase(requestMethod) && path.matches(relativePath);
    }
}
