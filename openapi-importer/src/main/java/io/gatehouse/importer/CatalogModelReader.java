package io.gatehouse.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.servers.ServerVariable;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * Turns a parsed, unresolved OpenAPI document into the catalog model. Local references to components are followed
 * here (never anything else); schemas stay references by name, so shared and recursive schemas are stored once.
 */
final class CatalogModelReader {

    /** Inline schema nesting kept; deeper inline structures are cut with a note (references are not nesting). */
    static final int MAX_INLINE_SCHEMA_DEPTH = 24;

    private final Components components;

    private CatalogModelReader(Components components) {
        this.components = components == null ? new Components() : components;
    }

    static ImportedApi read(OpenAPI openApi, String specVersion, List<String> warnings) {
        return new CatalogModelReader(openApi.getComponents()).api(openApi, specVersion, warnings);
    }

    private ImportedApi api(OpenAPI openApi, String specVersion, List<String> warnings) {
        List<String> documentSecurity = security(openApi.getSecurity());
        List<ImportedOperation> operations = new ArrayList<>();
        if (openApi.getPaths() != null) {
            openApi.getPaths().forEach((path, item) -> operations.addAll(operations(path, item, documentSecurity)));
        }
        List<ImportedOperation> webhooks = new ArrayList<>();
        if (openApi.getWebhooks() != null) {
            openApi.getWebhooks().forEach((name, item) -> webhooks.addAll(operations(name, item, documentSecurity)));
        }
        Map<String, ImportedApi.TagInfo> tags = new LinkedHashMap<>();
        if (openApi.getTags() != null) {
            for (Tag tag : openApi.getTags()) {
                tags.put(tag.getName(), new ImportedApi.TagInfo(tag.getName(), tag.getDescription()));
            }
        }
        operations.stream().flatMap(op -> op.tags().stream())
                .forEach(tag -> tags.putIfAbsent(tag, new ImportedApi.TagInfo(tag, null)));
        Map<String, SchemaNode> schemas = new LinkedHashMap<>();
        if (components.getSchemas() != null) {
            components.getSchemas().forEach((name, schema) -> schemas.put(name, schema(schema, 0)));
        }
        return new ImportedApi(openApi.getInfo().getTitle(), String.valueOf(openApi.getInfo().getVersion()),
                specVersion, openApi.getInfo().getDescription(), apiKeyHeader(), servers(openApi.getServers()),
                List.copyOf(tags.values()), operations, securitySchemes(), webhooks, schemas, warnings);
    }

    private List<ImportedOperation> operations(String path, PathItem item, List<String> documentSecurity) {
        PathItem pathItem = follow(item, components.getPathItems(), PathItem::get$ref, "#/components/pathItems/");
        List<ImportedOperation> operations = new ArrayList<>();
        if (pathItem == null) {
            return operations;
        }
        for (Map.Entry<PathItem.HttpMethod, Operation> entry : pathItem.readOperationsMap().entrySet()) {
            Operation operation = entry.getValue();
            List<String> security = operation.getSecurity() != null ? security(operation.getSecurity())
                    : documentSecurity;
            operations.add(new ImportedOperation(entry.getKey().name(), path, operation.getOperationId(),
                    operation.getSummary(), operation.getDescription(),
                    operation.getTags() == null ? List.of() : operation.getTags(),
                    Boolean.TRUE.equals(operation.getDeprecated()),
                    parameters(pathItem.getParameters(), operation.getParameters()),
                    requestBody(operation.getRequestBody()), responses(operation), security));
        }
        return operations;
    }

    private List<ImportedOperation.ParameterInfo> parameters(List<Parameter> pathLevel, List<Parameter> operationLevel) {
        Map<String, ImportedOperation.ParameterInfo> byNameAndPlace = new LinkedHashMap<>();
        for (List<Parameter> level : Arrays.asList(pathLevel, operationLevel)) {
            if (level == null) {
                continue;
            }
            for (Parameter declared : level) {
                Parameter parameter = follow(declared, components.getParameters(), Parameter::get$ref,
                        "#/components/parameters/");
                if (parameter == null || parameter.getName() == null) {
                    continue;
                }
                byNameAndPlace.put(parameter.getIn() + ":" + parameter.getName(), new ImportedOperation.ParameterInfo(
                        parameter.getName(), parameter.getIn(), parameter.getDescription(),
                        Boolean.TRUE.equals(parameter.getRequired()), Boolean.TRUE.equals(parameter.getDeprecated()),
                        schema(parameter.getSchema(), 0),
                        parameter.getExample() == null ? null : text(parameter.getExample(), null)));
            }
        }
        return List.copyOf(byNameAndPlace.values());
    }

    private ImportedOperation.RequestBodyInfo requestBody(RequestBody declared) {
        RequestBody body = follow(declared, components.getRequestBodies(), RequestBody::get$ref,
                "#/components/requestBodies/");
        if (body == null) {
            return null;
        }
        return new ImportedOperation.RequestBodyInfo(body.getDescription(), Boolean.TRUE.equals(body.getRequired()),
                content(body.getContent()));
    }

    private List<ImportedOperation.ResponseInfo> responses(Operation operation) {
        List<ImportedOperation.ResponseInfo> responses = new ArrayList<>();
        if (operation.getResponses() == null) {
            return responses;
        }
        for (Map.Entry<String, ApiResponse> entry : operation.getResponses().entrySet()) {
            ApiResponse response = follow(entry.getValue(), components.getResponses(), ApiResponse::get$ref,
                    "#/components/responses/");
            if (response != null) {
                responses.add(new ImportedOperation.ResponseInfo(entry.getKey(), response.getDescription(),
                        content(response.getContent())));
            }
        }
        return responses;
    }

    private List<ImportedOperation.ContentInfo> content(Content content) {
        List<ImportedOperation.ContentInfo> result = new ArrayList<>();
        if (content == null) {
            return result;
        }
        for (Map.Entry<String, MediaType> entry : content.entrySet()) {
            String contentType = entry.getKey();
            MediaType media = entry.getValue();
            List<ImportedOperation.NamedExample> examples = new ArrayList<>();
            if (media.getExamples() != null) {
                for (Map.Entry<String, Example> named : media.getExamples().entrySet()) {
                    Example example = follow(named.getValue(), components.getExamples(), Example::get$ref,
                            "#/components/examples/");
                    if (example != null && example.getValue() != null) {
                        examples.add(new ImportedOperation.NamedExample(named.getKey(), example.getSummary(),
                                text(example.getValue(), contentType)));
                    }
                }
            }
            Object single = media.getExample();
            if (single == null && examples.isEmpty() && media.getSchema() != null) {
                single = media.getSchema().getExample();
            }
            if (single != null) {
                examples.add(new ImportedOperation.NamedExample("default", null, text(single, contentType)));
            }
            result.add(new ImportedOperation.ContentInfo(contentType, schema(media.getSchema(), 0), examples));
        }
        return result;
    }

    private SchemaNode schema(Schema<?> schema, int depth) {
        if (schema == null) {
            return null;
        }
        if (schema.get$ref() != null) {
            String ref = schema.get$ref();
            return SchemaNode.reference(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (depth > MAX_INLINE_SCHEMA_DEPTH) {
            return new SchemaNode(null, null, null, null, "(nested deeper than shown)", null, null, null, null, null,
                    null, null, null, null, false, false, false, false);
        }
        Set<String> types = new LinkedHashSet<>();
        if (schema.getType() != null) {
            types.add(schema.getType());
        }
        if (schema.getTypes() != null) {
            types.addAll(schema.getTypes());
        }
        boolean nullable = Boolean.TRUE.equals(schema.getNullable()) || types.remove("null");
        Map<String, SchemaNode> properties = new LinkedHashMap<>();
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> properties.put(name, schema(property, depth + 1)));
        }
        SchemaNode additional = schema.getAdditionalProperties() instanceof Schema<?> extra ? schema(extra, depth + 1)
                : null;
        Object example = schema.getExample();
        if (example == null && schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            example = schema.getExamples().get(0);
        }
        return new SchemaNode(null, types.isEmpty() ? null : String.join(" | ", types), schema.getFormat(),
                schema.getTitle(), schema.getDescription(),
                schema.getEnum() == null ? null : schema.getEnum().stream().map(String::valueOf).toList(),
                properties, schema.getRequired(), schema(schema.getItems(), depth + 1), schemas(schema.getAllOf(), depth),
                schemas(schema.getOneOf(), depth), schemas(schema.getAnyOf(), depth), additional,
                example == null ? null : text(example, "application/json"), nullable,
                Boolean.TRUE.equals(schema.getDeprecated()), Boolean.TRUE.equals(schema.getReadOnly()),
                Boolean.TRUE.equals(schema.getWriteOnly()));
    }

    @SuppressWarnings("rawtypes")
    private List<SchemaNode> schemas(List<Schema> schemas, int depth) {
        return schemas == null ? null : schemas.stream().map(s -> schema((Schema<?>) s, depth + 1)).toList();
    }

    private List<ImportedApi.ServerInfo> servers(List<Server> servers) {
        List<ImportedApi.ServerInfo> result = new ArrayList<>();
        if (servers == null) {
            return result;
        }
        for (Server server : servers) {
            List<ImportedApi.ServerVariable> variables = new ArrayList<>();
            if (server.getVariables() != null) {
                for (Map.Entry<String, ServerVariable> variable : server.getVariables().entrySet()) {
                    ServerVariable value = variable.getValue();
                    variables.add(new ImportedApi.ServerVariable(variable.getKey(), value.getDefault(),
                            value.getEnum() == null ? List.of() : value.getEnum(), value.getDescription()));
                }
            }
            result.add(new ImportedApi.ServerInfo(server.getUrl(), server.getDescription(), variables));
        }
        return result;
    }

    private List<ImportedApi.SecuritySchemeInfo> securitySchemes() {
        List<ImportedApi.SecuritySchemeInfo> result = new ArrayList<>();
        if (components.getSecuritySchemes() == null) {
            return result;
        }
        for (Map.Entry<String, SecurityScheme> entry : components.getSecuritySchemes().entrySet()) {
            SecurityScheme scheme = entry.getValue();
            result.add(new ImportedApi.SecuritySchemeInfo(entry.getKey(),
                    scheme.getType() == null ? null : scheme.getType().toString(), scheme.getDescription(),
                    scheme.getIn() == null ? null : scheme.getIn().toString(), scheme.getName(), scheme.getScheme(),
                    scheme.getBearerFormat(), flows(scheme.getFlows())));
        }
        return result;
    }

    private static List<String> flows(OAuthFlows flows) {
        List<String> result = new ArrayList<>();
        if (flows == null) {
            return result;
        }
        Map<String, OAuthFlow> byName = new LinkedHashMap<>();
        byName.put("implicit", flows.getImplicit());
        byName.put("password", flows.getPassword());
        byName.put("clientCredentials", flows.getClientCredentials());
        byName.put("authorizationCode", flows.getAuthorizationCode());
        byName.forEach((name, flow) -> {
            if (flow != null) {
                String scopes = flow.getScopes() == null ? "" : String.join(", ", flow.getScopes().keySet());
                result.add(scopes.isEmpty() ? name : name + ": " + scopes);
            }
        });
        return result;
    }

    private String apiKeyHeader() {
        if (components.getSecuritySchemes() == null) {
            return null;
        }
        for (SecurityScheme scheme : components.getSecuritySchemes().values()) {
            if (scheme.getType() == SecurityScheme.Type.APIKEY && scheme.getIn() == SecurityScheme.In.HEADER) {
                return scheme.getName();
            }
        }
        return null;
    }

    /** Each requirement is one alternative: "oauth2 (read:pets) + apiKey"; an empty one means "none". */
    private static List<String> security(List<SecurityRequirement> requirements) {
        if (requirements == null) {
            return List.of();
        }
        List<String> alternatives = new ArrayList<>();
        for (SecurityRequirement requirement : requirements) {
            List<String> parts = new ArrayList<>();
            requirement.forEach((name, scopes) -> parts.add(scopes == null || scopes.isEmpty() ? name
                    : name + " (" + String.join(", ", scopes) + ")"));
            alternatives.add(parts.isEmpty() ? "none" : String.join(" + ", parts));
        }
        return alternatives;
    }

    /** Follows a local reference to a component (at most a few hops, never in a loop); anything else gives null. */
    private static <T> T follow(T value, Map<String, T> pool, Function<T, String> refOf, String prefix) {
        T current = value;
        Set<String> seen = new LinkedHashSet<>();
        while (current != null && refOf.apply(current) != null) {
            String ref = refOf.apply(current);
            if (!ref.startsWith(prefix) || !seen.add(ref) || pool == null) {
                return null;
            }
            current = pool.get(ref.substring(prefix.length()));
        }
        return current;
    }

    /** An example as sent: JSON text for JSON media types and structured values, else the text itself. */
    private static String text(Object value, String contentType) {
        if (value instanceof String string
                && (contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("json"))) {
            return string;
        }
        try {
            return Json.pretty().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
