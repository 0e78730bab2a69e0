package io.gatehouse.admin.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.gatehouse.admin.AdminFixtures;
import io.gatehouse.admin.AdminTest;
import io.gatehouse.admin.demo.DemoContent;
import io.gatehouse.core.account.AccessTokenService;
import io.gatehouse.core.apikey.ApiKeyFormat;
import io.gatehouse.core.audit.Actor;
import io.gatehouse.core.subscription.Subscription;
import io.gatehouse.importer.ImportedApi;
import io.gatehouse.importer.OpenApiImporter;

/** The admin REST API as a CI pipeline uses it: token authentication, import to publish, plans, decisions, keys. */
@AdminTest
class AdminApiIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    AccessTokenService tokens;
    @Autowired
    AdminFixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void withoutAValidTokenEverythingIs401AndTheTokenIsStoredOnlyAsAHash() throws Exception {
        assertThat(call("GET", "/apis", null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> bad = call("GET", "/apis", "gthp_AAAAAAAAAAAA_BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB000000", null);
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(bad.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"gatehouse-admin\"");

        String token = token(DemoContent.ADMIN_USERNAME);
        assertThat(call("GET", "/apis", token, null).statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForList("select * from access_token").toString()).doesNotContain(token.substring(18));

        long id = jdbc.queryForObject("select max(id) from access_token", Long.class);
        tokens.revoke(DemoContent.ADMIN_USERNAME, id, Actor.system("test"));
        assertThat(call("GET", "/apis", token, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aPipelineImportsPublishesDefinesAPlanAndShipsABreakingVersion() throws Exception {
        String token = token(DemoContent.ADMIN_USERNAME);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String document = "openapi: 3.0.3\ninfo: {title: 'Orders " + suffix + "', version: 1.0.0}\npaths:\n"
                + "  /orders: {get: {responses: {'200': {description: ok}}}}\n"
                + "  /orders/{id}: {delete: {parameters: [{name: id, in: path, required: true, schema: {type: string}}],"
                + " responses: {'204': {description: gone}}}}\n";
        HttpResponse<String> created = call("POST", "/apis", token, Map.of("document", document,
                "contextPath", "/orders-" + suffix, "mockMode", true, "owner", DemoContent.OWNER_USERNAME));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode api = JSON.readTree(created.body());
        long apiId = api.get("id").asLong();
        assertThat(api.get("lifecycle").asText()).isEqualTo("DRAFT");
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/api/admin/v1/apis/" + apiId);

        assertThat(JSON.readTree(call("POST", "/apis/" + apiId + "/lifecycle", token,
                Map.of("target", "PUBLISHED")).body()).get("lifecycle").asText()).isEqualTo("PUBLISHED");

        HttpResponse<String> invalidPlan = call("POST", "/apis/" + apiId + "/plans", token, Map.of("name", "Burst",
                "approvalMode", "MANUAL", "rateLimit", Map.of("requests", 10, "period", "SECOND", "burst", 2)));
        assertThat(invalidPlan.statusCode()).isEqualTo(400);
        assertThat(invalidPlan.body()).contains("The burst must be at least the rate limit");
        HttpResponse<String> plan = call("POST", "/apis/" + apiId + "/plans", token, Map.of("name", "Standard",
                "approvalMode", "AUTOMATIC", "offered", true, "quota", Map.of("limit", 1000, "period", "DAY")));
        assertThat(plan.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(plan.body()).at("/quota/limit").asLong()).isEqualTo(1000);

        HttpResponse<String> version = call("POST", "/apis/" + apiId + "/versions", token, Map.of("document",
                document.replace("1.0.0", "2.0.0").replaceAll("(?s)  /orders/\\{id}.*", "")));
        assertThat(version.statusCode()).as(version.body()).isEqualTo(201);
        JsonNode diff = JSON.readTree(version.body());
        assertThat(diff.get("breaking").asBoolean()).isTrue();
        assertThat(diff.at("/removed/0/path").asText()).isEqualTo("/orders/{id}");
        assertThat(call("GET", "/apis/" + apiId + "/plans", token, null).body()).contains("Standard");

        HttpResponse<String> refused = call("POST", "/apis", token, Map.of("document", "not: openapi",
                "contextPath", "/nope-" + suffix));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("problems");
    }

    @Test
    void subscriptionsAreListedApprovedAndRejectedAndKeysRevoked() throws Exception {
        String token = token(DemoContent.ADMIN_USERNAME);
        Subscription first = fixtures.pendingRequest(fixtures.manualPlan(null), "please");
        Subscription second = fixtures.pendingRequest(fixtures.manualPlan(null), null);
        assertThat(call("GET", "/subscriptions?status=PENDING", token, null).body())
                .contains("\"id\":" + first.getId(), "\"justification\":\"please\"");

        assertThat(JSON.readTree(call("POST", "/subscriptions/" + first.getId() + "/approve", token, null).body())
                .get("status").asText()).isEqualTo("APPROVED");
        assertThat(call("POST", "/subscriptions/" + first.getId() + "/approve", token, null).statusCode())
                .isEqualTo(409);
        assertThat(call("POST", "/subscriptions/" + second.getId() + "/reject", token, Map.of("reason", " "))
                .statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(call("POST", "/subscriptions/" + second.getId() + "/reject", token,
                Map.of("reason", "Not for resale")).body()).get("decisionReason").asText()).isEqualTo("Not for resale");

        String keyId = ApiKeyFormat.parse(DemoContent.DEMO_KEY).keyId();
        assertThat(call("POST", "/keys/" + keyId + "/revoke", token, null).statusCode()).isEqualTo(204);
        assertThat(jdbc.queryForObject("select status from api_key where key_id = ?", String.class, keyId))
                .isEqualTo("REVOKED");
        assertThat(jdbc.queryForObject("select actor_type from audit_entry where action = 'apikey.revoked'"
                + " and object_id = ?", String.class, keyId)).isEqualTo("API_TOKEN");
    }

    @Test
    void aProductOwnersTokenReadsAndDecidesForItsOwnApisOnly() throws Exception {
        String token = token(DemoContent.OWNER_USERNAME);
        Subscription theirs = fixtures.pendingRequest(fixtures.manualPlan(DemoContent.OWNER_USERNAME), null);
        Subscription others = fixtures.pendingRequest(fixtures.manualPlan(DemoContent.ADMIN_USERNAME), null);
        assertThat(call("GET", "/subscriptions", token, null).body()).contains("\"id\":" + theirs.getId())
                .doesNotContain("\"id\":" + others.getId() + ",");
        assertThat(call("POST", "/subscriptions/" + others.getId() + "/approve", token, null).statusCode())
                .isEqualTo(404);
        assertThat(call("POST", "/subscriptions/" + theirs.getId() + "/approve", token, null).statusCode())
                .isEqualTo(200);
        assertThat(call("POST", "/apis", token, Map.of("document", "x", "contextPath", "/x")).statusCode())
                .isEqualTo(403);
    }

    /** Fails when an endpoint is added without being described in openapi.yaml, or described without existing. */
    @Test
    void theOpenApiDocumentDescribesExactlyTheEndpoints() throws Exception {
        HttpResponse<String> document = call("GET", "/openapi.yaml", null, null);
        assertThat(document.statusCode()).isEqualTo(200);
        ImportedApi described = new OpenApiImporter().read(document.body());
        Set<String> documented = new HashSet<>();
        described.operations().forEach(op -> documented.add(op.method() + " " + op.path()));
        documented.add("GET /openapi.yaml");

        Set<String> implemented = new HashSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType() == AdminApiController.class) {
                for (String pattern : info.getPatternValues()) {
                    for (var verb : info.getMethodsCondition().getMethods()) {
                        implemented.add(verb.name().toUpperCase(Locale.ROOT) + " "
                                + pattern.substring("/api/admin/v1".length()).replaceAll("\\{[^}/]*}", "{}"));
                    }
                }
            }
        });
        Set<String> normalized = new HashSet<>();
        documented.forEach(entry -> normalized.add(entry.replaceAll("\\{[^}/]*}", "{}")));
        assertThat(normalized).isEqualTo(implemented);
    }

    private String token(String username) {
        return tokens.issue(username, "test " + UUID.randomUUID(), null, Actor.system("test")).plaintext();
    }

    private HttpResponse<String> call(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/admin/v1"
                + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        request.header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
