package io.gatehouse.importer;

/** A document could not be fetched from its URL, or the URL was refused; the message is one sentence. */
public class DocumentFetchException extends Exception {

    public DocumentFetchException(String sentence) {
        super(sentence);
    }

    public DocumentFetchException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
