package io.gatehouse.importer;

import java.util.List;

/** The document cannot be imported; each message is one sentence a user understands. */
public class InvalidDocumentException extends Exception {

    private final List<String> problems;

    public InvalidDocumentException(List<String> problems) {
        super(String.join(" ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
