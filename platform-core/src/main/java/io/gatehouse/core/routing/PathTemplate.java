package io.gatehouse.core.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * An OpenAPI path template such as {@code /pets/{petId}}, matched against a request path relative to the
 * Api's context path. Literal segments outrank variables, as OpenAPI requires ({@code /pets/mine} before
 * {@code /pets/{petId}}).
 */
public final class PathTemplate {

    private final String template;
    private final String[] segments;
    private final boolean[] variable;
    private final int literalCount;

    private PathTemplate(String template) {
        this.template = template;
        List<String> parts = split(template);
        this.segments = parts.toArray(String[]::new);
        this.variable = new boolean[segments.length];
        int literals = 0;
        for (int i = 0; i < segments.length; i++) {
            variable[i] = segments[i].startsWith("{") && segments[i].endsWith("}");
            if (!variable[i]) {
                literals++;
            }
        }
        this.literalCount = literals;
    }

    public static PathTemplate of(String template) {
        return new PathTemplate(template);
    }

    public String template() {
        return template;
    }

    public boolean matches(String path) {
        List<String> parts = split(path);
        if (parts.size() != segments.length) {
            return false;
        }
        for (int i = 0; i < segments.length; i++) {
            if (variable[i] ? parts.get(i).isEmpty() : !segments[i].equals(parts.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Higher is more specific: more literal segments first, then longer templates. */
    public int specificity() {
        return literalCount * 1000 + segments.length;
    }

    private static List<String> split(String path) {
        List<String> parts = new ArrayList<>();
        int start = path.startsWith("/") ? 1 : 0;
        if (start >= path.length()) {
            return parts;
        }
        int end = path.endsWith("/") && path.length() > 1 ? path.length() - 1 : path.length();
        for (int i = start; i <= end; i++) {
            if (i == end || path.charAt(i) == '/') {
                parts.add(path.substring(start, i));
                start = i + 1;
            }
        }
        return parts;
    }

    @Override
    public String toString() {
        return template;
    }
}
