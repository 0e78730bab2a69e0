package io.gatehouse.admin.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.Endpoint;

/**
 * What changed between two versions of an Api, by operation, with breaking changes flagged: a removed operation
 * always breaks clients; a changed one breaks them when openapi-diff finds it incompatible.
 */
public record VersionDiff(List<Change> added, List<Change> removed, List<Change> changed) {

    public record Change(String method, String path, String summary, boolean breaking) {
    }

    public boolean isBreaking() {
        return !removed.isEmpty() || changed.stream().anyMatch(Change::breaking);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /** Both documents have passed the importer's checks: they hold no references outside themselves. */
    public static VersionDiff between(String previousDocument, String nextDocument) {
        ChangedOpenApi diff = OpenApiCompare.fromContents(previousDocument, nextDocument);
        List<Change> added = new ArrayList<>();
        for (Endpoint endpoint : diff.getNewEndpoints()) {
            added.add(new Change(method(endpoint.getMethod()), endpoint.getPathUrl(), endpoint.getSummary(), false));
        }
        List<Change> removed = new ArrayList<>();
        for (Endpoint endpoint : diff.getMissingEndpoints()) {
            removed.add(new Change(method(endpoint.getMethod()), endpoint.getPathUrl(), endpoint.getSummary(), true));
        }
        List<Change> changed = new ArrayList<>();
        for (ChangedOperation operation : diff.getChangedOperations()) {
            changed.add(new Change(method(operation.getHttpMethod()), operation.getPathUrl(),
                    operation.getNewOperation() == null ? null : operation.getNewOperation().getSummary(),
                    operation.isChanged().isIncompatible()));
        }
        return new VersionDiff(added, removed, changed);
    }

    private static String method(Object method) {
        return String.valueOf(method).toUpperCase(Locale.ROOT);
    }
}
