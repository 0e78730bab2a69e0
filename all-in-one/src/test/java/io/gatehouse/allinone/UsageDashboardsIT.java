package io.gatehouse.allinone;

import static io.gatehouse.testsupport.PageText.byId;
import static io.gatehouse.testsupport.PageText.cell;
import static io.gatehouse.testsupport.PageText.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Wait;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.gatehouse.core.plan.Quota;
import io.gatehouse.core.plan.QuotaWindow;
import io.gatehouse.testsupport.Browser;
import io.gatehouse.testsupport.Browsers;
import io.gatehouse.testsupport.WebSession;
import io.gatehouse.web.Times;

/**
 * Known traffic through the real gateway of the all-in-one jar (200s, 401s with a bad key, 404s for an unknown
 * operation, 429s for a rate limit and for a small daily quota made for the test through the admin REST API), then
 * the exact figures on the admin dashboard (as the product owner and as admin), its CSV export and the portal's My
 * usage, whose quota figures must match the gateway's last {@code RateLimit} header. A browser then checks that an
 * owner sees only their APIs' data and a consumer only their own applications.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UsageDashboardsIT {

    private static final int PORTAL_PORT = JarProcess.freePort();
    private static final int ADMIN_PORT = JarProcess.freePort();
    private static final int GATEWAY_PORT = JarProcess.freePort();
    private static final String PORTAL = "http://localhost:" + PORTAL_PORT;
    private static final String ADMIN = "http://localhost:" + ADMIN_PORT;
    private static final String DEMO_KEY = "gth_demo00000001_GatehouseDemoKeyNotForProduction32TOP9";
    private static final String DEMO_EMAIL = "demo@example.com";
    private static final String OTHER_EMAIL = "other-consumer@example.com";
    private static final String PASSWORD = "a long enough password";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PROBLEM = Pattern.compile("urn:gatehouse:problem:([a-z-]+)");
    private static final Pattern QUOTA_REMAINING = Pattern.compile("\"quota\";r=(\\d+)");
    private static final Pattern API_PATH = Pattern.compile("^/[^/]+/[^/]+");
    private static final Pattern NEW_KEY = Pattern.compile("id=\"new-key\">(gth_[A-Za-z0-9_]+)<");

    @RegisterExtension
    static final Browser browser = new Browser();

    static JarProcess platform;
    static String adminToken;
    static final Map<String, Long> apiIds = new LinkedHashMap<>();
    static final Map<String, String> apiNames = new LinkedHashMap<>();
    static final Map<String, Long> applicationIds = new LinkedHashMap<>();
    /** Every call the test made through the gateway, in order, with what the gateway answered. */
    static final List<Call> calls = new ArrayList<>();

    /**
     * One call: {@code application} is whose key was sent (empty for the bad key), {@code reason} the problem id of a
     * refusal (empty for a 2xx), {@code rateLimit} the {@code RateLimit} header.
     */
    record Call(String application, String api, int status, String reason, String rateLimit) {

        /** The gateway knew the key, so the call counts for the application and its consumer. */
        boolean attributed() {
            return !application.isEmpty() && status != 401;
        }
    }

    @BeforeAll
    static void startAndMakeTraffic() throws Exception {
        platform = new JarProcess(Path.of("target", "gatehouse-all-in-one.jar").toAbsolutePath(),
                Files.createTempDirectory("gatehouse-usage-"),
                Path.of("target", "usage-dashboards-it.log").toAbsolutePath(), Map.of(
                        "GATEHOUSE_PORTAL_PORT", String.valueOf(PORTAL_PORT),
                        "GATEHOUSE_ADMIN_PORT", String.valueOf(ADMIN_PORT),
                        "GATEHOUSE_GATEWAY_PORT", String.valueOf(GATEWAY_PORT),
                        "GATEHOUSE_GATEWAY_MANAGEMENT_PORT", String.valueOf(JarProcess.freePort())), List.of());
        platform.start("Stop with Ctrl+C", Duration.ofSeconds(180));

        WebSession admin = login(ADMIN, "username", "admin", "gatehouse-admin");
        Matcher token = Pattern.compile("id=\"issued-token-value\">(gthp_[A-Za-z0-9_]+)<")
                .matcher(admin.submit("/tokens", "/tokens", Map.of("name", "usage-dashboards-it")).body());
        assertThat(token.find()).isTrue();
        adminToken = token.group(1);
        for (JsonNode api : rest("GET", "/apis", null)) {
            String path = api.get("contextPath").asText();
            apiIds.put(path, api.get("id").asLong());
            apiNames.put(path, api.get("name").asText());
        }
        long petstore = apiIds.get("/petstore/v1");
        // A plan with a quota small enough to run out in a test: five calls a day, no rate limit.
        long tiny = rest("POST", "/apis/" + petstore + "/plans", Map.of("name", "Tiny", "description",
                "Five calls a day.", "quota", Map.of("limit", 5, "period", "DAY"), "approvalMode", "AUTOMATIC",
                "offered", true)).get("id").asLong();
        long free = planId(petstore, "Free");
        for (JsonNode pending : rest("GET", "/subscriptions?status=PENDING", null)) {
            if (pending.get("application").asText().equals("Mobile App")) {
                rest("POST", "/subscriptions/" + pending.get("id").asLong() + "/approve", Map.of());
            }
        }

        WebSession demo = login(PORTAL, "email", DEMO_EMAIL, "gatehouse-demo");
        String list = demo.get("/applications").body();
        applicationIds.put("Demo App", idOf(list, "Demo App"));
        applicationIds.put("Mobile App", idOf(list, "Mobile App"));
        String quotaKey = subscribe(demo, "Quota App", petstore, tiny);
        String mobileKey = key(demo, applicationIds.get("Mobile App"));
        WebSession other = new WebSession(PORTAL);
        other.submit("/signup", "/signup", Map.of("email", OTHER_EMAIL, "displayName", "Oscar Other",
                "password", PASSWORD));
        other = login(PORTAL, "email", OTHER_EMAIL, PASSWORD);
        String otherKey = subscribe(other, "Other App", petstore, free);

        for (int i = 0; i < 4; i++) {
            call("Demo App", DEMO_KEY, "/petstore/v1/pets");
        }
        for (int i = 0; i < 2; i++) {
            call("Demo App", DEMO_KEY, "/petstore/v1/no-such-operation");
        }
        for (int i = 0; i < 3; i++) {
            call("Demo App", DEMO_KEY, "/weather/v2/current/Paris");
        }
        for (int i = 0; i < 3; i++) {
            call("", "gth_not-a-key", "/petstore/v1/pets");
        }
        // Petstore Free allows a burst of 10 and 5 a second: calls in quick succession soon get 429 rate-limited.
        for (int i = 0; i < 40 && count(c -> c.reason().equals("rate-limited")) < 3; i++) {
            call("Demo App", DEMO_KEY, "/petstore/v1/pets");
        }
        firstCall("Quota App", quotaKey, "/petstore/v1/pets");
        for (int i = 0; i < 6; i++) {
            call("Quota App", quotaKey, "/petstore/v1/pets");
        }
        firstCall("Other App", otherKey, "/petstore/v1/pets");
        call("Other App", otherKey, "/petstore/v1/pets");
        firstCall("Mobile App", mobileKey, "/rates/v1/latest");
        for (int i = 0; i < 2; i++) {
            call("Mobile App", mobileKey, "/rates/v1/latest");
        }

        assertThat(count(c -> c.reason().equals("rate-limited"))).as("the burst met the rate limit").isEqualTo(3);
        assertThat(calls).filteredOn(c -> c.application().equals("Quota App") && c.attributed())
                .extracting(Call::reason).containsExactly("", "", "", "", "", "quota-exhausted", "quota-exhausted");

        // The gateway writes events within a fraction of a second and the admin UI rolls them up every 2 s.
        WebSession viewer = login(ADMIN, "username", "admin", "gatehouse-admin");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!byId(viewer.get("/analytics").body(), "total-calls").equals(String.valueOf(calls.size()))) {
            assertThat(System.nanoTime()).as("rollups caught up with " + calls.size() + " calls").isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    @Order(1)
    void theOwnersDashboardCountsEveryCallToTheirApisBySplitAndCause() {
        Predicate<Call> owners = c -> !c.api().equals("/rates/v1");
        String page = login(ADMIN, "username", "owner", "gatehouse-owner").get("/analytics").body();

        assertThat(byId(page, "total-calls")).isEqualTo(String.valueOf(count(owners)));
        assertThat(byId(page, "total-4xx")).isEqualTo(String.valueOf(count(owners.and(c -> c.status() / 100 == 4))));
        assertThat(byId(page, "total-5xx")).isEqualTo("0");
        for (String reason : List.of("api-key-invalid", "operation-not-found", "rate-limited", "quota-exhausted")) {
            assertThat(cell(row(page, "data-reason", reason), "calls")).as(reason)
                    .isEqualTo(String.valueOf(count(owners.and(c -> c.reason().equals(reason)))));
        }
        assertThat(page).contains("Demo App", "Quota App", "Other App").doesNotContain("Mobile App");
        assertThat(cell(row(page, "data-subscription", subscriptionId("Quota App")), "used"))
                .isEqualTo("5 of 5 (100%)");
    }

    @Test
    @Order(2)
    void theCsvExportCarriesTheSameFigures() {
        Predicate<Call> owners = c -> !c.api().equals("/rates/v1");
        WebSession owner = login(ADMIN, "username", "owner", "gatehouse-owner");

        List<String[]> traffic = csv(owner, "traffic");
        assertThat(traffic.get(0)).startsWith("bucket_start_utc", "label", "calls", "2xx", "3xx", "4xx", "5xx");
        assertThat(traffic.stream().skip(1).mapToLong(r -> Long.parseLong(r[2])).sum()).isEqualTo(count(owners));
        assertThat(traffic.stream().skip(1).mapToLong(r -> Long.parseLong(r[3])).sum())
                .isEqualTo(count(owners.and(c -> c.status() == 200)));
        assertThat(traffic.stream().skip(1).mapToLong(r -> Long.parseLong(r[5])).sum())
                .isEqualTo(count(owners.and(c -> c.status() / 100 == 4)));

        assertThat(lines(csv(owner, "applications"))).containsExactlyInAnyOrder(
                "application_id,application,consumer,calls,errors",
                applicationRow("Demo App", DEMO_EMAIL), applicationRow("Quota App", DEMO_EMAIL),
                applicationRow("Other App", OTHER_EMAIL));

        assertThat(lines(csv(owner, "failures"))).containsExactlyInAnyOrder("cause,reason,status_class,calls",
                failureRow("api-key-invalid"), failureRow("operation-not-found"), failureRow("rate-limited"),
                failureRow("quota-exhausted"));

        assertThat(lines(csv(owner, "quota"))).containsExactly(
                "subscription_id,api,plan,application,consumer,used,limit,percent,resets_at_utc",
                subscriptionId("Quota App") + "," + apiNames.get("/petstore/v1") + ",Tiny,Quota App," + DEMO_EMAIL
                        + ",5,5,100," + QuotaWindow.containing(Quota.Period.DAY, Instant.now()).end());
    }

    @Test
    @Order(3)
    void anAdminSeesEveryApiAndTheOwnerNoneOfAnotherOwnersApi() {
        WebSession admin = login(ADMIN, "username", "admin", "gatehouse-admin");
        String page = admin.get("/analytics").body();
        assertThat(byId(page, "total-calls")).isEqualTo(String.valueOf(calls.size()));
        assertThat(lines(csv(admin, "applications"))).contains(applicationRow("Mobile App", DEMO_EMAIL));
        String rates = admin.get("/analytics?apiId=" + apiIds.get("/rates/v1")).body();
        assertThat(byId(rates, "total-calls")).isEqualTo(String.valueOf(count(c -> c.api().equals("/rates/v1"))));

        String asOwner = login(ADMIN, "username", "owner", "gatehouse-owner")
                .get("/analytics?apiId=" + apiIds.get("/rates/v1")).body();
        assertThat(byId(asOwner, "total-calls")).isEqualTo("0");
        assertThat(asOwner).doesNotContain("Mobile App");
    }

    @Test
    @Order(4)
    void myUsageShowsEachApplicationAndSubscriptionAndTheQuotaTheGatewayReported() {
        WebSession demo = login(PORTAL, "email", DEMO_EMAIL, "gatehouse-demo");
        Predicate<Call> mine = c -> c.attributed() && !c.application().equals("Other App");
        String overview = demo.get("/usage").body();
        assertThat(byId(overview, "total-calls")).isEqualTo(String.valueOf(count(mine)));
        assertThat(byId(overview, "total-errors")).isEqualTo(String.valueOf(count(mine.and(c -> c.status() >= 400))));
        assertThat(byId(overview, "total-rate-limited")).isEqualTo("3");
        assertThat(byId(overview, "total-quota-exhausted")).isEqualTo("2");
        assertThat(overview).contains("updated every few seconds").doesNotContain("Other App");
        for (String application : List.of("Demo App", "Quota App", "Mobile App")) {
            String row = row(overview, "data-application", applicationIds.get(application));
            assertThat(cell(row, "calls")).as(application).isEqualTo(String.valueOf(count(of(application))));
            assertThat(cell(row, "errors")).as(application)
                    .isEqualTo(String.valueOf(count(of(application).and(c -> c.status() >= 400))));
        }

        // Quota used is the plan's limit minus what the gateway's last RateLimit header said remained.
        assertThat(cell(row(overview, "data-subscription", subscriptionId("Quota App")), "used"))
                .isEqualTo(used("Quota App", "/petstore/v1", 5)).isEqualTo("5 of 5 (100%)");
        assertThat(cell(row(overview, "data-subscription", subscriptionId("Mobile App")), "used"))
                .isEqualTo(used("Mobile App", "/rates/v1", 100_000)).isEqualTo("3 of 100000 (0%)");

        String demoApp = demo.get("/applications/" + applicationIds.get("Demo App") + "/usage").body();
        Predicate<Call> petstore = of("Demo App").and(c -> c.api().equals("/petstore/v1"));
        String petstoreRow = row(demoApp, "data-subscription", subscriptionId("Demo App", "/petstore/v1"));
        assertThat(cell(petstoreRow, "calls")).isEqualTo(String.valueOf(count(petstore)));
        assertThat(cell(petstoreRow, "errors")).isEqualTo(String.valueOf(count(petstore.and(c -> c.status() >= 400))));
        assertThat(cell(petstoreRow, "rate-limited")).isEqualTo("3");
        assertThat(cell(petstoreRow, "quota-exhausted")).isEqualTo("0");
        assertThat(cell(petstoreRow, "used")).as("the 429s used no quota")
                .isEqualTo(used("Demo App", "/petstore/v1", 1000))
                .isEqualTo(count(petstore.and(c -> c.status() != 429)) + " of 1000 ("
                        + count(petstore.and(c -> c.status() != 429)) / 10 + "%)");
        String weatherRow = row(demoApp, "data-subscription", subscriptionId("Demo App", "/weather/v2"));
        assertThat(cell(weatherRow, "calls")).isEqualTo("3");
        assertThat(cell(weatherRow, "errors")).isEqualTo("0");
        assertThat(cell(weatherRow, "used")).isEqualTo(used("Demo App", "/weather/v2", 10_000))
                .isEqualTo("3 of 10000 (0%)");
        assertThat(cell(weatherRow, "resets"))
                .isEqualTo(new Times().utc(QuotaWindow.containing(Quota.Period.MONTH, Instant.now()).end()));

        String quotaApp = demo.get("/applications/" + applicationIds.get("Quota App") + "/usage").body();
        String tinyRow = row(quotaApp, "data-subscription", subscriptionId("Quota App"));
        assertThat(cell(tinyRow, "calls")).isEqualTo("7");
        assertThat(cell(tinyRow, "errors")).isEqualTo("2");
        assertThat(cell(tinyRow, "rate-limited")).isEqualTo("0");
        assertThat(cell(tinyRow, "quota-exhausted")).isEqualTo("2");
        assertThat(cell(tinyRow, "resets"))
                .isEqualTo(new Times().utc(QuotaWindow.containing(Quota.Period.DAY, Instant.now()).end()));

        WebSession other = login(PORTAL, "email", OTHER_EMAIL, PASSWORD);
        String theirs = other.get("/usage").body();
        assertThat(byId(theirs, "total-calls")).isEqualTo(String.valueOf(count(of("Other App")))).isEqualTo("2");
        assertThat(theirs).doesNotContain("Demo App", "Quota App", "Mobile App");
        assertThat(other.get("/applications/" + applicationIds.get("Demo App") + "/usage").statusCode())
                .isEqualTo(404);
    }

    @Test
    @Order(5)
    void inABrowserTheOwnerSeesOnlyTheirApisAndEachConsumerOnlyTheirApplications() {
        WebDriver driver = browser.driver();
        Wait<WebDriver> wait = new WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(StaleElementReferenceException.class);

        logIn(driver, wait, ADMIN, "username", "owner", "gatehouse-owner");
        driver.get(ADMIN + "/analytics");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("applications-table")));
        assertThat(driver.findElement(By.id("applications-table")).getText()).contains("Demo App", "Quota App")
                .doesNotContain("Mobile App");
        assertThat(driver.findElements(By.cssSelector("#api-filter option")).stream().map(WebElement::getText))
                .containsExactlyInAnyOrder("All my APIs", apiNames.get("/petstore/v1"), apiNames.get("/weather/v2"));
        assertThat(chartDrawn(driver, "traffic-chart")).isTrue();
        driver.get(ADMIN + "/analytics?apiId=" + apiIds.get("/rates/v1"));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("total-calls"))).getText())
                .isEqualTo("0");
        assertThat(driver.getPageSource()).doesNotContain("Mobile App");

        logIn(driver, wait, PORTAL, "email", DEMO_EMAIL, "gatehouse-demo");
        driver.findElement(By.id("usage-nav")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("application-usage")));
        assertThat(names(driver)).containsExactly("Demo App", "Mobile App", "Quota App");
        assertThat(chartDrawn(driver, "traffic-chart")).isTrue();
        assertThat(Browsers.severeConsoleMessages(driver)).isEmpty();
        driver.findElement(By.linkText("Quota App")).click();
        WebElement tiny = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "tr[data-subscription='" + subscriptionId("Quota App") + "']")));
        assertThat(tiny.findElement(By.className("quota-exhausted")).getText()).isEqualTo("2");
        assertThat(tiny.findElement(By.className("used")).getText()).isEqualTo("5 of 5 (100%)");
        assertThat(chartDrawn(driver, "latency-chart")).isTrue();

        logIn(driver, wait, PORTAL, "email", OTHER_EMAIL, PASSWORD);
        driver.get(PORTAL + "/usage");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("application-usage")));
        assertThat(names(driver)).containsExactly("Other App");
        assertThat(driver.getPageSource()).doesNotContain("Demo App", "Quota App", "Mobile App");
    }

    private static List<String> names(WebDriver driver) {
        return driver.findElements(By.cssSelector("#application-usage .name")).stream().map(WebElement::getText)
                .toList();
    }

    /** Chart.js drew the canvas (the script loaded under the page's Content-Security-Policy and read its data). */
    private static boolean chartDrawn(WebDriver driver, String canvasId) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> (Boolean) ((JavascriptExecutor) d)
                .executeScript("return !!(window.Chart && window.Chart.getChart(document.getElementById(arguments[0])))",
                        canvasId));
    }

    private static void logIn(WebDriver driver, Wait<WebDriver> wait, String base, String field, String user,
            String password) {
        driver.manage().deleteAllCookies();
        driver.get(base + "/login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        driver.findElement(By.id(field)).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
    }

    // --- traffic ---

    private static void call(String application, String key, String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://localhost:" + GATEWAY_PORT
                + path)).header("X-API-Key", key).timeout(Duration.ofSeconds(10)).build());
        Matcher problem = PROBLEM.matcher(response.statusCode() >= 400 ? response.body() : "");
        Matcher api = API_PATH.matcher(path);
        assertThat(api.find()).isTrue();
        calls.add(new Call(application, api.group(), response.statusCode(),
                problem.find() ? problem.group(1) : "", response.headers().firstValue("RateLimit").orElse("")));
    }

    /** A key issued a moment ago reaches the gateway with its next snapshot: call until it is known (about 1 s). */
    private static void firstCall(String application, String key, String path) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        do {
            call(application, key, path);
        } while (calls.get(calls.size() - 1).status() == 401 && System.nanoTime() < deadline
                && parked(Duration.ofMillis(100)));
        assertThat(calls.get(calls.size() - 1).status()).as(application + "'s new key").isEqualTo(200);
    }

    private static boolean parked(Duration duration) {
        LockSupport.parkNanos(duration.toNanos());
        return true;
    }

    private static long count(Predicate<Call> which) {
        return calls.stream().filter(which).count();
    }

    private static Predicate<Call> of(String application) {
        return c -> c.application().equals(application) && c.attributed();
    }

    /** "used of limit (percent%)" from the last RateLimit header the application's key got from this API. */
    private static String used(String application, String api, long limit) {
        String header = calls.stream().filter(of(application)).filter(c -> c.api().equals(api))
                .reduce((first, second) -> second).orElseThrow().rateLimit();
        Matcher remaining = QUOTA_REMAINING.matcher(header);
        assertThat(remaining.find()).as(header).isTrue();
        long used = limit - Long.parseLong(remaining.group(1));
        return used + " of " + limit + " (" + used * 100 / limit + "%)";
    }

    private static String applicationRow(String application, String email) {
        Predicate<Call> owners = c -> !c.api().equals("/rates/v1") || application.equals("Mobile App");
        Predicate<Call> counted = of(application).and(owners);
        return applicationIds.get(application) + "," + application + "," + email + "," + count(counted) + ","
                + count(counted.and(c -> c.status() >= 400));
    }

    private static String failureRow(String reason) {
        return "gateway," + reason + ",4xx," + count(c -> c.reason().equals(reason) && !c.api().equals("/rates/v1"));
    }

    // --- set-up through the portal and the admin REST API ---

    private static WebSession login(String base, String field, String user, String password) {
        WebSession session = new WebSession(base);
        HttpResponse<String> login = session.submit("/login", "/login", Map.of(field, user, "password", password));
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return session;
    }

    /** Creates an application, subscribes it to an automatically approved plan, and returns its key, shown once. */
    private static String subscribe(WebSession consumer, String application, long apiId, long planId) {
        HttpResponse<String> created = consumer.submit("/applications", "/applications",
                Map.of("name", application, "description", "Calls for the usage test"));
        long id = Long.parseLong(created.headers().firstValue("Location").orElseThrow()
                .replaceAll(".*/applications/(\\d+).*", "$1"));
        applicationIds.put(application, id);
        consumer.submit("/apis/" + apiId, "/apis/" + apiId + "/subscriptions", Map.of("planId",
                String.valueOf(planId), "applicationId", String.valueOf(id), "justification", ""));
        return key(consumer, id);
    }

    private static String key(WebSession consumer, long applicationId) {
        Matcher key = NEW_KEY.matcher(consumer.get("/applications/" + applicationId).body());
        assertThat(key.find()).as("the first key of application " + applicationId).isTrue();
        return key.group(1);
    }

    private static long idOf(String applicationsPage, String name) {
        Matcher id = Pattern.compile("href=\"/applications/(\\d+)\">" + Pattern.quote(name) + "<")
                .matcher(applicationsPage);
        assertThat(id.find()).as(name).isTrue();
        return Long.parseLong(id.group(1));
    }

    private static long planId(long apiId, String name) {
        for (JsonNode plan : rest("GET", "/apis/" + apiId + "/plans", null)) {
            if (plan.get("name").asText().equals(name)) {
                return plan.get("id").asLong();
            }
        }
        throw new AssertionError("no plan " + name);
    }

    /** The approved subscription of an application (to the one API it uses, or to {@code api}). */
    private static long subscriptionId(String application, String... api) {
        for (JsonNode s : rest("GET", "/subscriptions?status=APPROVED", null)) {
            if (s.get("application").asText().equals(application)
                    && (api.length == 0 || s.get("apiId").asLong() == apiIds.get(api[0]))) {
                return s.get("id").asLong();
            }
        }
        throw new AssertionError("no approved subscription of " + application + " " + Arrays.toString(api));
    }

    private static JsonNode rest(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ADMIN + "/api/admin/v1" + path))
                    .header("Authorization", "Bearer " + adminToken).timeout(Duration.ofSeconds(20));
            if (body == null) {
                request.GET();
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = send(request.build());
            assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 201);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String[]> csv(WebSession session, String panel) {
        HttpResponse<String> response = session.get("/analytics/export.csv?panel=" + panel + "&range=24h");
        assertThat(response.statusCode()).isEqualTo(200);
        return lines(response.body().split("\r\n")).stream().map(line -> line.split(",", -1)).toList();
    }

    private static List<String> lines(List<String[]> rows) {
        return rows.stream().map(r -> String.join(",", r)).toList();
    }

    private static List<String> lines(String[] lines) {
        return Arrays.stream(lines).filter(line -> !line.isEmpty()).toList();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
