package io.gatehouse.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.gatehouse.core.catalog.MockResponse;
import io.gatehouse.gateway.analytics.AnalyticsPipeline;

/**
 * The gateway process on real ports over an H2 database migrated like production: every refusal with its exact
 * status, problem type and headers, mock answers, and changes reaching traffic through the config revision.
 */
class GatewayIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static ConfigurableApplicationContext gateway;
    static GatewayFixture fixture;
    static String base;
    static String management;
    static long applicationId;
    static long apiId;
    static String key;

    @BeforeAll
    static void start() {
        String url = "jdbc:h2:mem:gateway-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").load().migrate();
        gateway = new SpringApplicationBuilder(GatewayApplication.class).web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=sa",
                        "--spring.datasource.password=", "--gatehouse.keys.pepper=" + GatewayFixture.PEPPER,
                        "--gatehouse.gateway.port=0", "--gatehouse.gateway.management-port=0",
                        "--gatehouse.gateway.host=127.0.0.1", "--gatehouse.gateway.api-key-query-parameter=apikey",
                        "--gatehouse.gateway.upstream-timeout=700ms");
        fixture = new GatewayFixture(new JdbcTemplate(gateway.getBean(DataSource.class)));
        GatewayServer server = gateway.getBean(GatewayServer.class);
        base = "http://127.0.0.1:" + server.port();
        management = "http://127.0.0.1:" + server.managementPort();

        long consumer = fixture.consumer("gw-" + UUID.randomUUID() + "@example.com", "ACTIVE");
        applicationId = fixture.application(consumer, "App");
        apiId = fixture.mockApi("/pets/v1", "PUBLISHED", null, List.of(
                new GatewayFixture.Op("GET", "/pets", List.of(
                        new MockResponse(200, "application/json", "default", "[{\"id\":1,\"name\":\"Rex\"}]"),
                        new MockResponse(200, "text/plain", "default", "Rex"),
                        new MockResponse(404, "application/json", "missing", "{\"error\":\"none\"}"))),
                new GatewayFixture.Op("GET", "/pets/{id}", List.of(
                        new MockResponse(200, "application/json", "one", "{\"id\":7}"),
                        new MockResponse(200, "application/json", "two", "{\"id\":8}"))),
                new GatewayFixture.Op("GET", "/pets/mine", List.of(
                        new MockResponse(200, "application/json", "default", "{\"mine\":true}"))),
                new GatewayFixture.Op("DELETE", "/pets/{id}", List.of(
                        new MockResponse(204, null, "default", null)))));
        fixture.subscription(applicationId, fixture.plan(apiId), apiId, "APPROVED");
        key = fixture.key(applicationId);
        fixture.publishChanges();
        awaitRevisionLoaded();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void aValidKeyWithAnApprovedSubscriptionGetsTheExampleResponse() throws Exception {
        HttpResponse<String> response = get("/pets/v1/pets", "X-API-Key", key);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("[{\"id\":1,\"name\":\"Rex\"}]");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValueSatisfying(id ->
                assertThat(id).matches("[0-9a-f]{32}"));
        assertThat(get("/pets/v1/pets", "X-API-Key", key).headers().firstValue("X-Request-Id"))
                .isNotEqualTo(response.headers().firstValue("X-Request-Id"));
    }

    @Test
    void noKeyIs401WithAProblemAndTheHeaderToUse() throws Exception {
        HttpResponse<String> response = get("/pets/v1/pets");
        assertProblem(response, 401, "api-key-missing");
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValue("ApiKey realm=\"gatehouse\", header=\"X-API-Key\"");
    }

    @Test
    void malformedUnknownAndRevokedKeysGetOneIdenticalBody() throws Exception {
        String tampered = key.substring(0, key.length() - 1) + (key.endsWith("a") ? "b" : "a");
        String unknown = fixture.key(applicationId);
        fixture.revoke(unknown);
        fixture.publishChanges();
        awaitRevisionLoaded();

        for (String bad : List.of(tampered, "gth_nonsense", unknown)) {
            HttpResponse<String> response = get("/pets/v1/pets", "X-API-Key", bad, "X-Request-Id", "same-id");
            assertProblem(response, 401, "api-key-invalid");
            assertThat(response.body()).isEqualTo("{\"type\":\"urn:gatehouse:problem:api-key-invalid\","
                    + "\"title\":\"API key invalid\",\"status\":401,\"detail\":\"The API key is not valid.\","
                    + "\"instance\":\"/pets/v1/pets\",\"requestId\":\"same-id\"}");
        }
    }

    @Test
    void aRevokedKeyStopsWorkingWithinOneSecondOfTheChange() throws Exception {
        String doomed = fixture.key(applicationId);
        fixture.publishChanges();
        awaitRevisionLoaded();
        assertThat(get("/pets/v1/pets", "X-API-Key", doomed).statusCode()).isEqualTo(200);

        fixture.revoke(doomed);
        fixture.publishChanges();
        long revokedAt = System.nanoTime();
        int status = 200;
        while (status == 200 && System.nanoTime() - revokedAt < Duration.ofSeconds(1).toNanos()) {
            status = get("/pets/v1/pets", "X-API-Key", doomed).statusCode();
        }
        assertThat(status).isEqualTo(401);
    }

    @Test
    void subscriptionStatesOtherThanApprovedAre403NamingTheState() throws Exception {
        long consumer = fixture.consumer("states-" + UUID.randomUUID() + "@example.com", "ACTIVE");
        String path = "/states/" + UUID.randomUUID().toString().substring(0, 8);
        long otherApi = fixture.mockApi(path, "PUBLISHED", null,
                List.of(new GatewayFixture.Op("GET", "/", List.of(new MockResponse(200, "text/plain", "d", "ok")))));
        for (String state : List.of("PENDING", "REJECTED", "SUSPENDED")) {
            long app = fixture.application(consumer, "App " + state);
            fixture.subscription(app, fixture.plan(otherApi), otherApi, state);
            String appKey = fixture.key(app);
            fixture.publishChanges();
            awaitRevisionLoaded();
            assertProblem(get(path, "X-API-Key", appKey), 403, "subscription-" + state.toLowerCase());
        }
        long unsubscribed = fixture.application(consumer, "No subscription");
        String lonelyKey = fixture.key(unsubscribed);
        fixture.publishChanges();
        awaitRevisionLoaded();
        assertProblem(get(path, "X-API-Key", lonelyKey), 403, "subscription-missing");
    }

    /**
     * Every refusal row of the status table, in front of a real upstream that counts its requests: the status, the
     * problem type and its headers are right, and the upstream is never reached.
     */
    @Test
    void everyRefusalIsAnsweredByTheGatewayWithoutReachingTheUpstream() throws Exception {
        try (EchoUpstream upstream = new EchoUpstream()) {
            String path = "/guarded/" + UUID.randomUUID().toString().substring(0, 8);
            long api = fixture.proxiedApi(path, List.of(upstream.url("")));
            long active = fixture.consumer("rows-" + UUID.randomUUID() + "@example.com", "ACTIVE");
            long suspended = fixture.consumer("rows-s-" + UUID.randomUUID() + "@example.com", "SUSPENDED");
            Map<String, String> keys = new LinkedHashMap<>();
            for (String state : List.of("APPROVED", "PENDING", "REJECTED", "SUSPENDED")) {
                long app = fixture.application(active, "Rows " + state);
                fixture.subscription(app, fixture.plan(api), api, state);
                keys.put(state, fixture.key(app));
            }
            keys.put("NONE", fixture.key(fixture.application(active, "Rows none")));
            long ofSuspended = fixture.application(suspended, "Rows suspended consumer");
            fixture.subscription(ofSuspended, fixture.plan(api), api, "APPROVED");
            keys.put("CONSUMER_SUSPENDED", fixture.key(ofSuspended));
            long limited = fixture.application(active, "Rows limited");
            fixture.subscription(limited, fixture.limitedPlan(api, 1, "MINUTE", 1, null, null), api, "APPROVED");
            keys.put("RATE", fixture.key(limited));
            long metered = fixture.application(active, "Rows metered");
            fixture.subscription(metered, fixture.limitedPlan(api, null, null, null, 1L, "DAY"), api, "APPROVED");
            keys.put("QUOTA", fixture.key(metered));
            String revoked = fixture.key(fixture.application(active, "Rows revoked"));
            fixture.revoke(revoked);
            fixture.publishChanges();
            awaitRevisionLoaded();

            assertThat(get(path + "/x", "X-API-Key", keys.get("APPROVED")).statusCode()).isEqualTo(200);
            assertThat(get(path + "/x", "X-API-Key", keys.get("RATE")).statusCode()).isEqualTo(200);
            assertThat(get(path + "/x", "X-API-Key", keys.get("QUOTA")).statusCode()).isEqualTo(200);
            int reached = upstream.requests.get();
            assertThat(reached).isEqualTo(3);

            String tampered = keys.get("APPROVED").substring(0, keys.get("APPROVED").length() - 1)
                    + (keys.get("APPROVED").endsWith("a") ? "b" : "a");
            HttpResponse<String> missing = get(path + "/x");
            assertProblem(missing, 401, "api-key-missing");
            assertThat(missing.headers().firstValue("WWW-Authenticate")).isPresent();
            assertProblem(get(path + "/x", "X-API-Key", tampered), 401, "api-key-invalid");
            assertProblem(get(path + "/x", "X-API-Key", revoked), 401, "api-key-invalid");
            assertProblem(get(path + "/x", "X-API-Key", keys.get("PENDING")), 403, "subscription-pending");
            assertProblem(get(path + "/x", "X-API-Key", keys.get("REJECTED")), 403, "subscription-rejected");
            assertProblem(get(path + "/x", "X-API-Key", keys.get("SUSPENDED")), 403, "subscription-suspended");
            assertProblem(get(path + "/x", "X-API-Key", keys.get("NONE")), 403, "subscription-missing");
            assertProblem(get(path + "/x", "X-API-Key", keys.get("CONSUMER_SUSPENDED")), 403, "consumer-suspended");
            HttpResponse<String> rate = get(path + "/x", "X-API-Key", keys.get("RATE"));
            assertProblem(rate, 429, "rate-limited");
            assertThat(rate.headers().firstValue("Retry-After")).isPresent();
            assertThat(rate.headers().firstValue("RateLimit-Policy")).isPresent();
            assertThat(rate.headers().firstValue("RateLimit")).isPresent();
            HttpResponse<String> quota = get(path + "/x", "X-API-Key", keys.get("QUOTA"));
            assertProblem(quota, 429, "quota-exhausted");
            assertThat(quota.headers().firstValue("Retry-After")).isPresent();
            assertThat(quota.headers().firstValue("RateLimit")).hasValueSatisfying(v -> assertThat(v).contains("r=0"));
            assertProblem(get("/nothing-here/x", "X-API-Key", keys.get("APPROVED")), 404, "route-not-found");

            assertThat(upstream.requests.get()).as("no refused request reached the upstream").isEqualTo(reached);
        }
    }

    @Test
    void aSuspendedConsumersKeysAreRefused() throws Exception {
        long consumer = fixture.consumer("suspended-" + UUID.randomUUID() + "@example.com", "SUSPENDED");
        long app = fixture.application(consumer, "App");
        fixture.subscription(app, fixture.plan(apiId), apiId, "APPROVED");
        String suspendedKey = fixture.key(app);
        fixture.publishChanges();
        awaitRevisionLoaded();
        assertProblem(get("/pets/v1/pets", "X-API-Key", suspendedKey), 403, "consumer-suspended");
    }

    @Test
    void unknownRoutesAre404AndRetiredApisAre410() throws Exception {
        assertProblem(get("/nothing/here", "X-API-Key", key), 404, "route-not-found");
        assertProblem(get("/pets/v1extra", "X-API-Key", key), 404, "route-not-found");
        fixture.mockApi("/old/v0", "RETIRED", null, List.of());
        fixture.publishChanges();
        awaitRevisionLoaded();
        assertProblem(get("/old/v0/anything"), 410, "api-retired");
    }

    @Test
    void deprecatedApisAnnounceDeprecationAndSunsetOnEveryResponse() throws Exception {
        long deprecated = fixture.mockApi("/legacy/v1", "PUBLISHED", null,
                List.of(new GatewayFixture.Op("GET", "/", List.of(new MockResponse(200, "text/plain", "d", "ok")))));
        fixture.subscription(applicationId, fixture.plan(deprecated), deprecated, "APPROVED");
        fixture.deprecate(deprecated, Instant.parse("2026-06-01T00:00:00Z"), Instant.parse("2030-12-31T23:59:59Z"));
        fixture.publishChanges();
        awaitRevisionLoaded();

        HttpResponse<String> ok = get("/legacy/v1", "X-API-Key", key);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Deprecation")).hasValue("@1780272000");
        assertThat(ok.headers().firstValue("Sunset")).hasValue("Tue, 31 Dec 2030 23:59:59 GMT");
        assertThat(get("/legacy/v1").headers().firstValue("Deprecation")).hasValue("@1780272000");
        assertThat(get("/pets/v1/pets", "X-API-Key", key).headers().firstValue("Deprecation")).isEmpty();
    }

    @Test
    void mockModeFollowsPathSpecificityPreferAndAccept() throws Exception {
        assertThat(get("/pets/v1/pets/mine", "X-API-Key", key).body()).isEqualTo("{\"mine\":true}");
        assertThat(get("/pets/v1/pets/42", "X-API-Key", key).body()).isEqualTo("{\"id\":7}");
        assertThat(get("/pets/v1/pets/42", "X-API-Key", key, "Prefer", "example=two").body()).isEqualTo("{\"id\":8}");
        HttpResponse<String> notFound = get("/pets/v1/pets", "X-API-Key", key, "Prefer", "code=404");
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.body()).isEqualTo("{\"error\":\"none\"}");
        HttpResponse<String> text = get("/pets/v1/pets", "X-API-Key", key, "Accept", "text/plain");
        assertThat(text.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(text.body()).isEqualTo("Rex");
        HttpResponse<String> deleted = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/pets/v1/pets/3"))
                .header("X-API-Key", key).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertProblem(get("/pets/v1/owners", "X-API-Key", key), 404, "operation-not-found");
    }

    @Test
    void proxiedRequestsReachTheUpstreamBelowItsBasePathWithoutTheKeyAndWithWhoIsCalling() throws Exception {
        try (EchoUpstream upstream = new EchoUpstream()) {
            long api = fixture.proxiedApi("/orders/v1", List.of(upstream.url("/base")));
            fixture.version(api, "Orders", List.of(new GatewayFixture.Op("GET", "/items/{id}", List.of()),
                    new GatewayFixture.Op("GET", "/anon/{id}", List.of())));
            fixture.subscription(applicationId, fixture.plan(api), api, "APPROVED");
            fixture.publishChanges();
            awaitRevisionLoaded();

            HttpResponse<String> viaHeader = get("/orders/v1/items/7?expand=lines", "X-API-Key", key,
                    "X-Request-Id", "trace-1");
            assertThat(viaHeader.statusCode()).isEqualTo(200);
            assertThat(viaHeader.body()).contains("method=GET", "uri=/base/items/7", "query=expand=lines",
                    "x-api-key=null", "x-request-id=trace-1", "x-gatehouse-application-id=" + applicationId)
                    .doesNotContain(key);
            assertThat(viaHeader.headers().firstValue("X-Request-Id")).hasValue("trace-1");

            HttpResponse<String> viaQuery = get("/orders/v1/items?apikey=" + key + "&page=2");
            assertThat(viaQuery.statusCode()).isEqualTo(200);
            assertThat(viaQuery.body()).contains("query=page=2").doesNotContain(key);

            int before = upstream.requests.get();
            assertProblem(get("/orders/v1/items"), 401, "api-key-missing");
            assertThat(upstream.requests.get()).isEqualTo(before);

            HttpResponse<String> slow = get("/orders/v1/slow", "X-API-Key", key);
            assertProblem(slow, 504, "upstream-timeout");

            // Documented calls are recorded by operation (its id, else method and path); others go through unnamed.
            get("/orders/v1/anon/3", "X-API-Key", key, "X-Request-Id", "trace-anon");
            JdbcTemplate jdbc = new JdbcTemplate(gateway.getBean(DataSource.class));
            Map<String, String> operations = new HashMap<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (operations.size() < 3 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
                jdbc.query("select request_id, operation from analytics_event where request_id in"
                        + " ('trace-1', 'trace-anon') or (api_id = ? and path = '/orders/v1/items')", rs -> {
                            operations.put(rs.getString(1).startsWith("trace") ? rs.getString(1) : "items",
                                    String.valueOf(rs.getString(2)));
                        }, api);
            }
            assertThat(operations).containsEntry("trace-1", "GET/items/{id}")
                    .containsEntry("trace-anon", "GET /anon/{id}").containsEntry("items", "null");
        }
    }

    @Test
    void anUpstreamThatRefusesConnectionsGives502() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        long api = fixture.proxiedApi("/down/v1", List.of("http://127.0.0.1:" + closedPort));
        fixture.subscription(applicationId, fixture.plan(api), api, "APPROVED");
        fixture.publishChanges();
        awaitRevisionLoaded();
        assertProblem(get("/down/v1/anything", "X-API-Key", key), 502, "upstream-unavailable");
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/down/v1/orders"))
                .header("X-API-Key", key).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(post, 502, "upstream-unavailable");
    }

    @Test
    void aRateLimitAllowsTheBurstThenAnswers429WithRetryAfterAndTheRateLimitFields() throws Exception {
        String limitedKey = subscribedKey(fixture.limitedPlan(apiId, 2, "MINUTE", 2, null, null));
        HttpResponse<String> first = get("/pets/v1/pets", "X-API-Key", limitedKey);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("RateLimit-Policy")).hasValue("\"rate\";q=2;w=60");
        assertThat(first.headers().firstValue("RateLimit").orElseThrow()).startsWith("\"rate\";r=1;t=");
        assertThat(get("/pets/v1/pets", "X-API-Key", limitedKey).statusCode()).isEqualTo(200);

        HttpResponse<String> refused = get("/pets/v1/pets", "X-API-Key", limitedKey);
        assertProblem(refused, 429, "rate-limited");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 30L);
        assertThat(refused.headers().firstValue("RateLimit").orElseThrow()).startsWith("\"rate\";r=0;t=");
    }

    @Test
    void aQuotaCountsPerCalendarDayAndRefusesUntilItsEnd() throws Exception {
        String quotaKey = subscribedKey(fixture.limitedPlan(apiId, null, null, null, 3L, "DAY"));
        for (int call = 1; call <= 3; call++) {
            HttpResponse<String> ok = get("/pets/v1/pets", "X-API-Key", quotaKey);
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("RateLimit-Policy")).hasValue("\"quota\";q=3;w=86400");
            assertThat(ok.headers().firstValue("RateLimit").orElseThrow()).startsWith("\"quota\";r=" + (3 - call) + ";t=");
        }
        HttpResponse<String> refused = get("/pets/v1/pets", "X-API-Key", quotaKey);
        assertProblem(refused, 429, "quota-exhausted");
        long untilMidnight = Duration.between(Instant.now(),
                Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1))).toSeconds();
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(untilMidnight - 5, untilMidnight + 5);
    }

    @Test
    void anUnlimitedPlanSendsNoRateLimitFields() throws Exception {
        HttpResponse<String> response = get("/pets/v1/pets", "X-API-Key", key);
        assertThat(response.headers().firstValue("RateLimit-Policy")).isEmpty();
        assertThat(response.headers().firstValue("RateLimit")).isEmpty();
    }

    private String subscribedKey(long planId) {
        long consumer = fixture.consumer("limits-" + UUID.randomUUID() + "@example.com", "ACTIVE");
        long app = fixture.application(consumer, "Limited app");
        fixture.subscription(app, planId, apiId, "APPROVED");
        String appKey = fixture.key(app);
        fixture.publishChanges();
        awaitRevisionLoaded();
        return appKey;
    }

    @Test
    void everyCallRefusedOrNotBecomesOneAnalyticsEventAndTheCountsReconcile() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        get("/pets/v1/pets", "X-API-Key", key, "X-Request-Id", run + "-ok");
        get("/pets/v1/pets", "X-Request-Id", run + "-nokey");
        get("/nowhere", "X-Request-Id", run + "-noroute");
        JdbcTemplate jdbc = new JdbcTemplate(gateway.getBean(DataSource.class));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (jdbc.queryForObject("select count(*) from analytics_event where request_id like ?", Integer.class,
                run + "-%") < 3 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        Map<String, Object> ok = jdbc.queryForMap("select api_id, operation, application_id, subscription_id, status,"
                + " rejection_reason, bytes_out from analytics_event where request_id = ?", run + "-ok");
        assertThat(ok).containsEntry("status", 200).containsEntry("operation", "GET/pets")
                .containsEntry("rejection_reason", null);
        assertThat(((Number) ok.get("api_id")).longValue()).isEqualTo(apiId);
        assertThat(((Number) ok.get("application_id")).longValue()).isEqualTo(applicationId);
        assertThat(((Number) ok.get("bytes_out")).longValue()).isPositive();
        assertThat(jdbc.queryForMap("select status, rejection_reason, application_id from analytics_event"
                + " where request_id = ?", run + "-nokey")).containsEntry("status", 401)
                .containsEntry("rejection_reason", "api-key-missing").containsEntry("application_id", null);
        assertThat(jdbc.queryForMap("select status, rejection_reason, api_id from analytics_event where request_id = ?",
                run + "-noroute")).containsEntry("status", 404).containsEntry("rejection_reason", "route-not-found")
                .containsEntry("api_id", null);

        AnalyticsPipeline analytics = gateway.getBean(AnalyticsPipeline.class);
        assertThat(analytics.accepted()).isEqualTo(analytics.written() + analytics.dropped() + analytics.queued());
    }

    @Test
    void theKeyMayComeInTheConfiguredQueryParameter() throws Exception {
        assertThat(get("/pets/v1/pets?apikey=" + key).statusCode()).isEqualTo(200);
    }

    @Test
    void aSaneRequestIdIsEchoedAndAnInsaneOneReplaced() throws Exception {
        assertThat(get("/pets/v1/pets", "X-Request-Id", "abc-123").headers().firstValue("X-Request-Id"))
                .hasValue("abc-123");
        String minted = get("/pets/v1/pets", "X-Request-Id", "<script>").headers().firstValue("X-Request-Id")
                .orElseThrow();
        assertThat(minted).matches("[0-9a-f]{32}");
    }

    @Test
    void managementPortReportsHealthAndPrometheusMetrics() throws Exception {
        get("/pets/v1/pets");
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(management + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"", "\"database\":\"UP\"");
        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create(management + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body()).contains("gatehouse_gateway_requests_total{application=\"gatehouse-gateway\","
                + "outcome=\"api-key-missing\"}");
        assertThat(metrics.body()).contains("gatehouse_gateway_snapshot_revision");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"urn:gatehouse:problem:" + type + "\"",
                "\"status\":" + status, "\"requestId\":\"");
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits until the gateway serves the latest revision, as an operator would watch its health endpoint. */
    private static void awaitRevisionLoaded() {
        var store = gateway.getBean(io.gatehouse.gateway.snapshot.SnapshotStore.class);
        var loader = gateway.getBean(io.gatehouse.gateway.snapshot.SnapshotLoader.class);
        long target = loader.revision();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (store.current().revision() < target) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("snapshot did not reach revision " + target);
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }
}
