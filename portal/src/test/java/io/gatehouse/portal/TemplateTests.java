package io.gatehouse.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Rules every portal template keeps: text is escaped except sanitised Markdown, and nothing needs the
 * Content-Security-Policy to allow inline script or style.
 */
class TemplateTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/portal/templates");
    private static final Pattern UTEXT = Pattern.compile("th:utext=\"([^\"]*)\"");

    @Test
    void theOnlyUnescapedOutputIsSanitisedMarkdown() throws IOException {
        List<Path> templates = templates();
        assertThat(templates).isNotEmpty();
        int unescaped = 0;
        for (Path template : templates) {
            String html = Files.readString(template);
            Matcher utext = UTEXT.matcher(html);
            while (utext.find()) {
                unescaped++;
                assertThat(utext.group(1)).as(template + ": " + utext.group()).matches("\\$\\{#markdown\\.html\\([^()]*\\)}");
            }
            assertThat(html).as(template.toString())
                    .doesNotContain("[(${", "th:inline=\"javascript\"", "data-th-utext", "th:attr=\"on");
        }
        assertThat(unescaped).isPositive();
    }

    @Test
    void noTemplateNeedsInlineScriptOrStyle() throws IOException {
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>");
        Pattern eventHandler = Pattern.compile("\\s(th:)?on[a-z]+=", Pattern.CASE_INSENSITIVE);
        for (Path template : templates()) {
            String html = Files.readString(template);
            assertThat(inlineScript.matcher(html).find()).as(template + " has an inline script").isFalse();
            assertThat(eventHandler.matcher(html).find()).as(template + " has an event handler").isFalse();
            assertThat(html).as(template.toString()).doesNotContain("style=\"", "<style");
        }
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(file -> file.toString().endsWith(".html")).toList();
        }
    }
}
