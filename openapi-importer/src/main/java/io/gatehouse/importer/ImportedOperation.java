package io.gatehouse.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One operation of an imported document.
 *
 * @param security the security requirements in effect (the operation's own, else the document's): each entry is
 *        one alternative, e.g. "apiKey" or "oauth2 (read:pets) + apiKey"; empty means none
 */
public record ImportedOperation(String method, String path, String operationId, String summary, String description,
        List<String> tags, boolean deprecated, List<ParameterInfo> parameters, RequestBodyInfo requestBody,
        List<ResponseInfo> responses, List<String> security) {

    public ImportedOperation {
        tags = Copies.list(tags);
        parameters = Copies.list(parameters);
        responses = Copies.list(responses);
        security = Copies.list(security);
    }

    /** A stable key for URLs and anchors: "get /pets/{id}". */
    public String key() {
        return method.toLowerCase(Locale.ROOT) + " " + path;
    }

    /** The example responses mock mode can answer with, one per documented example (or per response without content). */
    public List<Example> examples() {
        List<Example> examples = new ArrayList<>();
        for (ResponseInfo response : responses) {
            int status = response.mockStatus();
            if (status < 0) {
                continue;
            }
            if (response.content().isEmpty()) {
                examples.add(new Example(status, null, "default", null));
            }
            for (ContentInfo content : response.content()) {
                for (NamedExample example : content.examples()) {
                    examples.add(new Example(status, content.contentType(), example.name(), example.value()));
                }
            }
        }
        return examples;
    }

    /** An example response: what mock mode answers with. */
    public record Example(int status, String contentType, String name, String body) {
    }

    /** @param in path, query, header or cookie */
    public record ParameterInfo(String name, String in, String description, boolean required, boolean deprecated,
            SchemaNode schema, String example) {
    }

    public record RequestBodyInfo(String description, boolean required, List<ContentInfo> content) {

        public RequestBodyInfo {
            content = Copies.list(content);
        }
    }

    /** @param code as documented: "200", "4XX" or "default" */
    public record ResponseInfo(String code, String description, List<ContentInfo> content) {

        public ResponseInfo {
            content = Copies.list(content);
        }

        /** "200" -> 200; "2XX" -> 200; "default" -> 200 (a default response stands for success in mock mode); else -1. */
        public int mockStatus() {
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
    }

    /** One media type of a request or response body, with its schema and examples. */
    public record ContentInfo(String contentType, SchemaNode schema, List<NamedExample> examples) {

        public ContentInfo {
            examples = Copies.list(examples);
        }
    }

    /** @param value the example as sent: JSON text for JSON media types, else the text itself */
    public record NamedExample(String name, String summary, String value) {
    }
}
