package io.gatehouse.portal.catalog;

import jakarta.validation.constraints.Size;

/**
 * The fixed fields of the Try it form; parameter values arrive as {@code path:<name>}, {@code query:<name>} and
 * {@code header:<name>} fields and only the operation's documented parameters are read.
 *
 * @param apiKey pasted by the consumer for this one request; never stored, logged or shown again
 * @param body null or blank to send no body
 */
record TryItForm(@Size(max = 512) String apiKey, @Size(max = 200) String contentType,
        @Size(max = TryItForm.MAX_BODY, message = "The request body can be at most 1 MB.") String body) {

    static final int MAX_BODY = 1024 * 1024;

    static TryItForm empty(String contentType, String body) {
        return new TryItForm("", contentType, body);
    }

    /** The form as it is shown again: everything but the key. */
    TryItForm withoutKey() {
        return new TryItForm("", contentType, body);
    }
}
