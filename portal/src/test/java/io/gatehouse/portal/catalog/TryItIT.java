package io.gatehouse.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.HtmlUtils;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.gatehouse.core.application.Application;
import io.gatehouse.core.audit.Actor;
import io.gatehouse.core.catalog.Api;
import io.gatehouse.core.catalog.CatalogService;
import io.gatehouse.core.plan.ApprovalMode;
import io.gatehouse.core.plan.Plan;
import io.gatehouse.core.plan.PlanService;
import io.gatehouse.core.plan.PlanTerms;
import io.gatehouse.core.subscription.SubscriptionService;
import io.gatehouse.portal.PortalTest;
import io.gatehouse.portal.application.SelfServiceFixture;
import io.gatehouse.testsupport.WebSession;

/**
 * Try it end to end: the portal relays to a loopback HTTP server standing in for the gateway (the portal's
 * gateway URL points at it). What arrives there, what the page shows, and where a page-side attempt to pick another
 * host ends up.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class TryItIT {

    private static final Pattern FULL_KEY = Pattern.compile("gth_[A-Za-z0-9]{12}_[A-Za-z0-9]{38}");
    private static final StandIn GATEWAY = new StandIn();

    @DynamicPropertySource
    static void gatewayUrl(DynamicPropertyRegistry registry) {
        registry.add("gatehouse.portal.gateway-url", GATEWAY::url);
    }

    @Autowired
    SelfServiceFixture fixture;
    @Autowired
    CatalogService catalogService;
    @Autowired
    PlanService planService;
    @Autowired
    SubscriptionService subscriptions;

    Api shop;
    Plan plan;
    String operationPage;
    String action;

    @BeforeAll
    void publish() {
        CatalogFixture catalog = new CatalogFixture(catalogService, planService);
        shop = catalog.publish(document("Toy Shop " + SelfServiceFixture.unique()));
        plan = catalog.plan(shop, new PlanTerms("Open", "For trying.", null, null, ApprovalMode.AUTOMATIC, true));
        operationPage = "/apis/" + shop.getId() + "/operations/addToy";
        action = operationPage + "/try";
    }

    @BeforeEach
    void forget() {
        GATEWAY.received.clear();
    }

    @AfterAll
    void stop() {
        GATEWAY.stop();
    }

    @Test
    void theConsumersKeyShownOnceGoesToTheGatewayWithTheRequestAndThePageShowsTheAnswerButNotTheKey(
            CapturedOutput output) {
        SelfServiceFixture.Account consumer = fixture.consumer();
        WebSession session = fixture.login(consumer);
        Application app = fixture.application(consumer);
        subscriptions.request(consumer.id(), app.getId(), plan.getId(), null, Actor.consumer(consumer.email(), null));
        String key = fullKey(session.get("/applications/" + app.getId(), "HX-Request", "true").body());

        String page = session.get(operationPage).body();
        assertThat(page).contains("id=\"try-it-keys\"", app.getName())
                .contains("value=\"42\"", "value=\"5\"", "value=\"trace-1\"")
                .contains("{\n  &quot;name&quot; : &quot;ball&quot;\n}")
                .contains("sent in the X-Shop-Key header")
                .doesNotContain("id=\"try-it-no-key\"", "id=\"try-it-login\"");
        assertThat(page).containsPattern("<input type=\"password\" id=\"try-api-key\" name=\"apiKey\" autocomplete=\"off\"");

        HttpResponse<String> fragment = session.postForm(action, fields(page, key, Map.of(
                "path:petId", "42", "query:limit", "5", "query:color", "red & blue", "header:X-Trace", "trace-1",
                "contentType", "application/json", "body", "{\"name\": \"ball\"}")), "HX-Request", "true");

        assertThat(fragment.statusCode()).isEqualTo(200);
        Received arrived = GATEWAY.only();
        assertThat(arrived.method()).isEqualTo("POST");
        assertThat(arrived.rawPath()).isEqualTo(shop.getContextPath() + "/pets/42/toys");
        assertThat(arrived.rawQuery()).isEqualTo("limit=5&color=red%20%26%20blue");
        assertThat(arrived.header("X-Shop-Key")).isEqualTo(key);
        assertThat(arrived.header("X-API-Key")).isNull();
        assertThat(arrived.header("X-Trace")).isEqualTo("trace-1");
        assertThat(arrived.header("Content-Type")).isEqualTo("application/json");
        assertThat(arrived.body()).isEqualTo("{\"name\": \"ball\"}");

        String html = fragment.body();
        assertThat(html).startsWith("<section id=\"try-it-result\"").doesNotContain("<html", "try-it-form");
        assertThat(html).contains("id=\"try-it-status\">201 Created<")
                .containsPattern("id=\"try-it-elapsed\">\\d+ ms<")
                .contains("ratelimit-policy", HtmlUtils.htmlEscape("\"open\";q=100;w=60"), "x-request-id", "req-7")
                // pretty-printed JSON, escaped
                .contains("{\n  &quot;created&quot; : true,\n  &quot;markup&quot; : &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;")
                .contains("curl -i -X POST", "-H &quot;X-Shop-Key: $API_KEY&quot;")
                .doesNotContain("<script>alert(1)</script>");
        assertThat(html).as("the key, though the stand-in echoed it").doesNotContain(key)
                .doesNotContain(key.substring(key.lastIndexOf('_') + 1));
        assertThat(output.getAll()).doesNotContain(key);
    }

    @Test
    void withoutHtmxTheWholePageComesBackWithTheResultAndTheValuesButAnEmptyKeyField() {
        WebSession session = fixture.login(fixture.consumer());
        String page = session.get(operationPage).body();

        HttpResponse<String> response = session.postForm(action, fields(page, "gth_not-a-real-key-at-all",
                Map.of("path:petId", "77", "body", "{\"name\": \"kite\"}", "contentType", "application/json")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<html", "id=\"try-it-form\"", "id=\"try-it-status\">201 Created<",
                "value=\"77\"", HtmlUtils.htmlEscape("{\"name\": \"kite\"}"))
                .doesNotContain("gth_not-a-real-key-at-all");
        assertThat(GATEWAY.only().rawPath()).isEqualTo(shop.getContextPath() + "/pets/77/toys");
    }

    @Test
    void valuesThatTryToNameAnotherHostOrPathStillGoToTheConfiguredGatewayUnderTheApi() {
        WebSession session = fixture.login(fixture.consumer());
        String page = session.get(operationPage).body();
        String contextPath = shop.getContextPath();

        List<Map<String, String>> attempts = List.of(
                Map.of("path:petId", "//evil.example/steal"),
                Map.of("path:petId", "http://evil.example:8000/x"),
                Map.of("path:petId", "../../admin"),
                Map.of("path:petId", "1", "query:limit", "1#@evil.example/", "header:Host", "evil.example",
                        "url", "http://evil.example/", "target", "http://evil.example/", "header:X-Shop-Key", "mine"));
        for (Map<String, String> attempt : attempts) {
            HttpResponse<String> fragment = session.postForm(action, fields(page, "gth_some-key-value", attempt),
                    "HX-Request", "true");
            assertThat(fragment.body()).as(attempt.toString()).contains("201 Created");
        }

        assertThat(GATEWAY.received).extracting(Received::rawPath).containsExactly(
                contextPath + "/pets/%2F%2Fevil.example%2Fsteal/toys",
                contextPath + "/pets/http%3A%2F%2Fevil.example%3A8000%2Fx/toys",
                contextPath + "/pets/..%2F..%2Fadmin/toys",
                contextPath + "/pets/1/toys");
        assertThat(GATEWAY.received).allSatisfy(arrived -> {
            assertThat(arrived.header("Host")).isEqualTo("127.0.0.1:" + GATEWAY.port());
            assertThat(arrived.header("X-Shop-Key")).isEqualTo("gth_some-key-value");
        });
        assertThat(GATEWAY.received.get(3).rawQuery()).isEqualTo("limit=1%23%40evil.example%2F");
    }

    @Test
    void aDotSegmentOrAMissingPathValueIsRefusedWithoutACall() {
        WebSession session = fixture.login(fixture.consumer());
        String page = session.get(operationPage).body();

        String dots = fragment(session, page, "..");
        String missing = fragment(session, page, "");

        assertThat(dots).contains("id=\"try-it-problem\"", "The path parameter petId cannot be . or ..");
        assertThat(missing).contains("Fill in the path parameter petId.");
        assertThat(GATEWAY.received).isEmpty();
    }

    @Test
    void redirectsAreShownNotFollowedAndAHugeBodyIsCut() {
        WebSession session = fixture.login(fixture.consumer());
        String page = session.get(operationPage).body();

        String redirect = fragment(session, page, "redirect");
        String huge = fragment(session, page, "huge");

        assertThat(redirect).contains("302 Found", "/elsewhere");
        assertThat(huge).contains("200 OK", "Only the first 256 KB of the body are shown.");
        assertThat(huge.length()).isLessThan(TryItRelay.BODY_LIMIT + 20_000);
        assertThat(GATEWAY.received).extracting(Received::rawPath).as("the redirect's target was never asked for")
                .containsExactly(shop.getContextPath() + "/pets/redirect/toys", shop.getContextPath() + "/pets/huge/toys");
    }

    @Test
    void aConsumerWithoutASubscriptionIsToldHowToGetAKeyAndAVisitorToLogIn() {
        WebSession consumer = fixture.login(fixture.consumer());
        String mine = consumer.get(operationPage).body();
        assertThat(mine).contains("id=\"try-it-no-key\"", "href=\"/apis/" + shop.getId() + "#plans\"",
                "id=\"try-it-send\"");

        WebSession visitor = fixture.session();
        String open = visitor.get(operationPage).body();
        assertThat(open).contains("id=\"try-it-form\"", "id=\"try-it-login\"", "id=\"try-it-send-disabled\"",
                "value=\"42\"").doesNotContain("id=\"try-it-send\"", "id=\"try-it-no-key\"");
        HttpResponse<String> anonymous = visitor.postForm(action, fields(open, "gth_x-key-value",
                Map.of("path:petId", "1")), "HX-Request", "true");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(GATEWAY.received).isEmpty();
    }

    /** The fragment answering a try of {@code petId} with a made-up key. */
    private String fragment(WebSession session, String page, String petId) {
        return session.postForm(action, fields(page, "gth_x-key-value", Map.of("path:petId", petId)),
                "HX-Request", "true").body();
    }

    /** The page's CSRF token, the key, and the given fields. */
    private static Map<String, String> fields(String page, String key, Map<String, String> values) {
        Map<String, String> fields = new LinkedHashMap<>(values);
        fields.put("_csrf", WebSession.csrfFrom(page));
        fields.put("apiKey", key);
        return fields;
    }

    private static String fullKey(String html) {
        Matcher matcher = FULL_KEY.matcher(html);
        assertThat(matcher.find()).as("a full key in the page").isTrue();
        return matcher.group();
    }

    private static String document(String title) {
        return """
                openapi: 3.0.3
                info:
                  title: %s
                  version: 1.0.0
                components:
                  securitySchemes:
                    shopKey:
                      type: apiKey
                      in: header
                      name: X-Shop-Key
                security:
                  - shopKey: []
                paths:
                  /pets/{petId}/toys:
                    post:
                      operationId: addToy
                      summary: Give a pet a toy
                      parameters:
                        - name: petId
                          in: path
                          required: true
                          schema: {type: string}
                          example: "42"
                        - name: limit
                          in: query
                          schema: {type: integer}
                          example: 5
                        - name: color
                          in: query
                          schema: {type: string}
                        - name: X-Trace
                          in: header
                          schema: {type: string}
                          example: trace-1
                      requestBody:
                        content:
                          application/json:
                            schema: {type: object}
                            example: {"name": "ball"}
                      responses:
                        '201':
                          description: Added
                """.formatted(title);
    }

    record Received(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /**
     * Answers like a gateway would: 201 with rate-limit headers and a JSON body that echoes the key it got, 302 for
     * {@code /redirect/}, and a body past the portal's limit for {@code /huge/}.
     */
    static final class StandIn {

        final List<Received> received = Collections.synchronizedList(new ArrayList<>());
        private final HttpServer server;
        private final ExecutorService executor = Executors.newFixedThreadPool(2);

        StandIn() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", this::handle);
            server.setExecutor(executor);
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        String url() {
            return "http://127.0.0.1:" + port();
        }

        Received only() {
            assertThat(received).hasSize(1);
            return received.get(0);
        }

        void stop() {
            server.stop(0);
            executor.shutdownNow();
        }

        private void handle(HttpExchange exchange) throws IOException {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            received.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()), new String(body, StandardCharsets.UTF_8)));
            if (path.endsWith("/redirect/toys")) {
                exchange.getResponseHeaders().add("Location", url() + "/elsewhere");
                exchange.sendResponseHeaders(302, -1);
            } else if (path.endsWith("/huge/toys")) {
                exchange.getResponseHeaders().add("Content-Type", "text/plain");
                exchange.sendResponseHeaders(200, 0);
                byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
                try {
                    for (int i = 0; i < 16; i++) {
                        exchange.getResponseBody().write(chunk);
                    }
                } catch (IOException portalStoppedReading) {
                    // expected once the portal has its 256 KB
                }
            } else {
                String key = exchange.getRequestHeaders().getFirst("X-Shop-Key");
                byte[] answer = ("{\"created\":true,\"markup\":\"<script>alert(1)</script>\",\"yourKey\":\"" + key
                        + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.getResponseHeaders().add("RateLimit-Policy", "\"open\";q=100;w=60");
                exchange.getResponseHeaders().add("RateLimit", "\"open\";r=99;t=60");
                exchange.getResponseHeaders().add("X-Request-Id", "req-7");
                exchange.getResponseHeaders().add("X-Echoed-Key", key == null ? "" : key);
                exchange.sendResponseHeaders(201, answer.length);
                exchange.getResponseBody().write(answer);
            }
            exchange.close();
        }
    }
}
