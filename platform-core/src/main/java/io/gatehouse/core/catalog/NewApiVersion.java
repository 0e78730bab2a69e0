package io.gatehouse.core.catalog;

import java.util.List;

/**
 * What an import hands to the catalog: a parsed OpenAPI document, independent of the parser that read it.
 *
 * @param model the catalog model as JSON (opaque to the core; the portal renders it)
 * @param searchText what catalog search matches against, in lower case
 */
public record NewApiVersion(String title, String versionLabel, String specVersion, String description,
        String document, String documentFormat, String apiKeyHeader, List<Operation> operations, String model,
        String searchText) {

    public NewApiVersion {
        operations = List.copyOf(operations);
    }

    public record Operation(String method, String path, String operationId, String summary, List<String> tags,
            boolean deprecated, List<MockResponse> mockResponses) {

        public Operation {
            tags = List.copyOf(tags);
            mockResponses = List.copyOf(mockResponses);
        }
    }
}
