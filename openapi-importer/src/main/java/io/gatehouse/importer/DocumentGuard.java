package io.gatehouse.importer;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * Checks a document's text before any parser sees it: its size, then one streaming pass over its YAML events or
 * JSON tokens that builds nothing and expands no alias, so a YAML bomb is refused in time proportional to its text.
 * The pass refuses deep nesting, many aliases, aliases that would expand to much, too many operations and every
 * {@code $ref} that points outside the document, and notes the document's declared format version.
 */
final class DocumentGuard {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    /** At most this many outside references are named; a document with more gets one further sentence. */
    private static final int NAMED_REFERENCES = 10;

    private final ImportLimits limits;

    DocumentGuard(ImportLimits limits) {
        this.limits = limits;
    }

    /**
     * What the scan learned that the importer needs afterwards.
     *
     * @param json whether the text is JSON (it starts with "{", the parser's own rule)
     * @param openapi the root {@code openapi} value, or null
     * @param swagger the root {@code swagger} value, or null
     * @param operations the operations under {@code paths}, counted in the text
     */
    record Facts(boolean json, String openapi, String swagger, int operations) {
    }

    Facts check(String document) throws InvalidDocumentException {
        return check(document, document == null ? 0 : utf8Length(document, limits.maxDocumentBytes()));
    }

    /** Checks a text whose size in bytes is already known (that of the bytes it was decoded from). */
    Facts check(String document, long bytes) throws InvalidDocumentException {
        if (document == null || document.isBlank()) {
            throw refusal("The document is empty.");
        }
        if (bytes > limits.maxDocumentBytes()) {
            throw refusal("The document is larger than the limit of " + limits.documentSize() + ".");
        }
        Scan scan = new Scan(limits);
        boolean json = looksLikeJson(document);
        if (json) {
            scanJson(document, scan);
        } else {
            scanYaml(document, scan);
        }
        if (!scan.outsideReferences.isEmpty()) {
            List<String> problems = new ArrayList<>();
            for (String reference : scan.outsideReferences) {
                problems.add("The document refers to " + (reference.isEmpty() ? "an empty reference" : reference)
                        + "; only references inside the document (#/...) are allowed.");
            }
            if (scan.moreOutsideReferences > 0) {
                problems.add("It has " + scan.moreOutsideReferences + " more references outside the document.");
            }
            throw new InvalidDocumentException(problems);
        }
        return new Facts(json, scan.openapi, scan.swagger, scan.operations);
    }

    /** swagger-parser reads a text as JSON when it starts with "{" and as YAML otherwise; so does the guard. */
    static boolean looksLikeJson(String document) {
        return document.trim().startsWith("{");
    }

    private void scanYaml(String document, Scan scan) throws InvalidDocumentException {
        LoaderOptions options = new LoaderOptions();
        // The size was checked above; the events carry no expanded aliases, so these limits cannot be hit here.
        options.setCodePointLimit(Integer.MAX_VALUE);
        int documents = 0;
        try {
            for (Event event : new Yaml(options).parse(new StringReader(document))) {
                switch (event.getEventId()) {
                    case DocumentStart -> {
                        if (++documents > 1) {
                            throw refusal("The file holds more than one YAML document; an API description must be"
                                    + " a single document.");
                        }
                    }
                    case MappingStart, SequenceStart -> scan.startCollection(event instanceof MappingStartEvent,
                            ((CollectionStartEvent) event).getAnchor());
                    case MappingEnd, SequenceEnd -> scan.endCollection();
                    case Scalar -> scan.scalar(((ScalarEvent) event).getValue(), ((ScalarEvent) event).getAnchor());
                    case Alias -> scan.alias(((AliasEvent) event).getAnchor());
                    default -> {
                        // stream start and end, document end, comments: nothing to count
                    }
                }
            }
        } catch (MarkedYAMLException e) {
            String where = e.getProblemMark() == null ? ""
                    : " (line " + (e.getProblemMark().getLine() + 1) + ", column "
                            + (e.getProblemMark().getColumn() + 1) + ")";
            throw refusal("The document is not valid YAML: " + plain(e.getProblem()) + where + ".");
        } catch (YAMLException e) {
            throw refusal("The document is not valid YAML: " + plain(e.getMessage()) + ".");
        }
    }

    private void scanJson(String document, Scan scan) throws InvalidDocumentException {
        // The guard's own depth limit is far below this one; Jackson's must not refuse first with its own words.
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Integer.MAX_VALUE).build())
                .build();
        try (JsonParser parser = factory.createParser(document)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                switch (token) {
                    case START_OBJECT -> scan.startCollection(true, null);
                    case START_ARRAY -> scan.startCollection(false, null);
                    case END_OBJECT, END_ARRAY -> scan.endCollection();
                    case FIELD_NAME -> scan.scalar(parser.currentName(), null);
                    case VALUE_NULL -> scan.scalar(null, null);
                    default -> scan.scalar(parser.getText(), null);
                }
                if (scan.rootClosed()) {
                    // The parser reads the first JSON value and ignores what follows; so does the guard.
                    break;
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            String where = location == null ? "" : " (line " + location.getLineNr() + ", column "
                    + location.getColumnNr() + ")";
            throw refusal("The document is not valid JSON: " + plain(e.getOriginalMessage()) + where + ".");
        } catch (IOException e) {
            throw refusal("The document could not be read as JSON.");
        }
    }

    /** The UTF-8 length of the text, counted only as far as just past the limit. */
    static long utf8Length(String text, long limit) {
        long bytes = 0;
        for (int i = 0; i < text.length() && bytes <= limit; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** A parser's message as the middle of a sentence: one line, no trailing full stop. */
    private static String plain(String message) {
        if (message == null || message.isBlank()) {
            return "the parser gave no reason";
        }
        String line = message.strip().replaceAll("\\s+", " ");
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }

    private static InvalidDocumentException refusal(String sentence) {
        return new InvalidDocumentException(List.of(sentence));
    }

    /** The running state of one pass: the open collections, the anchors seen and what has been counted. */
    private static final class Scan {

        private final ImportLimits limits;
        private final List<Frame> open = new ArrayList<>();
        private final Map<String, Anchored> anchors = new HashMap<>();
        private final Set<String> openAnchors = new HashSet<>();
        private final Set<String> outsideReferences = new LinkedHashSet<>();
        private int moreOutsideReferences;
        private int aliases;
        private long expansion;
        private int operations;
        private boolean rootSeen;
        private String openapi;
        private String swagger;

        Scan(ImportLimits limits) {
            this.limits = limits;
        }

        boolean rootClosed() {
            return rootSeen && open.isEmpty();
        }

        void startCollection(boolean mapping, String anchor) throws InvalidDocumentException {
            String keyInParent = place();
            if (open.size() + 1 > limits.maxNestingDepth()) {
                throw tooDeep();
            }
            open.add(new Frame(mapping, anchor, keyInParent));
            if (anchor != null) {
                openAnchors.add(anchor);
            }
        }

        void endCollection() {
            Frame closed = open.remove(open.size() - 1);
            if (closed.anchor != null) {
                openAnchors.remove(closed.anchor);
                anchors.put(closed.anchor, new Anchored(closed.nodes, closed.height, null));
            }
            if (!open.isEmpty()) {
                Frame parent = current();
                parent.nodes += closed.nodes;
                parent.height = Math.max(parent.height, closed.height + 1);
            }
        }

        void scalar(String value, String anchor) throws InvalidDocumentException {
            boolean key = isKeyPosition();
            String keyInParent = place();
            if (anchor != null) {
                anchors.put(anchor, new Anchored(1, 0, value));
            }
            if (open.isEmpty()) {
                return;
            }
            current().nodes++;
            if (key) {
                current().key = value;
                countOperation(value);
            } else {
                valueOf(keyInParent, value);
            }
        }

        void alias(String name) throws InvalidDocumentException {
            boolean key = isKeyPosition();
            String keyInParent = place();
            if (++aliases > limits.maxAliases()) {
                throw refusal(String.format(Locale.ROOT, "The document uses more than %,d YAML aliases (*name), more"
                        + " than an API description needs.", limits.maxAliases()));
            }
            if (openAnchors.contains(name)) {
                throw refusal("The document's YAML alias *" + name + " refers to a part that contains the alias"
                        + " itself.");
            }
            Anchored target = anchors.get(name);
            if (target == null) {
                throw refusal("The document uses the YAML alias *" + name + ", but no anchor &" + name
                        + " comes before it.");
            }
            expansion += target.nodes;
            if (expansion > limits.maxAliasExpansion()) {
                throw refusal(String.format(Locale.ROOT, "The document's YAML aliases expand to more than %,d"
                        + " nodes, more than an API description needs.", limits.maxAliasExpansion()));
            }
            if (open.size() + target.height > limits.maxNestingDepth()) {
                throw tooDeep();
            }
            if (open.isEmpty()) {
                return;
            }
            Frame parent = current();
            parent.nodes += target.nodes;
            parent.height = Math.max(parent.height, target.height + 1);
            if (key) {
                parent.key = target.value;
                countOperation(target.value);
            } else if (target.value != null) {
                valueOf(keyInParent, target.value);
            }
        }

        private boolean isKeyPosition() {
            return !open.isEmpty() && current().mapping && current().expectKey;
        }

        /** Moves the current collection past one node; returns the key this node is the value of, if any. */
        private String place() {
            if (open.isEmpty()) {
                rootSeen = true;
                return null;
            }
            Frame parent = current();
            if (!parent.mapping) {
                return null;
            }
            parent.expectKey = !parent.expectKey;
            if (!parent.expectKey) {
                parent.key = null; // a key that is itself a collection or an alias leaves no name behind
                return null;
            }
            return parent.key;
        }

        private void valueOf(String key, String value) {
            if ("$ref".equals(key) && value != null && !value.startsWith("#")) {
                if (outsideReferences.size() < NAMED_REFERENCES) {
                    outsideReferences.add(value);
                } else if (!outsideReferences.contains(value)) {
                    moreOutsideReferences++;
                }
            }
            if (open.size() == 1 && current().mapping) {
                if ("openapi".equals(key)) {
                    openapi = value;
                } else if ("swagger".equals(key)) {
                    swagger = value;
                }
            }
        }

        /** A key of a path item is an operation when it names a method: root -> paths -> path -> method. */
        private void countOperation(String key) throws InvalidDocumentException {
            if (open.size() == 3 && key != null && METHODS.contains(key) && open.get(0).mapping
                    && open.get(1).mapping && "paths".equals(open.get(1).keyInParent) && open.get(2).mapping
                    && ++operations > limits.maxOperations()) {
                throw refusal(String.format(Locale.ROOT, "The document describes more than %,d operations, the most"
                        + " one import accepts.", limits.maxOperations()));
            }
        }

        private InvalidDocumentException tooDeep() {
            return refusal("The document is nested more than " + limits.maxNestingDepth()
                    + " levels deep, more than an API description needs.");
        }

        private Frame current() {
            return open.get(open.size() - 1);
        }
    }

    /** One open mapping or list. */
    private static final class Frame {

        final boolean mapping;
        final String anchor;
        final String keyInParent;
        boolean expectKey = true;
        String key;
        long nodes = 1;
        int height = 1;

        Frame(boolean mapping, String anchor, String keyInParent) {
            this.mapping = mapping;
            this.anchor = anchor;
            this.keyInParent = keyInParent;
        }
    }

    /** What an anchor stands for: its size with its own aliases expanded, its height, and its text if a scalar. */
    private record Anchored(long nodes, int height, String value) {
    }
}
