package io.gatehouse.importer;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The catalog model: what an OpenAPI document says about an API, in the words of the catalog, with schemas kept
 * once under {@link #schemas()} and referred to by name. Serialised as JSON with each imported version
 * ({@link CatalogModelJson}), it is what the portal renders.
 *
 * @param specVersion the document's own format version: "2.0", "3.0.3", "3.1.0"
 * @param apiKeyHeader the header of the first apiKey security scheme sent in a header, or null
 * @param webhooks operations the API calls on its consumers (OpenAPI 3.1); their path is the webhook's name
 */
public record ImportedApi(String title, String version, String specVersion, String description, String apiKeyHeader,
        List<ServerInfo> servers, List<TagInfo> tags, List<ImportedOperation> operations,
        List<SecuritySchemeInfo> securitySchemes, List<ImportedOperation> webhooks, Map<String, SchemaNode> schemas,
        List<String> warnings) {

    public ImportedApi {
        servers = Copies.list(servers);
        tags = Copies.list(tags);
        operations = Copies.list(operations);
        securitySchemes = Copies.list(securitySchemes);
        webhooks = Copies.list(webhooks);
        schemas = Copies.map(schemas);
        warnings = Copies.list(warnings);
    }

    /**
     * What catalog search matches, in lower case: title, description, tags, and each operation's path, summary and
     * operation id.
     */
    public String searchText() {
        StringBuilder text = new StringBuilder();
        text.append(title).append('\n').append(description == null ? "" : description).append('\n');
        tags.forEach(tag -> text.append(tag.name()).append('\n'));
        for (ImportedOperation operation : operations) {
            text.append(operation.path()).append(' ').append(operation.summary() == null ? "" : operation.summary())
                    .append(' ').append(operation.operationId() == null ? "" : operation.operationId()).append('\n');
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    /** A server URL, possibly with {variables}. */
    public record ServerInfo(String url, String description, List<ServerVariable> variables) {

        public ServerInfo {
            variables = Copies.list(variables);
        }
    }

    public record ServerVariable(String name, String defaultValue, List<String> enumValues, String description) {

        public ServerVariable {
            enumValues = Copies.list(enumValues);
        }
    }

    public record TagInfo(String name, String description) {
    }

    /**
     * @param location where an apiKey is sent: header, query or cookie
     * @param flows for oauth2: one line per flow, e.g. "authorizationCode: read:pets, write:pets"
     */
    public record SecuritySchemeInfo(String name, String type, String description, String location,
            String parameterName, String scheme, String bearerFormat, List<String> flows) {

        public SecuritySchemeInfo {
            flows = Copies.list(flows);
        }
    }
}
