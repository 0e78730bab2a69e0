package io.gatehouse.importer;

import java.util.List;

/** Checks a document's text before any parser sees it. */
final class DocumentGuard {

    static final int MAX_BYTES = 10 * 1024 * 1024;

    void check(String document) throws InvalidDocumentException {
        if (document == null || document.isBlank()) {
            throw new InvalidDocumentException(List.of("The document is empty."));
        }
        if (document.length() > MAX_BYTES) {
            throw new InvalidDocumentException(List.of("The document is larger than the limit of 10 MB."));
        }
    }
}
