package io.gatehouse.gateway.mock;

import java.util.List;
import java.util.Locale;

import io.gatehouse.core.catalog.MockResponse;

/**
 * Chooses what a mocked operation answers, as Prism and other mock servers do: {@code Prefer: code=404} or
 * {@code Prefer: example=name} pick a documented response; otherwise the lowest documented 2xx; {@code Accept}
 * then picks among its content types.
 */
public final class MockSelection {

    private MockSelection() {
    }

    /** The most specific operation matching the method and the path below the context path, or null. */
    public static MockOperation operation(List<MockOperation> operations, String method, String relativePath) {
        for (MockOperation operation : operations) {
            if (operation.matches(method, relativePath)) {
                return operation;
            }
        }
        return null;
    }

    /** The response to send, or null when the operation documents none. */
    public static MockResponse response(List<MockResponse> responses, String accept, String prefer) {
        if (responses.isEmpty()) {
            return null;
        }
        String preferredCode = preference(prefer, "code");
        String preferredExample = preference(prefer, "example");
        List<MockResponse> candidates = responses;
        if (preferredExample != null) {
            List<MockResponse> named = candidates.stream().filter(r -> preferredExample.equals(r.name())).toList();
            candidates = named.isEmpty() ? candidates : named;
        }
        int status;
        if (preferredCode != null && candidates.stream().anyMatch(r -> String.valueOf(r.status()).equals(preferredCode))) {
            status = Integer.parseInt(preferredCode);
        } else {
            status = candidates.stream().mapToInt(MockResponse::status).filter(s -> s >= 200 && s < 300).min()
                    .orElse(candidates.stream().mapToInt(MockResponse::status).min().orElseThrow());
        }
        int chosenStatus = status;
        List<MockResponse> withStatus = candidates.stream().filter(r -> r.status() == chosenStatus).toList();
        if (accept != null && !accept.isBlank()) {
            for (String range : accept.split(",")) {
                String mediaRange = range.split(";")[0].trim().toLowerCase(Locale.ROOT);
                for (MockResponse response : withStatus) {
                    if (accepts(mediaRange, response.contentType())) {
                        return response;
                    }
                }
            }
        }
        return withStatus.get(0);
    }

    static boolean accepts(String mediaRange, String contentType) {
        if (mediaRange.equals("*/*") || contentType == null) {
            return mediaRange.equals("*/*");
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        if (mediaRange.endsWith("/*")) {
            return type.startsWith(mediaRange.substring(0, mediaRange.length() - 1));
        }
        return type.equals(mediaRange) || type.startsWith(mediaRange + ";");
    }

    /** The value of {@code name=value} in a Prefer header (RFC 7240), or null. */
    static String preference(String prefer, String name) {
        if (prefer == null) {
            return null;
        }
        for (String part : prefer.split("[,;]")) {
            String token = part.trim();
            int eq = token.indexOf('=');
            if (eq > 0 && token.substring(0, eq).trim().equalsIgnoreCase(name)) {
                String value = token.substring(eq + 1).trim();
                return value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2
                        ? value.substring(1, value.length() - 1) : value;
            }
        }
        return null;
    }
}
