package io.gatehouse.core.routing;

import java.util.Optional;
import java.util.regex.Pattern;

/** The rule for an Api's gateway context path, e.g. {@code /petstore/v1}: used by the admin UI to validate and by the gateway to route. */
public final class ContextPaths {

    private static final Pattern VALID = Pattern.compile("(/[A-Za-z0-9._~-]+)+");
    public static final int MAX_LENGTH = 200;

    private ContextPaths() {
    }

    /** Trims and drops a trailing slash; does not validate. */
    public static String normalize(String contextPath) {
        String path = contextPath == null ? "" : contextPath.trim();
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    /** Why the (normalized) path cannot be a context path, or empty when it can. */
    public static Optional<String> problem(String contextPath) {
        String path = normalize(contextPath);
        if (path.isEmpty() || path.equals("/")) {
            return Optional.of("The context path must name at least one path segment, such as /petstore/v1.");
        }
        if (path.length() > MAX_LENGTH) {
            return Optional.of("The context path must be at most " + MAX_LENGTH + " characters long.");
        }
        if (!VALID.matcher(path).matches()) {
            return Optional.of("The context path must start with / and use only letters, digits and . _ ~ - in its segments.");
        }
        return Optional.empty();
    }

    /** Whether {@code requestPath} lies under {@code contextPath}: equal to it, or continuing with a slash. */
    public static boolean covers(String contextPath, String requestPath) {
        return requestPath.startsWith(contextPath)
                && (requestPath.length() == contextPath.length() || requestPath.charAt(contextPath.length()) == '/');
    }
}
