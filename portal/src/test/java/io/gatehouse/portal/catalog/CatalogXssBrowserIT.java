package io.gatehouse.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.gatehouse.core.catalog.Api;
import io.gatehouse.core.catalog.CatalogService;
import io.gatehouse.core.plan.PlanService;
import io.gatehouse.portal.PortalTest;
import io.gatehouse.testsupport.Browser;
import io.gatehouse.testsupport.Browsers;

/**
 * A document written by an attacker, with script in every field the portal shows, must never run script in a
 * consumer's browser: not on the list (full page or htmx fragment), the API page, the operation page or the schema
 * page. Legitimate https and mailto links in its Markdown survive; every other link is gone.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogXssBrowserIT {

    static final String TITLE = "Evil <script>window.__xss=1</script> API";

    static final String DOCUMENT = """
            openapi: 3.0.3
            info:
              title: "Evil <script>window.__xss=1</script> API"
              version: "1.0 <img src=x onerror=\\"window.__xss=1\\">"
              description: |
                Hello <script>window.__xss=1</script> and <img src=x onerror="window.__xss=1">.

                [click me](javascript:window.__xss=1), [data](data:text/html,<script>window.__xss=1</script>),
                [vb](vbscript:msgbox(1)), [mixed](JaVaScRiPt:window.__xss=1), <javascript:window.__xss=1>

                <a href="data:text/html,<script>window.__xss=1</script>">raw anchor</a>

                "><svg onload=window.__xss=1>

                ![pixel](https://evil.example/pixel.png) <iframe src="javascript:window.__xss=1"></iframe>

                Legit: [the docs](https://example.com/docs) and [write to us](mailto:api@example.com).
            servers:
              - url: https://api.example.com/{stage}
                description: "Server <script>window.__xss=1</script> [x](javascript:window.__xss=1)"
                variables:
                  stage:
                    default: prod
                    enum: [prod, "<svg onload=window.__xss=1>"]
                    description: "<img src=x onerror=\\"window.__xss=1\\">"
            security:
              - key: []
            tags:
              - name: "<img src=x onerror=\\"window.__xss=1\\">"
                description: "Tag <script>window.__xss=1</script> [t](javascript:window.__xss=1)"
            paths:
              /evil/{id}:
                get:
                  operationId: evilOperation
                  tags: ["<img src=x onerror=\\"window.__xss=1\\">"]
                  summary: "Summary <script>window.__xss=1</script>"
                  description: |
                    Operation <img src=x onerror="window.__xss=1"> [op](javascript:window.__xss=1) "><svg onload=window.__xss=1>
                  parameters:
                    - name: id
                      in: path
                      required: true
                      description: "Parameter <script>window.__xss=1</script> [p](JaVaScRiPt:window.__xss=1)"
                      example: "<script>window.__xss=1</script>"
                      schema:
                        type: string
                        enum: ["<svg onload=window.__xss=1>"]
                  responses:
                    '200':
                      description: "Response <img src=x onerror=\\"window.__xss=1\\">"
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Evil'
                          examples:
                            "<svg onload=window.__xss=1>":
                              summary: "<script>window.__xss=1</script>"
                              value:
                                html: "<script>window.__xss=1</script>"
            components:
              securitySchemes:
                key:
                  type: apiKey
                  in: header
                  name: "X-Key<script>window.__xss=1</script>"
                  description: "<img src=x onerror=\\"window.__xss=1\\">"
              schemas:
                Evil:
                  type: object
                  properties:
                    "<img src=x onerror=window.__xss=1>":
                      type: string
                      description: "<script>window.__xss=1</script> [s](javascript:window.__xss=1)"
                      example: "<svg onload=window.__xss=1>"
            """;

    @RegisterExtension
    static final Browser chromium = new Browser();

    @LocalServerPort
    int port;
    @Autowired
    CatalogService catalogService;
    @Autowired
    PlanService planService;

    WebDriver browser;
    Api evil;

    @BeforeAll
    void catalog() {
        evil = new CatalogFixture(catalogService, planService).publish(DOCUMENT);
    }

    @BeforeEach
    void freshBrowser() {
        browser = chromium.driver();
        Browsers.severeConsoleMessages(browser); // read and forget what earlier tests left in the console
    }

    @Test
    void theListInBothRenderingsRunsNothing() {
        open("/apis");
        assertThat(browser.findElement(By.id("api-" + evil.getId())).getText()).contains(TITLE);
        assertNothingRan();

        // The htmx fragment, with a hostile query echoed into the empty state.
        browser.findElement(By.id("q")).sendKeys("<svg onload=window.__xss=1> nothing");
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("no-match")));
        assertThat(browser.findElement(By.id("no-match")).getText()).contains("<svg onload=window.__xss=1> nothing");
        assertNothingRan();
    }

    @Test
    void theApiPageRunsNothingAndKeepsOnlySafeLinks() {
        open("/apis/" + evil.getId());
        assertThat(browser.findElement(By.id("api-title")).getText()).isEqualTo(TITLE);
        assertThat(browser.findElement(By.id("api-description")).getText())
                .contains("<script>window.__xss=1</script>", "pixel");
        assertNothingRan();
        assertThat(markdownLinks()).containsExactlyInAnyOrder("https://example.com/docs", "mailto:api@example.com");
        assertThat(browser.findElement(By.cssSelector("a[href='https://example.com/docs']")).getAttribute("rel"))
                .isEqualTo("nofollow noopener noreferrer");
    }

    @Test
    void theOperationAndSchemaPagesRunNothing() {
        open("/apis/" + evil.getId() + "/operations/evilOperation");
        assertThat(browser.findElement(By.id("operation-summary")).getText())
                .isEqualTo("Summary <script>window.__xss=1</script>");
        assertThat(browser.findElement(By.id("parameter-table")).getText())
                .contains("Parameter <script>window.__xss=1</script>", "<svg onload=window.__xss=1>");
        assertThat(browser.findElement(By.id("responses")).getText())
                .contains("<img src=x onerror=window.__xss=1>", "\"<script>window.__xss=1</script>\"");
        assertNothingRan();
        assertThat(markdownLinks()).isEmpty();

        open("/apis/" + evil.getId() + "/schemas/Evil");
        assertThat(browser.findElement(By.id("main")).getText()).contains("<img src=x onerror=window.__xss=1>");
        assertNothingRan();
        assertThat(markdownLinks()).isEmpty();
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> "complete".equals(js().executeScript(
                "return document.readyState")));
    }

    /** No payload ran, none left an element or attribute that could run later, and the CSP refused nothing. */
    private void assertNothingRan() {
        assertThat(js().executeScript("return typeof window.__xss")).isEqualTo("undefined");
        // The only scripts are the portal's own files (webjars and /js/), served from its origin.
        assertThat(js().executeScript("return [...document.scripts].filter(s => !s.src"
                + " || new URL(s.src).origin !== location.origin"
                + " || !/^\\/(webjars|js)\\//.test(new URL(s.src).pathname)).length")).isEqualTo(0L);
        assertThat((List<?>) js().executeScript("return [...document.querySelectorAll('*')]"
                + ".flatMap(e => [...e.attributes].map(a => a.name)).filter(n => n.toLowerCase().startsWith('on'))"))
                .isEmpty();
        assertThat(js().executeScript("return document.querySelectorAll('img, svg, iframe, object, embed').length"))
                .isEqualTo(0L);
        assertThat((List<?>) js().executeScript("return [...document.querySelectorAll('[href], [src], [action]')]"
                + ".flatMap(e => ['href', 'src', 'action'].map(a => e.getAttribute(a)))"
                + ".filter(v => v && /^\\s*(javascript|data|vbscript):/i.test(v))")).isEmpty();
        assertThat(Browsers.severeConsoleMessages(browser)).isEmpty();
    }

    /** The href of every link rendered from the document's Markdown. */
    @SuppressWarnings("unchecked")
    private List<String> markdownLinks() {
        return (List<String>) js().executeScript(
                "return [...document.querySelectorAll('.markdown a')].map(a => a.getAttribute('href'))");
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) browser;
    }
}
