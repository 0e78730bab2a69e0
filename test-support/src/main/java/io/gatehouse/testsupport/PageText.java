package io.gatehouse.testsupport;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads figures out of a rendered page the way the templates lay them out: the text of the element with an id, the
 * table row carrying a data attribute, and a cell of that row by its class. Fails loudly when the element is absent,
 * so a test never compares against a value it did not find.
 */
public final class PageText {

    private PageText() {
    }

    /** The text directly inside the element with {@code id} (which holds no markup). */
    public static String byId(String html, String id) {
        return first(html, "id=\"" + Pattern.quote(id) + "\"[^>]*>\\s*([^<]*?)\\s*<", "#" + id);
    }

    /** True when the page has an element with {@code id}. */
    public static boolean hasId(String html, String id) {
        return html.contains("id=\"" + id + "\"");
    }

    /** The markup of the table row with {@code attribute="value"}. */
    public static String row(String html, String attribute, Object value) {
        return first(html, "(<tr[^>]*\\b" + Pattern.quote(attribute) + "=\"" + Pattern.quote(String.valueOf(value))
                + "\"[^>]*>.*?</tr>)", "tr[" + attribute + "=" + value + "]");
    }

    /** The text directly inside the first element of {@code markup} with class {@code cssClass}. */
    public static String cell(String markup, String cssClass) {
        return first(markup, "class=\"" + Pattern.quote(cssClass) + "\"[^>]*>\\s*([^<]*?)\\s*<", "." + cssClass);
    }

    private static String first(String html, String regex, String what) {
        Matcher matcher = Pattern.compile(regex, Pattern.DOTALL).matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no " + what + " in the page:\n" + html);
        }
        return matcher.group(1);
    }
}
