package io.gatehouse.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.gatehouse.core.catalog.Api;
import io.gatehouse.core.catalog.ApiVersionRepository;
import io.gatehouse.core.catalog.CatalogService;
import io.gatehouse.core.plan.ApprovalMode;
import io.gatehouse.core.plan.PlanService;
import io.gatehouse.core.plan.PlanTerms;
import io.gatehouse.core.plan.Quota;
import io.gatehouse.core.plan.RateLimit;
import io.gatehouse.portal.PortalTest;
import io.gatehouse.testsupport.WebSession;

/** The catalog pages over HTTP, as a visitor who is not logged in: list, search, API, operation, document, 404s. */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogIT {

    @LocalServerPort
    int port;
    @Autowired
    CatalogService catalogService;
    @Autowired
    PlanService planService;
    @Autowired
    ApiVersionRepository versions;

    CatalogFixture fixture;
    WebSession session;
    Api zebra;
    Api quokka;
    Api retiringQuokka;
    Api draft;
    Api redoc;
    Api webhooks;
    Api recursive;

    @BeforeAll
    void catalog() {
        fixture = new CatalogFixture(catalogService, planService);
        zebra = fixture.publish(CatalogFixture.document("Zebra Crossings", "Find **safe** crossings.", "crossings",
                "/crossings/{crossingId}/stripes", "Count the stripes of a crossing"));
        quokka = fixture.publish(CatalogFixture.document("Quokka Sightings", "Report quokkas.", "marsupials",
                "/sightings", "Report a smiling quokka"));
        retiringQuokka = fixture.deprecate(fixture.publish(CatalogFixture.document("Quokka Archive",
                "Old quokka reports.", "marsupials", "/archive", "Read archived reports")),
                Instant.parse("2031-02-03T00:00:00Z"));
        draft = fixture.draft(CatalogFixture.document("Secret Wombat Draft", "Not yet.", "marsupials", "/wombats",
                "List wombats"));
        redoc = fixture.publishCorpus("redoc-demo-openapi-3.0.yaml");
        fixture.plan(redoc, new PlanTerms("Free", "For trying it out.", new RateLimit(5, RateLimit.Period.SECOND, 10),
                new Quota(1000, Quota.Period.DAY), ApprovalMode.AUTOMATIC, true));
        fixture.plan(redoc, new PlanTerms("Hidden", "Not on offer.", null, null, ApprovalMode.MANUAL, false));
        webhooks = fixture.publishCorpus("oai-v3.1-webhook-example.yaml");
        recursive = fixture.publishCorpus("sp-issue-1751-mutual-recursion.yaml");
    }

    @BeforeEach
    void visitor() {
        session = new WebSession("http://localhost:" + port);
    }

    @Test
    void theListShowsPublishedApisWithVersionTagsAndGatewayPathAndMarksDeprecatedOnes() {
        HttpResponse<String> list = session.get("/apis");
        assertThat(list.statusCode()).isEqualTo(200);
        String zebraRow = row(list.body(), zebra);
        assertThat(zebraRow).contains("Zebra Crossings", "Find safe crossings.", "2.1.0", ">crossings</a>",
                zebra.getContextPath(), "href=\"/apis/" + zebra.getId() + "\"")
                .doesNotContain("Deprecated");
        assertThat(row(list.body(), retiringQuokka)).contains("Quokka Archive", "Deprecated", "until 2031-02-03");
        // Without JavaScript the search is a plain GET form; htmx adds the live updates to the same URL.
        assertThat(section(list.body(), "api-search")).contains("method=\"get\"", "action=\"/apis\"",
                "hx-get=\"/apis\"", "hx-target=\"#api-rows\"", "name=\"q\"", "<option value=\"marsupials\"");
    }

    @Test
    void searchMatchesOperationSummariesPathsAndNamesAndAllWordsMustMatch() {
        assertThat(rowIds("/apis?q=" + encode("smiling"))).containsExactly(quokka.getId());
        assertThat(rowIds("/apis?q=" + encode("STRIPES"))).containsExactly(zebra.getId());
        assertThat(rowIds("/apis?q=" + encode("/crossings/{crossingId}"))).containsExactly(zebra.getId());
        assertThat(rowIds("/apis?q=" + encode("quokka"))).containsExactlyInAnyOrder(quokka.getId(),
                retiringQuokka.getId());
        assertThat(rowIds("/apis?q=" + encode("quokka archived"))).containsExactly(retiringQuokka.getId());
        // LIKE wildcards in a query are literal characters.
        assertThat(rowIds("/apis?q=" + encode("%"))).isEmpty();
        assertThat(rowIds("/apis?q=" + encode("_"))).doesNotContain(zebra.getId(), quokka.getId());
    }

    @Test
    void theTagFilterNarrowsTheListAndCombinesWithTheSearch() {
        assertThat(rowIds("/apis?tag=marsupials")).contains(quokka.getId(), retiringQuokka.getId())
                .doesNotContain(zebra.getId(), redoc.getId());
        assertThat(rowIds("/apis?tag=MARSUPIALS&q=smiling")).containsExactly(quokka.getId());
        assertThat(rowIds("/apis?tag=crossings&q=smiling")).isEmpty();
    }

    @Test
    void anHtmxRequestGetsOnlyTheRowsAndThePageAndFragmentAgree() {
        HttpResponse<String> page = session.get("/apis?q=quokka&tag=marsupials");
        HttpResponse<String> fragment = session.get("/apis?q=quokka&tag=marsupials", "HX-Request", "true");
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.headers().allValues("Vary")).anySatisfy(vary -> assertThat(vary).contains("HX-Request"));
        String body = fragment.body().strip();
        assertThat(body).startsWith("<div id=\"api-rows\"").endsWith("</div>")
                .doesNotContain("<html", "<head", "<nav", "api-search", "<footer");
        assertThat(rowIds(body)).containsExactlyInAnyOrder(quokka.getId(), retiringQuokka.getId());
        assertThat(page.body()).contains("<html", "api-search", body);

        HttpResponse<String> restore = session.get("/apis?q=quokka", "HX-Request", "true",
                "HX-History-Restore-Request", "true");
        assertThat(restore.body()).contains("<html", "api-search");
    }

    @Test
    void emptyResultsSayWhatDidNotMatchInBothRenderings() {
        String nothing = "/apis?q=" + encode("<b>nonexistent</b>");
        assertThat(session.get(nothing).body()).contains("No APIs match “&lt;b&gt;nonexistent&lt;/b&gt;”.")
                .doesNotContain("<b>nonexistent");
        assertThat(session.get(nothing, "HX-Request", "true").body())
                .contains("No APIs match “&lt;b&gt;nonexistent&lt;/b&gt;”.", "id=\"show-all\"");
        assertThat(session.get("/apis?q=quokka&tag=crossings").body())
                .contains("No APIs match “quokka” with the tag “crossings”.");
        assertThat(session.get("/apis?tag=no-such-tag").body()).contains("No APIs have the tag “no-such-tag”.");
    }

    @Test
    void theHomePageLinksToTheCatalogAndEachApi() {
        String home = session.get("/").body();
        assertThat(home).contains("id=\"catalog-link\"", "href=\"/apis\"", "id=\"api-list\"",
                "href=\"/apis/" + zebra.getId() + "\"").doesNotContain("Secret Wombat Draft");
    }

    @Test
    void theApiPageShowsTheRedocDemoWithItsOperationsSecurityServersPlansAndVersions() {
        HttpResponse<String> response = session.get("/apis/" + redoc.getId());
        assertThat(response.statusCode()).isEqualTo(200);
        String page = response.body();
        assertThat(page).contains("<h1 id=\"api-title\">Swagger Petstore</h1>", "id=\"api-version\">1.0.0<",
                "OpenAPI 3.0.0", redoc.getContextPath());
        // The description is Markdown: its "# Introduction" heading becomes an h3, its links are kept and hardened.
        assertThat(section(page, "api-description")).contains("<h3>Introduction</h3>",
                "href=\"http://swagger.io\" rel=\"nofollow noopener noreferrer\"");
        String operations = section(page, "operations");
        assertThat(operations).contains("<h3>pet</h3>", "<h3>store</h3>", "<h3>user</h3>",
                "href=\"/apis/" + redoc.getId() + "/operations/getPetById\"", "/pet/{petId}", "Find pet by ID");
        Matcher findByTags = Pattern.compile("operations/findPetsByTags\">.*?</li>", Pattern.DOTALL).matcher(operations);
        assertThat(findByTags.find()).isTrue();
        assertThat(findByTags.group()).contains("/pet/findByTags", "Deprecated");
        assertThat(section(page, "security")).contains("petstore_auth", "OAuth 2.0", "implicit: write:pets, read:pets",
                "api_key", "API key in the header parameter api_key", "<code>special-key</code>");
        assertThat(section(page, "servers")).contains("//petstore.swagger.io/v2", "Default server",
                "//petstore.swagger.io/sandbox", "Sandbox server");
        String plans = section(page, "plans");
        assertThat(plans).contains("Free", "5 requests per second, bursts of up to 10", "1,000 requests per day",
                "Automatic").doesNotContain("Hidden");
        assertThat(section(page, "versions")).contains("1.0.0", "(current)",
                "/apis/" + redoc.getId() + "/document?version=");
        assertThat(page).contains("id=\"download-link\"", "href=\"/apis/" + redoc.getId() + "/document\"");
        assertThat(page).doesNotContain("id=\"deprecation\"");
    }

    @Test
    void aDeprecatedApiSaysSoWithItsSunsetDate() {
        String page = session.get("/apis/" + retiringQuokka.getId()).body();
        assertThat(section(page, "deprecation")).contains("This API is deprecated", "2031-02-03");
    }

    @Test
    void anOperationPageShowsParametersSecurityBodiesResponsesAndExamples() {
        HttpResponse<String> response = session.get("/apis/" + redoc.getId() + "/operations/getPetById");
        assertThat(response.statusCode()).isEqualTo(200);
        String page = response.body();
        assertThat(page).contains("id=\"operation-path\">/pet/{petId}<", "Find pet by ID",
                "<code id=\"operation-id\">getPetById</code>");
        assertThat(section(page, "parameters")).contains("<code>petId</code>", "required", "path",
                "integer (int64)", "ID of pet to return");
        assertThat(section(page, "security-requirements")).contains("api_key");
        String responses = section(page, "responses");
        // The Pet schema, expanded: properties with their types and required markers, a nested Category.
        assertThat(responses).contains("<code class=\"schema-name\">name</code>", "schema-required",
                "<code class=\"schema-name\">category</code>", "Category", "<code class=\"enum-value\">available</code>",
                "application/json", "application/xml", "400", "Invalid ID supplied");

        String deprecated = session.get("/apis/" + redoc.getId() + "/operations/findPetsByTags").body();
        assertThat(deprecated).contains("id=\"operation-deprecated\"");

        String withBody = session.get("/apis/" + redoc.getId() + "/operations/addPet").body();
        assertThat(section(withBody, "request-body")).contains("application/json", "schema-name");
        assertThat(section(withBody, "security-requirements")).contains("petstore_auth (write:pets, read:pets)");
    }

    @Test
    void webhooksOfA31DocumentAreListedAndHaveTheirOwnPage() {
        String page = session.get("/apis/" + webhooks.getId()).body();
        String section = section(page, "webhooks");
        assertThat(section).contains("newPet", "POST", "/apis/" + webhooks.getId() + "/webhooks/post-0");
        String webhook = session.get("/apis/" + webhooks.getId() + "/webhooks/post-0").body();
        assertThat(webhook).contains("id=\"webhook-note\"", "Information about a new pet in the system");
        assertThat(section(webhook, "request-body")).contains("<code class=\"schema-name\">id</code>",
                "integer (int64)", "schema-required", "<code class=\"schema-name\">tag</code>");
        assertThat(session.get("/apis/" + webhooks.getId() + "/operations/post-0").statusCode()).isEqualTo(404);
    }

    @Test
    void aMutuallyRecursiveSchemaIsShownOnceAroundTheLoopAndLinksBack() {
        HttpResponse<String> response = session.get("/apis/" + recursive.getId() + "/operations/get-0");
        assertThat(response.statusCode()).isEqualTo(200);
        String responses = section(response.body(), "responses");
        assertThat(responses).contains("<code class=\"schema-name\">b</code>", "<code class=\"schema-name\">a</code>",
                "<span class=\"schema-type\">SchemaB</span>", "(recursive)",
                "href=\"/apis/" + recursive.getId() + "/schemas/SchemaA\"");
        assertThat(session.get("/apis/" + recursive.getId() + "/schemas/SchemaA").body())
                .contains("<code class=\"schema-name\">b</code>", "(recursive)");
    }

    @Test
    void theDocumentDownloadsByteForByteAsAnAttachment() {
        HttpResponse<String> download = session.get("/apis/" + redoc.getId() + "/document");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"swagger-petstore-1.0.0.yaml\"");
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/yaml");
        assertThat(download.body().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(CatalogFixture.corpusBytes("redoc-demo-openapi-3.0.yaml"));
    }

    @Test
    void aDraftApiIsNotVisibleAnywhere() {
        assertThat(session.get("/apis").body()).doesNotContain("Secret Wombat Draft");
        assertThat(session.get("/apis?q=wombat").body()).doesNotContain("Secret Wombat Draft");
        for (String path : new String[] {"", "/document", "/operations/get-0", "/schemas/Anything"}) {
            assertThat(session.get("/apis/" + draft.getId() + path).statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void anythingThatIsNotAListedApiIsAFriendly404() {
        long otherVersion = versions.findByApiIdOrderByImportedAtDesc(zebra.getId()).get(0).getId();
        for (String path : new String[] {"/apis/999999999", "/apis/0", "/apis/abc", "/apis/99999999999999999999",
                "/apis/-1", "/apis/" + redoc.getId() + "/operations/noSuchOperation",
                "/apis/" + redoc.getId() + "/webhooks/post-0", "/apis/" + redoc.getId() + "/schemas/NoSuchSchema",
                "/apis/" + redoc.getId() + "/document?version=" + otherVersion, "/apis/999999999/document"}) {
            HttpResponse<String> page = session.get(path, "Accept", "text/html");
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).contains("id=\"not-found\"").doesNotContain("Exception");
            HttpResponse<String> json = session.get(path);
            assertThat(json.statusCode()).as(path).isEqualTo(404);
            assertThat(json.body()).as(path).doesNotContain("Exception", "trace");
        }
    }

    private java.util.List<Long> rowIds(String pathOrHtml) {
        String html = pathOrHtml.startsWith("/") ? session.get(pathOrHtml).body() : pathOrHtml;
        Matcher ids = Pattern.compile("<tr class=\"api-row\" id=\"api-(\\d+)\"").matcher(html);
        java.util.List<Long> result = new java.util.ArrayList<>();
        while (ids.find()) {
            result.add(Long.parseLong(ids.group(1)));
        }
        return result;
    }

    private static String row(String html, Api api) {
        Matcher row = Pattern.compile("<tr class=\"api-row\" id=\"api-" + api.getId() + "\">.*?</tr>", Pattern.DOTALL)
                .matcher(html);
        assertThat(row.find()).as("row of " + api.getName()).isTrue();
        return row.group();
    }

    /** The element with this id, up to its matching end tag. */
    static String section(String html, String id) {
        int attribute = html.indexOf(" id=\"" + id + "\"");
        assertThat(attribute).as("element #" + id).isNotNegative();
        int start = html.lastIndexOf('<', attribute);
        String tag = html.substring(start + 1, attribute).split("\\s")[0];
        Matcher tags = Pattern.compile("<(/?)" + tag + "[\\s>]").matcher(html);
        int depth = 0;
        tags.region(start, html.length());
        while (tags.find()) {
            depth += tags.group(1).isEmpty() ? 1 : -1;
            if (depth == 0) {
                return html.substring(start, tags.end());
            }
        }
        throw new AssertionError("element #" + id + " is not closed");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
