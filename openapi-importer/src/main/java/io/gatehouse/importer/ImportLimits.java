package io.gatehouse.importer;

/**
 * How much of a stranger's document the importer is willing to read; every refusal names the limit it hit.
 *
 * @param maxDocumentBytes the largest document, in bytes of its UTF-8 form (or of the download)
 * @param maxNestingDepth the deepest nesting of mappings and lists, aliases expanded; 50 is also where the
 *        parser's own YAML loader stops, so a deeper document could not be read anyway
 * @param maxAliases the most YAML aliases ({@code *name}) a document may use; 50 is SnakeYAML's own default, which
 *        swagger-parser switches off, and real API descriptions use none
 * @param maxAliasExpansion the most nodes that expanding all aliases may add to the document, so that even 50
 *        aliases nested into each other cannot make a "billion laughs" out of a small text
 * @param maxOperations the most operations (method and path pairs) a document may describe
 */
public record ImportLimits(int maxDocumentBytes, int maxNestingDepth, int maxAliases, int maxAliasExpansion,
        int maxOperations) {

    public static final ImportLimits DEFAULTS = new ImportLimits(10 * 1024 * 1024, 50, 50, 100_000, 5_000);

    public ImportLimits {
        if (maxDocumentBytes < 1 || maxNestingDepth < 1 || maxAliases < 0 || maxAliasExpansion < 0
                || maxOperations < 0) {
            throw new IllegalArgumentException("import limits must be positive");
        }
    }

    /** "10 MB" for 10,485,760 bytes; a limit under a megabyte is given in bytes. */
    public String documentSize() {
        return describeBytes(maxDocumentBytes);
    }

    static String describeBytes(long bytes) {
        long megabyte = 1024 * 1024;
        return bytes % megabyte == 0 ? bytes / megabyte + " MB" : String.format(java.util.Locale.ROOT, "%,d bytes", bytes);
    }
}
