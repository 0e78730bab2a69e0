package io.gatehouse.importer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;

/** Turns a parsed (unresolved) OpenAPI document into the catalog model; local references are followed here. */
final class CatalogModelReader {

    private static final String REF_RESPONSES = "#/components/responses/";
    private static final String REF_EXAMPLES = "#/components/examples/";

    private CatalogModelReader() {
    }

    static ImportedApi read(OpenAPI openApi, String specVersion, List<String> warnings) {
        List<ImportedOperation> operations = new ArrayList<>();
        if (openApi.getPaths() != null) {
            openApi.getPaths().forEach((path, item) -> operations.addAll(operations(path, item, openApi.getComponents())));
        }
        List<String> tags = new ArrayList<>();
        if (openApi.getTags() != null) {
            openApi.getTags().stream().map(Tag::getName).forEach(tags::add);
        }
        List<String> servers = new ArrayList<>();
        if (openApi.getServers() != null) {
            openApi.getServers().stream().map(Server::getUrl).forEach(servers::add);
        }
        return new ImportedApi(openApi.getInfo().getTitle(), String.valueOf(openApi.getInfo().getVersion()),
                specVersion, openApi.getInfo().getDescription(), apiKeyHeader(openApi.getComponents()), servers, tags,
                operations, warnings);
    }

    private static String apiKeyHeader(Components components) {
        if (components == null || components.getSecuritySchemes() == null) {
            return null;
        }
        for (SecurityScheme scheme : components.getSecuritySchemes().values()) {
            if (scheme.getType() == SecurityScheme.Type.APIKEY && scheme.getIn() == SecurityScheme.In.HEADER) {
                return scheme.getName();
            }
        }
        return null;
    }

    private static List<ImportedOperation> operations(String path, PathItem item, Components components) {
        List<ImportedOperation> operations = new ArrayList<>();
        for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.readOperationsMap().entrySet()) {
            Operation operation = entry.getValue();
            operations.add(new ImportedOperation(entry.getKey().name(), path, operation.getOperationId(),
                    operation.getSummary(), operation.getTags() == null ? List.of() : operation.getTags(),
                    Boolean.TRUE.equals(operation.getDeprecated()), examples(operation, components)));
        }
        return operations;
    }

    private static List<ImportedOperation.Example> examples(Operation operation, Components components) {
        List<ImportedOperation.Example> examples = new ArrayList<>();
        if (operation.getResponses() == null) {
            return examples;
        }
        for (Map.Entry<String, ApiResponse> entry : operation.getResponses().entrySet()) {
            int status = status(entry.getKey());
            ApiResponse response = follow(entry.getValue(), components);
            if (status < 0 || response == null) {
                continue;
            }
            if (response.getContent() == null || response.getContent().isEmpty()) {
                examples.add(new ImportedOperation.Example(status, null, "default", null));
                continue;
            }
            for (Map.Entry<String, MediaType> media : response.getContent().entrySet()) {
                examples.addAll(examples(status, media.getKey(), media.getValue(), components));
            }
        }
        return examples;
    }

    private static List<ImportedOperation.Example> examples(int status, String contentType, MediaType media,
            Components components) {
        List<ImportedOperation.Example> examples = new ArrayList<>();
        if (media.getExamples() != null) {
            for (Map.Entry<String, Example> named : media.getExamples().entrySet()) {
                Example example = follow(named.getValue(), components);
                if (example != null && example.getValue() != null) {
                    examples.add(new ImportedOperation.Example(status, contentType, named.getKey(),
                            body(example.getValue(), contentType)));
                }
            }
        }
        Object single = media.getExample();
        if (single == null && media.getSchema() != null) {
            single = media.getSchema().getExample();
        }
        if (single != null) {
            examples.add(new ImportedOperation.Example(status, contentType, "default", body(single, contentType)));
        }
        return examples;
    }

    private static ApiResponse follow(ApiResponse response, Components components) {
        Set<String> seen = new LinkedHashSet<>();
        while (response != null && response.get$ref() != null) {
            String ref = response.get$ref();
            if (!ref.startsWith(REF_RESPONSES) || !seen.add(ref) || components == null
                    || components.getResponses() == null) {
                return null;
            }
            response = components.getResponses().get(ref.substring(REF_RESPONSES.length()));
        }
        return response;
    }

    private static Example follow(Example example, Components components) {
        if (example == null || example.get$ref() == null) {
            return example;
        }
        String ref = example.get$ref();
        if (!ref.startsWith(REF_EXAMPLES) || components == null || components.getExamples() == null) {
            return null;
        }
        return components.getExamples().get(ref.substring(REF_EXAMPLES.length()));
    }

    /** "200" -> 200; "2XX" -> 200; "default" -> 200 (a default response stands for success in mock mode). */
    private static int status(String code) {
        String normalized = code.trim().toUpperCase(Locale.ROOT);
        if (normalized.equals("DEFAULT")) {
            return 200;
        }
        if (normalized.matches("[1-5]XX")) {
            return (normalized.charAt(0) - '0') * 100;
        }
        try {
            int status = Integer.parseInt(normalized);
            return status >= 100 && status <= 599 ? status : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String body(Object value, String contentType) {
        if (value instanceof String text && (contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("json"))) {
            return text;
        }
        try {
            return Json.pretty().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
