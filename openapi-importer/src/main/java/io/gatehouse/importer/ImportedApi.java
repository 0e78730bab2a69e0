package io.gatehouse.importer;

import java.util.List;

/**
 * What an OpenAPI document says about an API, in the words of the catalog.
 *
 * @param specVersion the document's own format version: "2.0", "3.0.3", "3.1.0"
 * @param apiKeyHeader the header of the first apiKey security scheme sent in a header, or null
 */
public record ImportedApi(String title, String version, String specVersion, String description, String apiKeyHeader,
        List<String> servers, List<String> tags, List<ImportedOperation> operations, List<String> warnings) {

    public ImportedApi {
        servers = List.copyOf(servers);
        tags = List.copyOf(tags);
        operations = List.copyOf(operations);
        warnings = List.copyOf(warnings);
    }
}
