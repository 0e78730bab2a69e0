package io.gatehouse.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Counts a document's operations from its raw tree, independently of swagger-parser and the importer: every key of
 * a path item under {@code paths} that names an HTTP method.
 */
final class RawOperations {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    private RawOperations() {
    }

    static int count(String document) {
        Object root = tree(document);
        if (!(root instanceof Map<?, ?> rootMap) || !(rootMap.get("paths") instanceof Map<?, ?> paths)) {
            return 0;
        }
        int operations = 0;
        for (Object item : paths.values()) {
            if (item instanceof Map<?, ?> pathItem) {
                for (Object key : pathItem.keySet()) {
                    if (METHODS.contains(String.valueOf(key))) {
                        operations++;
                    }
                }
            }
        }
        return operations;
    }

    private static Object tree(String document) {
        if (document.strip().startsWith("{")) {
            try {
                return new ObjectMapper().readValue(document, Object.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        return new Yaml(options).load(document);
    }
}
