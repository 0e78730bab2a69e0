package io.gatehouse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MarkdownTests {

    private static final Pattern TAG = Pattern.compile("<[a-zA-Z][^>]*>");
    private static final Pattern EVENT_HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");
    private static final Pattern ALLOWED_TAG = Pattern.compile(
            "<(p|br|hr|em|strong|code|pre|blockquote|ul|ol|li|h[1-6]|table|thead|tbody|tr|th|td|a)(\\s[^>]*)?>");

    private final Markdown markdown = new Markdown();

    /** Hostile input: what must be visible afterwards, and what must be gone. */
    static Stream<Arguments> hostile() {
        return Stream.of(
                Arguments.of("script tag", "Hello <script>window.__xss=1</script>", "&lt;script&gt;", "<script"),
                Arguments.of("script block", "<script>\nwindow.__xss=1\n</script>", "&lt;script&gt;", "<script"),
                Arguments.of("img onerror", "<img src=x onerror=\"window.__xss=1\">", "&lt;img", "<img"),
                Arguments.of("svg onload", "\"><svg onload=window.__xss=1>", "&lt;svg", "<svg"),
                Arguments.of("raw HTML block", "<div onclick=\"window.__xss=1\">\n<b>bold</b>\n</div>", "&lt;div",
                        "<div"),
                Arguments.of("raw anchor with data URL", "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
                        "&lt;a href", "<a href=\"data"),
                Arguments.of("iframe", "<iframe src=\"https://evil.example\"></iframe>", "&lt;iframe", "<iframe"),
                Arguments.of("javascript link", "[click](javascript:window.__xss=1)", "click", "href"),
                Arguments.of("mixed-case javascript link", "[click](JaVaScRiPt:alert(1))", "click", "href"),
                Arguments.of("entity-encoded javascript link", "[click](&#106;avascript:alert(1))", "click", "href"),
                Arguments.of("data link", "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
                        "click", "href"),
                Arguments.of("vbscript link", "[click](vbscript:msgbox(1))", "click", "href"),
                Arguments.of("javascript autolink", "<javascript:alert(1)>", "alert", "href"),
                Arguments.of("relative link", "[admin](/admin/apis)", "admin", "href"),
                Arguments.of("fragment link", "[top](#top)", "top", "href"),
                Arguments.of("remote image", "![tracking pixel](https://evil.example/pixel.png)", "tracking pixel",
                        "evil.example"),
                Arguments.of("image with javascript source", "![x](javascript:alert(1))", "x", "javascript"),
                Arguments.of("style attribute through raw HTML", "<p style=\"background:url(https://evil.example)\">x</p>",
                        "&lt;p style", "<p style"),
                Arguments.of("HTML comment", "Before\n\n<!-- ReDoc-Inject: <security-definitions> -->\n\nAfter",
                        "After", "ReDoc-Inject"),
                Arguments.of("script between comments", "<!-- a --><script>window.__xss=1</script><!-- b -->",
                        "", "script"),
                Arguments.of("link title breaking out", "[x](https://example.com \"a\\\" onmouseover=\\\"alert(1)\")",
                        "x", "<a href=\"https://example.com\" onmouseover"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void hostileInputIsEscapedOrDropped(String name, String source, String visible, String gone) {
        String html = markdown.html(source);
        assertThat(html).contains(visible).doesNotContain(gone);
        assertOnlySafeMarkup(html);
    }

    /** Legitimate Markdown: what the output must contain. */
    static Stream<Arguments> legitimate() {
        return Stream.of(
                Arguments.of("paragraph and emphasis", "Some *emphasis* and **strong** text",
                        new String[] {"<p>Some <em>emphasis</em> and <strong>strong</strong> text</p>"}),
                Arguments.of("inline code is escaped", "Use `a < b && c`",
                        new String[] {"<code>a &lt; b &amp;&amp; c</code>"}),
                Arguments.of("fenced code keeps its language", "```java\nif (a < b) { run(); }\n```",
                        new String[] {"<pre><code class=\"language-java\">if (a &lt; b) { run(); }"}),
                Arguments.of("lists", "1. one\n2. two\n\n- a\n- b",
                        new String[] {"<ol>", "<li>one</li>", "<ul>", "<li>a</li>"}),
                Arguments.of("headings move down two levels", "# Title\n\n## Part\n\n##### Deep",
                        new String[] {"<h3>Title</h3>", "<h4>Part</h4>", "<h6>Deep</h6>"}),
                Arguments.of("blockquote", "> quoted", new String[] {"<blockquote>", "quoted"}),
                Arguments.of("table with alignment", "| Name | Count |\n|:-----|------:|\n| pets | 3 |",
                        new String[] {"<table>", "<thead>", "<th align=\"left\">Name</th>",
                                "<td align=\"right\">3</td>"}),
                Arguments.of("https link", "[docs](https://example.com/docs?a=1&b=2)",
                        new String[] {"href=\"https://example.com/docs?a&#61;1&amp;b&#61;2\"",
                                "rel=\"nofollow noopener noreferrer\"", ">docs</a>"}),
                Arguments.of("http autolink", "<http://example.com>",
                        new String[] {"href=\"http://example.com\"", "rel=\"nofollow noopener noreferrer\""}),
                Arguments.of("mailto link", "[write to us](mailto:api@example.com)",
                        new String[] {"href=\"mailto:api&#64;example.com\"", "write to us</a>"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("legitimate")
    void legitimateMarkdownKeepsItsMeaning(String name, String source, String[] expected) {
        String html = markdown.html(source);
        assertThat(html).contains(expected);
        assertOnlySafeMarkup(html);
    }

    @Test
    void nothingBecomesEmpty() {
        assertThat(markdown.html(null)).isEmpty();
        assertThat(markdown.html("  \n ")).isEmpty();
        assertThat(markdown.summary(null, 80)).isEmpty();
    }

    @Test
    void theSummaryIsTheFirstParagraphAsPlainTextCutAtAWord() {
        String source = "# Introduction\n\nThe **Petstore** API sells [pets](https://example.com) <b>online</b>.\n\n"
                + "Second paragraph.";
        assertThat(markdown.summary(source, 200)).isEqualTo("The Petstore API sells pets online.");
        assertThat(markdown.summary(source, 20)).isEqualTo("The Petstore API…");
        assertThat(markdown.summary("```\ncode only\n```", 80)).isEqualTo("code only");
        assertThat(markdown.summary("<p>Retrieves a <code>Customer</code> object.</p>", 80))
                .isEqualTo("Retrieves a Customer object.");
    }

    /** Every tag is on the allow-list, no tag has an event handler, and every link is absolute http(s) or mailto. */
    private static void assertOnlySafeMarkup(String html) {
        Matcher tags = TAG.matcher(html);
        while (tags.find()) {
            assertThat(tags.group()).matches(ALLOWED_TAG);
            assertThat(EVENT_HANDLER.matcher(tags.group()).find()).as(tags.group()).isFalse();
        }
        Matcher hrefs = HREF.matcher(html);
        while (hrefs.find()) {
            assertThat(hrefs.group(1)).matches("(https?://|mailto:).+");
        }
    }
}
