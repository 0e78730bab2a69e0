package io.gatehouse.portal.catalog;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatehouse.core.routing.ContextPaths;

/**
 * The URL a Try it request goes to: the configured gateway base URL, the Api's context path, and the operation's
 * path with its parameters filled in. Every value a consumer types is percent-encoded whole (a slash becomes %2F), so
 * no value can add a path segment, a query, a fragment or another host; the finished URL is checked once more to lie
 * under the base URL and the context path.
 */
final class TryItTarget {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^{}/]+)}");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** What RFC 3986 allows in a path segment besides unreserved characters. */
    private static final String SEGMENT_DELIMITERS = "!$&'()*+,;=:@";

    private final URI base;

    /** @throws IllegalArgumentException when {@code gatewayUrl} is not an absolute http(s) URL without query */
    TryItTarget(String gatewayUrl) {
        URI parsed = URI.create(gatewayUrl.strip());
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || parsed.getHost() == null
                || parsed.getRawQuery() != null || parsed.getRawFragment() != null || parsed.getRawUserInfo() != null) {
            throw new IllegalArgumentException("The gateway URL must be an absolute http(s) URL such as "
                    + "http://localhost:8000, not " + gatewayUrl);
        }
        String path = parsed.getRawPath() == null ? "" : parsed.getRawPath();
        this.base = URI.create(scheme + "://" + parsed.getRawAuthority() + path.replaceAll("/+$", ""));
    }

    /** The base URL every request goes under, without a trailing slash. */
    URI base() {
        return base;
    }

    /**
     * @param pathValues the value of each path parameter by name
     * @param query query parameters in order; blank values are left out
     * @throws IllegalArgumentException with a message for the consumer when a path parameter is missing or is a dot
     *         segment
     */
    URI resolve(String contextPath, String pathTemplate, Map<String, String> pathValues,
            List<Map.Entry<String, String>> query) {
        StringBuilder path = new StringBuilder(base.getRawPath()).append(contextPath);
        Matcher variable = VARIABLE.matcher(pathTemplate);
        int last = 0;
        while (variable.find()) {
            path.append(encodeLiteral(pathTemplate.substring(last, variable.start())));
            String name = variable.group(1);
            String value = pathValues.get(name);
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException("Fill in the path parameter " + name + ".");
            }
            if (value.equals(".") || value.equals("..")) {
                // Encoded or not, servers treat these as "this" and "parent" segments and would leave the path.
                throw new IllegalArgumentException("The path parameter " + name + " cannot be . or ..");
            }
            path.append(encode(value));
            last = variable.end();
        }
        path.append(encodeLiteral(pathTemplate.substring(last)));
        StringBuilder url = new StringBuilder(base.getScheme()).append("://").append(base.getRawAuthority())
                .append(path);
        String separator = "?";
        for (Map.Entry<String, String> parameter : query) {
            if (parameter.getValue() == null || parameter.getValue().isEmpty()) {
                continue;
            }
            url.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = "&";
        }
        URI target = URI.create(url.toString());
        if (!target.getScheme().equals(base.getScheme()) || !target.getRawAuthority().equals(base.getRawAuthority())
                || !ContextPaths.covers(base.getRawPath() + contextPath, target.getRawPath())) {
            throw new IllegalStateException("a Try it URL left the gateway base URL: " + target);
        }
        return target;
    }

    /** Percent-encodes everything but RFC 3986's unreserved characters, in UTF-8. */
    static String encode(String value) {
        return encode(value, "");
    }

    /**
     * The literal parts of the document's own path template: slashes and the characters a path segment may hold
     * stay; the rest (spaces, non-ASCII, '?', '#', '%') is encoded.
     */
    static String encodeLiteral(String literal) {
        return encode(literal, "/" + SEGMENT_DELIMITERS);
    }

    private static String encode(String value, String alsoKept) {
        StringBuilder encoded = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~' || c < 0x80 && alsoKept.indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return encoded.toString();
    }
}
