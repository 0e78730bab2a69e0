package io.gatehouse.portal.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.gatehouse.importer.ImportedApi;
import io.gatehouse.importer.ImportedOperation;

/**
 * The catalog model of one ApiVersion, parsed once and kept in {@link CatalogModels}, with what every page needs
 * worked out ahead: the key of each operation and webhook, and the operations grouped by tag. Immutable.
 */
final class ApiModel {

    static final String UNTAGGED = "Other operations";

    private final ImportedApi api;
    private final List<Entry> operations;
    private final List<Entry> webhooks;
    private final Map<String, Entry> operationsByKey = new LinkedHashMap<>();
    private final Map<String, Entry> webhooksByKey = new LinkedHashMap<>();
    private final List<TagGroup> tagGroups;
    private final List<String> tags;
    private final int weight;

    /**
     * An operation (or webhook), the URL segment that names it, and a one-line summary: its own, else the start of
     * its description as plain text.
     */
    record Entry(String key, ImportedOperation operation, String summary) {
    }

    /**
     * The operations carrying one tag, in document order; an operation with several tags is in each of their groups.
     *
     * @param anchor a fragment id for the group's heading, safe whatever the tag name is
     */
    record TagGroup(String name, String description, String anchor, List<Entry> operations) {
    }

    /** @param summarize turns a Markdown description into a plain one-line summary */
    ApiModel(ImportedApi api, int weight, UnaryOperator<String> summarize) {
        this.api = api;
        this.weight = weight;
        this.operations = entries(api.operations(), operationsByKey, summarize);
        this.webhooks = entries(api.webhooks(), webhooksByKey, summarize);
        this.tagGroups = group(api, operations);
        List<String> used = new ArrayList<>();
        for (TagGroup group : tagGroups) {
            if (!group.name().equals(UNTAGGED)) {
                used.add(group.name());
            }
        }
        webhooks.stream().flatMap(webhook -> webhook.operation().tags().stream())
                .filter(tag -> !used.contains(tag)).distinct().forEach(used::add);
        this.tags = List.copyOf(used);
    }

    private static List<Entry> entries(List<ImportedOperation> operations, Map<String, Entry> byKey,
            UnaryOperator<String> summarize) {
        List<String> keys = OperationKeys.of(operations);
        List<Entry> entries = new ArrayList<>(operations.size());
        for (int i = 0; i < operations.size(); i++) {
            ImportedOperation operation = operations.get(i);
            String summary = operation.summary() != null && !operation.summary().isBlank() ? operation.summary()
                    : summarize.apply(operation.description());
            Entry entry = new Entry(keys.get(i), operation, summary);
            entries.add(entry);
            byKey.put(entry.key(), entry);
        }
        return List.copyOf(entries);
    }

    /** Declared tags first, in the document's order, then tags only operations name, then untagged operations. */
    private static List<TagGroup> group(ImportedApi api, List<Entry> operations) {
        Map<String, String> descriptions = new LinkedHashMap<>();
        api.tags().forEach(tag -> descriptions.putIfAbsent(tag.name(), tag.description()));
        Map<String, List<Entry>> byTag = new LinkedHashMap<>();
        descriptions.keySet().forEach(name -> byTag.put(name, new ArrayList<>()));
        List<Entry> untagged = new ArrayList<>();
        for (Entry entry : operations) {
            List<String> tags = entry.operation().tags();
            if (tags.isEmpty()) {
                untagged.add(entry);
            }
            tags.stream().distinct().forEach(tag -> byTag.computeIfAbsent(tag, name -> new ArrayList<>()).add(entry));
        }
        List<TagGroup> groups = new ArrayList<>();
        byTag.forEach((name, entries) -> {
            if (!entries.isEmpty()) {
                groups.add(new TagGroup(name, descriptions.get(name), "tag-" + (groups.size() + 1), List.copyOf(entries)));
            }
        });
        if (!untagged.isEmpty()) {
            groups.add(new TagGroup(UNTAGGED, null, "tag-" + (groups.size() + 1), List.copyOf(untagged)));
        }
        return List.copyOf(groups);
    }

    public ImportedApi api() {
        return api;
    }

    public List<Entry> operations() {
        return operations;
    }

    public List<Entry> webhooks() {
        return webhooks;
    }

    public Optional<Entry> operation(String key) {
        return Optional.ofNullable(operationsByKey.get(key));
    }

    public Optional<Entry> webhook(String key) {
        return Optional.ofNullable(webhooksByKey.get(key));
    }

    public List<TagGroup> tagGroups() {
        return tagGroups;
    }

    /** The tags that name at least one operation or webhook. */
    public List<String> tags() {
        return tags;
    }

    /** Roughly how much memory the model takes, in characters of its JSON form: what the cache bounds. */
    public int weight() {
        return weight;
    }
}
