package io.gatehouse.admin.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.gatehouse.admin.AdminFixtures;
import io.gatehouse.admin.AdminSessions;
import io.gatehouse.admin.AdminTest;
import io.gatehouse.admin.demo.DemoContent;
import io.gatehouse.core.analytics.AnalyticsRollups;
import io.gatehouse.core.application.Application;
import io.gatehouse.testsupport.WebSession;

/**
 * The import wizard over HTTP: preview, confirm, publish, re-import with its diff and the applications it would
 * break, and who may do what.
 */
@AdminTest
class ApiImportIT {

    private static final Pattern DRAFT = Pattern.compile("name=\"draftId\" value=\"([^\"]+)\"");
    private static final Pattern API_ID = Pattern.compile("/apis/(\\d+)");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AdminFixtures fixtures;
    @Autowired
    AnalyticsRollups rollups;

    @Test
    void pastedDocumentIsPreviewedThenImportedAsADraftIgnoringExtraFieldsThenPublished() {
        WebSession admin = logIn(DemoContent.ADMIN_USERNAME, DemoContent.ADMIN_PASSWORD);
        String title = "Inventory " + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> preview = preview(admin, ImportDocuments.inventory(title, "1.4.0"), false);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains(title, "1.4.0", "https://inventory.example.com/v1", "key: apiKey",
                "X-Inventory-Key", "<td>items</td><td>2</td>", "<td>stock</td><td>1</td>");
        assertThat(preview.body()).containsPattern("id=\"preview-operation-count\">3<");

        String contextPath = "/inventory-" + UUID.randomUUID().toString().substring(0, 6) + "/v1";
        Map<String, String> confirm = new HashMap<>(Map.of("_csrf", admin.csrfToken("/apis/import"),
                "draftId", draftId(preview), "contextPath", contextPath, "mockMode", "true", "upstreams", "",
                "ownerId", ""));
        confirm.put("lifecycle", "PUBLISHED");
        confirm.put("id", "1");
        HttpResponse<String> created = admin.postForm("/apis/import/confirm", confirm);
        assertThat(created.statusCode()).isEqualTo(302);
        long apiId = apiId(created.headers().firstValue("Location").orElseThrow());

        assertThat(jdbc.queryForMap("select name, lifecycle, context_path, mock_mode from api where id = ?", apiId))
                .containsEntry("name", title).containsEntry("lifecycle", "DRAFT")
                .containsEntry("context_path", contextPath).containsEntry("mock_mode", true);
        assertThat(jdbc.queryForObject("select count(*) from api_operation o join api a on a.current_version_id ="
                + " o.api_version_id where a.id = ?", Integer.class, apiId)).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from import_draft where id = ?", Integer.class,
                draftId(preview))).isZero();

        admin.postForm("/apis/" + apiId + "/lifecycle", Map.of("_csrf", admin.csrfToken("/apis/" + apiId),
                "target", "PUBLISHED"));
        assertThat(admin.get("/apis/" + apiId).body()).contains("id=\"api-lifecycle\"", ">PUBLISHED<");
        admin.postForm("/apis/" + apiId + "/lifecycle", Map.of("_csrf", admin.csrfToken("/apis/" + apiId),
                "target", "DEPRECATED", "sunset", "2031-03-01"));
        assertThat(jdbc.queryForMap("select lifecycle, sunset_at from api where id = ?", apiId))
                .containsEntry("lifecycle", "DEPRECATED");
        assertThat(admin.get("/apis/" + apiId).body()).contains("2031-03-01");
    }

    @Test
    void anUploadedLatin1FileKeepsItsCharacters() throws Exception {
        WebSession admin = logIn(DemoContent.ADMIN_USERNAME, DemoContent.ADMIN_PASSWORD);
        byte[] latin1 = Files.readAllBytes(corpus("sp-issue-1119-latin1.yaml"));
        HttpResponse<String> preview = admin.postMultipart("/apis/import/preview",
                Map.of("_csrf", admin.csrfToken("/apis/import"), "source", "file"), "file", "latin1.yaml", latin1);
        assertThat(preview.body()).contains("id=\"preview-title\"").doesNotContain("import-problems");
        assertThat(preview.body()).doesNotContain("\uFFFD");
    }

    @Test
    void aDocumentIsFetchedFromAnAllowListedUrlAndInternalAddressesAreRefused() throws Exception {
        WebSession admin = logIn(DemoContent.ADMIN_USERNAME, DemoContent.ADMIN_PASSWORD);
        String title = "Fetched " + UUID.randomUUID().toString().substring(0, 6);
        try (DocumentServer server = new DocumentServer(ImportDocuments.inventory(title, "4.0.0"))) {
            HttpResponse<String> preview = admin.postMultipart("/apis/import/preview", Map.of("_csrf",
                    admin.csrfToken("/apis/import"), "source", "url", "url", server.url()), "file", "", new byte[0]);
            assertThat(preview.body()).contains(title, "from URL " + server.url());
        }
        HttpResponse<String> metadata = admin.postMultipart("/apis/import/preview", Map.of("_csrf",
                admin.csrfToken("/apis/import"), "source", "url", "url", "http://169.254.169.254/latest/meta-data/"),
                "file", "", new byte[0]);
        assertThat(metadata.body()).contains("id=\"import-problems\"").doesNotContain("id=\"preview\"");
        HttpResponse<String> scheme = admin.postMultipart("/apis/import/preview", Map.of("_csrf",
                admin.csrfToken("/apis/import"), "source", "url", "url", "file:///etc/passwd"), "file", "", new byte[0]);
        assertThat(scheme.body()).contains("id=\"import-problems\"").doesNotContain("root:");
    }

    @Test
    void anInvalidDocumentIsRefusedWithItsReasonsAndNothingIsStored() {
        WebSession admin = logIn(DemoContent.ADMIN_USERNAME, DemoContent.ADMIN_PASSWORD);
        int drafts = jdbc.queryForObject("select count(*) from import_draft", Integer.class);
        HttpResponse<String> refused = preview(admin, "hello: world", false);
        assertThat(refused.body()).contains("id=\"import-problems\"", "This document cannot be imported");
        assertThat(jdbc.queryForObject("select count(*) from import_draft", Integer.class)).isEqualTo(drafts);
    }

    @Test
    void theHtmxPreviewAnswersWithTheStepFragmentOnly() {
        WebSession admin = logIn(DemoContent.ADMIN_USERNAME, DemoContent.ADMIN_PASSWORD);
        HttpResponse<String> fragment = preview(admin, ImportDocuments.inventory("Fragment API", "1.0.0"), true);
        assertThat(fragment.body()).startsWith("<div id=\"import-step\"").doesNotContain("<html", "<nav");
        assertThat(preview(admin, ImportDocuments.inventory("Fragment API", "1.0.0"), false).body()).contains("<html");
    }

    @Test
    void aContextPathInUseIsRefusedOnTheConfirmStep() {
        WebSession admin = logIn(DemoContent.ADMIN_USERNAME, DemoContent.ADMIN_PASSWORD);
        HttpResponse<String> preview = preview(admin, ImportDocuments.inventory("Clash", "1.0.0"), false);
        int apis = jdbc.queryForObject("select count(*) from api", Integer.class);
        HttpResponse<String> refused = admin.postForm("/apis/import/confirm", Map.of("_csrf",
                admin.csrfToken("/apis/import"), "draftId", draftId(preview), "contextPath", "/petstore/v1",
                "mockMode", "true"));
        assertThat(refused.body()).contains("id=\"placement-error\"", "already uses the context path /petstore/v1");
        assertThat(jdbc.queryForObject("select count(*) from api", Integer.class)).isEqualTo(apis);
    }

    @Test
    void reimportingShowsTheBreakingChangesAndKeepsPlans() {
        WebSession admin = logIn(DemoContent.ADMIN_USERNAME, DemoContent.ADMIN_PASSWORD);
        String title = "Versioned " + UUID.randomUUID().toString().substring(0, 6);
        long apiId = importApi(admin, ImportDocuments.inventory(title, "1.0.0"));
        jdbc.update("insert into plan (api_id, name, approval_mode, offered, created_at) values (?, 'Kept', 'MANUAL',"
                + " true, current_timestamp)", apiId);

        Application stockReader = fixtures.application();
        Application itemReader = fixtures.application();
        for (int i = 0; i < 3; i++) {
            call(apiId, stockReader, "GET /stock");
        }
        call(apiId, itemReader, "GET /items/{sku}");
        rollups.rollUpAll();

        HttpResponse<String> preview = admin.postMultipart("/apis/import/preview", Map.of("_csrf",
                admin.csrfToken("/apis/import?apiId=" + apiId), "source", "file", "apiId", String.valueOf(apiId)),
                "file", "v2.yaml", ImportDocuments.inventoryBroken(title).getBytes());
        assertThat(preview.body()).contains("id=\"breaking-warning\"", "removed, breaking", "GET /stock",
                "changed, breaking", "GET /items", "added", "POST /items");

        HttpResponse<String> imported = admin.postForm("/apis/" + apiId + "/versions",
                Map.of("_csrf", admin.csrfToken("/apis/" + apiId), "draftId", draftId(preview)));
        String diffPage = admin.get(imported.headers().firstValue("Location").orElseThrow()
                .replaceFirst("^https?://[^/]+", "")).body();
        assertThat(diffPage).contains("id=\"breaking-warning\"", "Removed operations", "GET /stock",
                "Added operations", "POST /items");
        assertThat(diffPage).as("the application that called the removed operation, with its calls")
                .containsPattern("<code>GET /stock</code></td><td>" + stockReader.getName()
                        + "</td>\\s*<td>[^<]+</td><td class=\"calls\">3</td>")
                .as("an application that called only an unchanged operation is not affected")
                .doesNotContain(itemReader.getName());
        assertThat(jdbc.queryForObject("select count(*) from api_version where api_id = ?", Integer.class, apiId))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from plan where api_id = ?", Integer.class, apiId))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select v.version_label from api a join api_version v on v.id ="
                + " a.current_version_id where a.id = ?", String.class, apiId)).isEqualTo("2.0.0");
    }

    @Test
    void productOwnersMayNotImportOrChangeLifecyclesAndSeeOnlyTheirOwnApis() {
        WebSession owner = logIn(DemoContent.OWNER_USERNAME, DemoContent.OWNER_PASSWORD);
        assertThat(owner.get("/apis/import").statusCode()).isEqualTo(403);
        long petstore = jdbc.queryForObject("select id from api where context_path = '/petstore/v1'", Long.class);
        long rates = jdbc.queryForObject("select id from api where context_path = '/rates/v1'", Long.class);
        assertThat(owner.get("/apis/" + petstore).statusCode()).isEqualTo(200);
        assertThat(owner.get("/apis/" + rates).statusCode()).isEqualTo(404);
        HttpResponse<String> forbidden = owner.postForm("/apis/" + petstore + "/lifecycle",
                Map.of("_csrf", owner.csrfToken("/apis/" + petstore), "target", "RETIRED"));
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select lifecycle from api where id = ?", String.class, petstore))
                .isEqualTo("PUBLISHED");
    }

    private void call(long apiId, Application application, String operation) {
        jdbc.update("insert into analytics_event (occurred_at, request_id, api_id, operation, application_id,"
                + " consumer_id, method, path, status, gateway_latency_us, bytes_in, bytes_out)"
                + " values (?, ?, ?, ?, ?, ?, 'GET', '/x', 200, 900, 0, 10)", Timestamp.from(Instant.now()),
                UUID.randomUUID().toString(), apiId, operation, application.getId(),
                application.getConsumer().getId());
    }

    private long importApi(WebSession admin, String document) {
        HttpResponse<String> preview = preview(admin, document, false);
        HttpResponse<String> created = admin.postForm("/apis/import/confirm", Map.of("_csrf",
                admin.csrfToken("/apis/import"), "draftId", draftId(preview), "contextPath",
                "/t-" + UUID.randomUUID().toString().substring(0, 8), "mockMode", "true"));
        return apiId(created.headers().firstValue("Location").orElseThrow());
    }

    private HttpResponse<String> preview(WebSession admin, String document, boolean htmx) {
        Map<String, String> fields = Map.of("_csrf", admin.csrfToken("/apis/import"), "source", "paste", "text",
                document);
        return htmx ? admin.postMultipart("/apis/import/preview", fields, "file", "", new byte[0], "HX-Request", "true")
                : admin.postMultipart("/apis/import/preview", fields, "file", "", new byte[0]);
    }

    private WebSession logIn(String username, String password) {
        return AdminSessions.logIn(port, username, password);
    }

    private static String draftId(HttpResponse<String> preview) {
        Matcher matcher = DRAFT.matcher(preview.body());
        assertThat(matcher.find()).as(preview.body()).isTrue();
        return matcher.group(1);
    }

    private static long apiId(String location) {
        Matcher matcher = API_ID.matcher(location);
        assertThat(matcher.find()).as(location).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    static Path corpus(String name) {
        Path dir = Path.of("..", "..", "shared", "openapi-corpus").toAbsolutePath().normalize();
        assertThat(dir).as("the shared OpenAPI corpus").isDirectory();
        return dir.resolve(name);
    }
}
