package io.gatehouse.importer;

import java.util.List;

/** One operation of an imported document, with its example responses. */
public record ImportedOperation(String method, String path, String operationId, String summary, List<String> tags,
        boolean deprecated, List<Example> examples) {

    public ImportedOperation {
        tags = List.copyOf(tags);
        examples = List.copyOf(examples);
    }

    /** An example response: what mock mode answers with. */
    public record Example(int status, String contentType, String name, String body) {
    }
}
