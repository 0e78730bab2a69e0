package io.gatehouse.admin.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.gatehouse.importer.ImportedApi;
import io.gatehouse.importer.ImportedOperation;

/** What the admin checks before confirming an import. */
record ImportPreview(String draftId, String source, ImportedApi api, Map<String, Integer> operationsByTag,
        String suggestedContextPath) {

    static ImportPreview of(String draftId, String source, ImportedApi api) {
        Map<String, Integer> byTag = new TreeMap<>();
        for (ImportedOperation operation : api.operations()) {
            List<String> tags = operation.tags().isEmpty() ? List.of("(untagged)") : operation.tags();
            tags.forEach(tag -> byTag.merge(tag, 1, Integer::sum));
        }
        return new ImportPreview(draftId, source, api, byTag, suggestContextPath(api));
    }

    /** "Swagger Petstore" 1.0.7 -> /swagger-petstore/v1 */
    static String suggestContextPath(ImportedApi api) {
        String slug = api.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (slug.isEmpty()) {
            slug = "api";
        }
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        String major = api.version() == null ? "" : api.version().replaceAll("^[^0-9]*([0-9]+).*$", "$1");
        return "/" + slug + (major.matches("[0-9]+") ? "/v" + major : "");
    }
}
