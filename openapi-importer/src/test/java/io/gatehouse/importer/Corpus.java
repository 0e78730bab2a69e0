package io.gatehouse.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared corpus of real-world documents, found beside the project root ({@code ../shared/openapi-corpus}).
 * A missing corpus is an error, never a reason to skip: the tests that use it would otherwise prove nothing.
 */
final class Corpus {

    static final String PROPERTY = "gatehouse.openapi-corpus";
    private static final Path RELATIVE = Path.of("shared", "openapi-corpus");

    private Corpus() {
    }

    /** One line of MANIFEST.tsv. */
    record Entry(String file, String expect, String notes) {

        Path path() {
            return directory().resolve(file);
        }

        byte[] bytes() {
            try {
                return Files.readAllBytes(path());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return file + " (" + expect + ")";
        }
    }

    static Path directory() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return requireManifest(Path.of(configured));
        }
        // Tests run in the module directory, the project root is its parent and shared/ sits beside the root;
        // walking up also works from the root itself or from a deeper working directory.
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(RELATIVE).resolve("MANIFEST.tsv"))) {
                return dir.resolve(RELATIVE);
            }
        }
        throw new IllegalStateException("The OpenAPI corpus (shared/openapi-corpus/MANIFEST.tsv) was not found in "
                + start + " or any directory above it; set -D" + PROPERTY + "=<dir> to point at it.");
    }

    private static Path requireManifest(Path dir) {
        if (!Files.isRegularFile(dir.resolve("MANIFEST.tsv"))) {
            throw new IllegalStateException("No MANIFEST.tsv in " + dir.toAbsolutePath() + " (from -D" + PROPERTY + ").");
        }
        return dir;
    }

    static List<Entry> entries() throws IOException {
        List<String> lines = Files.readAllLines(directory().resolve("MANIFEST.tsv"));
        List<String> header = fields(lines.get(0));
        int file = header.indexOf("file");
        int expect = header.indexOf("expect");
        int notes = header.indexOf("notes");
        if (file < 0 || expect < 0 || notes < 0) {
            throw new IllegalStateException("MANIFEST.tsv lacks a file, expect or notes column: " + header);
        }
        List<Entry> entries = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> row = fields(line);
            entries.add(new Entry(row.get(file), row.get(expect), row.get(notes)));
        }
        return entries;
    }

    static Entry entry(String file) throws IOException {
        return entries().stream().filter(e -> e.file().equals(file)).findFirst()
                .orElseThrow(() -> new IllegalStateException(file + " is not in MANIFEST.tsv"));
    }

    /** Tab-separated fields; a field in double quotes may hold doubled quotes (no field holds a tab). */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        for (String field : line.split("\t", -1)) {
            if (field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")) {
                field = field.substring(1, field.length() - 1).replace("\"\"", "\"");
            }
            fields.add(field);
        }
        return fields;
    }
}
