package io.gatehouse.importer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sorts swagger-parser's messages into problems that refuse the document and warnings that come with it, each
 * turned into a sentence. A document is refused when it lacks what the catalog cannot do without (the format
 * version, the info section, its title and version) or breaks a rule the specification states with MUST.
 */
final class ParserMessages {

    private static final Pattern REQUIRED_MISSING = Pattern
            .compile("attribute (openapi|swagger|info|info\\.title|info\\.version) is missing");
    private static final Pattern DANGLING_REFERENCE = Pattern.compile("attribute (.+?)\\.?(#/\\S*) is missing");
    private static final Pattern MISSING = Pattern.compile("attribute (.+) is missing");
    private static final Pattern UNEXPECTED = Pattern.compile("attribute (.+) is unexpected");
    private static final Pattern WRONG_TYPE = Pattern.compile("attribute (.+) is not of type `(.+)`");
    private static final Pattern UNSUPPORTED = Pattern.compile("attribute (.+) is unsupported");
    private static final Pattern REPEATED = Pattern.compile("attribute (.+) is repeated");
    private static final Pattern RESERVED = Pattern.compile("attribute (.+) is reserved by The OpenAPI Initiative");
    /** swagger-parser reports an unusable contact or licence URL as the location followed by the URL itself. */
    private static final Pattern BAD_INFO_URL = Pattern.compile("(info\\.(?:contact|license))\\.(.+)");
    private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate field '?(.+?)'? in `.*`");

    final List<String> problems = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    ParserMessages(List<String> messages) {
        Set<String> seen = new LinkedHashSet<>();
        for (String message : messages == null ? List.<String>of() : messages) {
            if (message == null || message.isBlank() || !seen.add(message.strip())) {
                continue;
            }
            String text = message.strip();
            if (REQUIRED_MISSING.matcher(text).matches() || text.contains("MUST")) {
                problems.add(sentence(text));
            } else {
                warnings.add(sentence(text));
            }
        }
    }

    static String sentence(String message) {
        String text = message.strip().replaceAll("\\s+", " ");
        Matcher m;
        if ((m = REQUIRED_MISSING.matcher(text)).matches()) {
            return "The document has no " + m.group(1) + ", which an API description must have.";
        }
        if ((m = DANGLING_REFERENCE.matcher(text)).matches()) {
            return "The reference " + m.group(2) + " at " + m.group(1) + " points to nothing in the document.";
        }
        if ((m = MISSING.matcher(text)).matches()) {
            return "The field " + m.group(1) + " is missing.";
        }
        if ((m = UNEXPECTED.matcher(text)).matches()) {
            return "The field " + m.group(1) + " is not expected there and was ignored.";
        }
        if ((m = WRONG_TYPE.matcher(text)).matches()) {
            return "The field " + m.group(1) + " should be of type " + m.group(2) + ".";
        }
        if ((m = UNSUPPORTED.matcher(text)).matches()) {
            return "The field " + m.group(1) + " is not supported and was ignored.";
        }
        if ((m = REPEATED.matcher(text)).matches()) {
            return "The value of " + m.group(1) + " is used more than once, but must be unique.";
        }
        if ((m = RESERVED.matcher(text)).matches()) {
            return "The field " + m.group(1) + " uses a name reserved by the OpenAPI Initiative.";
        }
        if ((m = DUPLICATE_KEY.matcher(text)).matches()) {
            return "The key " + m.group(1) + " appears more than once in the same mapping; only one of them is kept.";
        }
        if ((m = BAD_INFO_URL.matcher(text)).matches()) {
            return "The URL " + m.group(2) + " in " + m.group(1) + " is not a valid URL.";
        }
        String located = text.replaceFirst("^[.\\s]+", "");
        return "The parser reports: " + located + (located.endsWith(".") ? "" : ".");
    }
}
