package io.gatehouse.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.Wait;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.gatehouse.admin.demo.DemoContent;
import io.gatehouse.core.apikey.ApiKeyFormat;
import io.gatehouse.core.apikey.ParsedApiKey;
import io.gatehouse.testsupport.Browser;
import io.gatehouse.testsupport.PostgresSchema;
import io.gatehouse.testsupport.TestRedis;

/**
 * The whole journey in real browsers, against the all-in-one jar started as {@code ./start.sh} starts it but on
 * PostgreSQL and Redis: an admin adds a MANUAL plan; a consumer signs up, searches the catalog, reads an operation,
 * creates an application and subscribes; the admin approves in a second browser; the consumer copies the key shown
 * once, uses Try it, calls the gateway until it answers 429; the product owner's dashboard and My usage show exactly
 * those calls; the consumer rotates the key (both work) and revokes the old one (401 within a second). Each step
 * leaves a screenshot in {@code target/journey-screenshots}.
 */
class JourneyIT {

    private static final int PORTAL_PORT = JarProcess.freePort();
    private static final int ADMIN_PORT = JarProcess.freePort();
    private static final int GATEWAY_PORT = JarProcess.freePort();
    private static final int MANAGEMENT_PORT = JarProcess.freePort();
    private static final String PORTAL = "http://localhost:" + PORTAL_PORT;
    private static final String ADMIN = "http://localhost:" + ADMIN_PORT;
    private static final String CALL_PATH = "/petstore/v1/pets";
    private static final String PLAN = "Journey";
    private static final String PASSWORD = "a long enough password";
    private static final Path SCREENSHOTS = Path.of("target", "journey-screenshots").toAbsolutePath();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern BYPASSED = Pattern.compile("(?m)^gatehouse_gateway_counter_bypass_total\\{[^}]*} (\\S+)$");

    @RegisterExtension
    static final Browser consumerBrowser = new Browser();
    @RegisterExtension
    static final Browser adminBrowser = new Browser();

    static PostgresSchema schema;
    static JarProcess platform;
    static int shots;
    /** The status of every answer the gateway gave to this journey's keys, in order. */
    static final List<Integer> answers = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        schema = PostgresSchema.create();
        TestRedis.require();
        Files.createDirectories(SCREENSHOTS);
        try (Stream<Path> old = Files.list(SCREENSHOTS)) {
            for (Path png : old.toList()) {
                Files.delete(png);
            }
        }
        platform = new JarProcess(Path.of("target", "gatehouse-all-in-one.jar").toAbsolutePath(),
                Files.createTempDirectory("gatehouse-journey-"), Path.of("target", "journey-it.log").toAbsolutePath(),
                Map.of("SPRING_DATASOURCE_URL", schema.jdbcUrl(),
                        "SPRING_DATASOURCE_USERNAME", PostgresSchema.USER,
                        "SPRING_DATASOURCE_PASSWORD", PostgresSchema.PASSWORD,
                        "GATEHOUSE_REDIS_URL", TestRedis.url(),
                        "GATEHOUSE_PORTAL_PORT", String.valueOf(PORTAL_PORT),
                        "GATEHOUSE_ADMIN_PORT", String.valueOf(ADMIN_PORT),
                        "GATEHOUSE_GATEWAY_PORT", String.valueOf(GATEWAY_PORT),
                        "GATEHOUSE_GATEWAY_MANAGEMENT_PORT", String.valueOf(MANAGEMENT_PORT)),
                List.of("--gatehouse.gateway.redis-key-prefix=" + TestRedis.uniquePrefix()));
        platform.start("Stop with Ctrl+C", Duration.ofSeconds(180));
        System.out.println("Journey screenshots: " + SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void aConsumerGoesFromSignUpToARevokedKeyWhileAnAdminAndAnOwnerDoTheirPart() throws Exception {
        WebDriver consumer = consumerBrowser.driver();
        WebDriver admin = adminBrowser.driver();
        // HTMX swaps rows and fragments in place: an element read a moment ago may be gone, so look again.
        Wait<WebDriver> consumerWait = new WebDriverWait(consumer, Duration.ofSeconds(15))
                .ignoring(StaleElementReferenceException.class);
        Wait<WebDriver> adminWait = new WebDriverWait(admin, Duration.ofSeconds(15))
                .ignoring(StaleElementReferenceException.class);
        assertThat(gatewayHealth()).as("the gateway counts in Redis").contains("\"redis\":\"UP\"");

        // The admin adds a plan to the demo Petstore (owned by the demo product owner): manual approval, and a rate
        // small enough to exceed in a few calls yet refilled within a second, so later calls find room again.
        logIn(admin, adminWait, ADMIN, "username", DemoContent.ADMIN_USERNAME, DemoContent.ADMIN_PASSWORD, "welcome");
        admin.findElement(By.id("nav-apis")).click();
        adminWait.until(ExpectedConditions.elementToBeClickable(By.linkText("Petstore"))).click();
        adminWait.until(ExpectedConditions.elementToBeClickable(By.id("new-plan"))).click();
        adminWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("plan-form")));
        admin.findElement(By.id("name")).sendKeys(PLAN);
        admin.findElement(By.id("description")).sendKeys("Manual approval; two calls a second.");
        admin.findElement(By.id("rateLimitRequests")).sendKeys("2");
        new Select(admin.findElement(By.id("rateLimitPeriod"))).selectByValue("SECOND");
        admin.findElement(By.id("rateLimitBurst")).sendKeys("3");
        admin.findElement(By.id("quotaLimit")).sendKeys("1000");
        new Select(admin.findElement(By.id("quotaPeriod"))).selectByValue("DAY");
        admin.findElement(By.id("approval-manual")).click();
        assertThat(admin.findElement(By.id("offered")).isSelected()).as("a new plan is offered").isTrue();
        shoot(admin, "admin-new-plan");
        admin.findElement(By.id("save-plan")).click();
        adminWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("plans"), PLAN));
        shoot(admin, "admin-plan-saved");

        // The consumer signs up and logs in.
        String email = "journey-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        consumer.get(PORTAL + "/signup");
        consumer.findElement(By.id("email")).sendKeys(email);
        consumer.findElement(By.id("displayName")).sendKeys("Jo Journey");
        consumer.findElement(By.id("password")).sendKeys(PASSWORD);
        shoot(consumer, "consumer-signup");
        consumer.findElement(By.id("signup-submit")).click();
        consumerWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-up")));
        assertThat(countRows("select count(*) from consumer where email = ?", email))
                .as("the account is in PostgreSQL").isEqualTo(1);
        logIn(consumer, consumerWait, PORTAL, "email", email, PASSWORD, "applications-nav");

        // Searches the catalog as they type (HTMX), and reads an operation.
        consumer.findElement(By.id("catalog-nav")).click();
        consumerWait.until(ExpectedConditions.textToBe(By.id("result-count"), "3 APIs"));
        consumer.findElement(By.id("q")).sendKeys("pets");
        consumerWait.until(ExpectedConditions.textToBe(By.id("result-count"), "1 of 3 APIs"));
        assertThat(consumer.getCurrentUrl()).as("the address follows the search").contains("q=pets");
        assertThat(consumer.findElements(By.cssSelector(".api-name"))).extracting(WebElement::getText)
                .containsExactly("Petstore");
        shoot(consumer, "catalog-search");
        consumer.findElement(By.linkText("Petstore")).click();
        consumerWait.until(ExpectedConditions.textToBe(By.id("api-title"), "Petstore"));
        consumerWait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("List all pets"))).click();
        consumerWait.until(ExpectedConditions.textToBe(By.id("operation-path"), "/pets"));
        assertThat(consumer.findElement(By.id("try-it-no-key")).getText()).contains("no key for it yet");
        shoot(consumer, "operation");

        // Creates an application and subscribes it to the MANUAL plan: the request waits.
        consumer.findElement(By.id("applications-nav")).click();
        consumerWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("application-form")));
        String application = "Journey App " + UUID.randomUUID().toString().substring(0, 4);
        consumer.findElement(By.id("name")).sendKeys(application);
        consumer.findElement(By.id("description")).sendKeys("Shows pets to adopt.");
        consumer.findElement(By.id("application-submit")).click();
        consumerWait.until(ExpectedConditions.textToBe(By.id("application-name"), application));
        assertThat(consumer.findElement(By.id("no-subscriptions")).getText()).contains("No subscriptions yet");
        shoot(consumer, "application-created");
        consumer.findElement(By.id("catalog-nav")).click();
        consumerWait.until(ExpectedConditions.elementToBeClickable(By.linkText("Petstore"))).click();
        consumerWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("subscribe-form")));
        consumer.findElement(By.xpath("//form[@id='subscribe-form']//label[span='" + PLAN + "']/input")).click();
        new Select(consumer.findElement(By.id("applicationId"))).selectByVisibleText(application);
        consumer.findElement(By.id("justification")).sendKeys("A pet adoption site.");
        scrollTo(consumer, consumer.findElement(By.id("subscribe-form")));
        shoot(consumer, "subscribe");
        consumer.findElement(By.id("subscribe-submit")).click();
        consumerWait.until(ExpectedConditions.textToBe(By.cssSelector(".subscription-status"), "PENDING"));
        ((JavascriptExecutor) consumer).executeScript("window.notReloaded = true");
        shoot(consumer, "subscription-pending");

        // The admin approves it in the queue, in the other browser.
        admin.findElement(By.id("nav-subscriptions")).click();
        WebElement request = queueRow(adminWait, application);
        assertThat(request.getText()).contains(PLAN, email, "PENDING");
        scrollTo(admin, admin.findElement(By.id("bulk-form")));
        shoot(admin, "approval-queue");
        request.findElement(By.cssSelector("button[id^='approve-']")).click();
        adminWait.until(driver -> queueRow(adminWait, application).getText().contains("APPROVED"));
        scrollTo(admin, admin.findElement(By.id("bulk-form")));
        shoot(admin, "approved");

        // The consumer's page turns APPROVED by itself and shows the key once; they copy it from the page.
        consumerWait.until(ExpectedConditions.textToBe(By.cssSelector(".subscription-status"), "APPROVED"));
        String key = consumerWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-key"))).getText();
        assertThat(((JavascriptExecutor) consumer).executeScript("return window.notReloaded")).isEqualTo(true);
        assertThat(key).startsWith("gth_");
        scrollTo(consumer, consumer.findElement(By.id("subscriptions")));
        shoot(consumer, "key-shown-once");

        // Try it on the operation page, with the key pasted.
        consumer.findElement(By.linkText("Petstore")).click();
        consumerWait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("List all pets"))).click();
        assertThat(consumerWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("try-it-keys"))).getText())
                .contains(application);
        consumer.findElement(By.id("try-api-key")).sendKeys(key);
        String tryIt = tryIt(consumer, consumerWait);
        assertThat(tryIt).isEqualTo("200 OK");
        assertThat(consumer.findElement(By.id("try-it-headers")).getText()).containsIgnoringCase("RateLimit-Policy");
        assertThat(consumer.findElement(By.id("try-it-body")).getText()).contains("\"name\"");
        assertThat(consumer.findElement(By.id("try-it-curl")).getText()).contains("$API_KEY").doesNotContain(key);
        scrollTo(consumer, consumer.findElement(By.cssSelector("label[for='try-api-key']")));
        shoot(consumer, "try-it");

        // A plain HTTP client: 200, then calls until the plan's rate is exceeded.
        assertThat(call(key).statusCode()).isEqualTo(200);
        HttpResponse<String> limited = null;
        for (int i = 0; i < 50 && limited == null; i++) {
            HttpResponse<String> response = call(key);
            if (response.statusCode() == 429) {
                limited = response;
            }
        }
        assertThat(limited).as("the plan's rate was exceeded within 50 calls").isNotNull();
        assertThat(limited.body()).contains("rate-limited");
        assertThat(limited.headers().firstValue("Retry-After").map(Integer::valueOf).orElseThrow()).isBetween(1, 2);
        assertThat(gatewayHealth()).contains("\"redis\":\"UP\"");
        assertThat(bypassedRedis()).as("no call was counted outside Redis").isZero();

        // The product owner's dashboard (the admin UI browser, after the admin logs out) counts every answer.
        admin.findElement(By.id("logout")).click();
        logIn(admin, adminWait, ADMIN, "username", DemoContent.OWNER_USERNAME, DemoContent.OWNER_PASSWORD, "welcome");
        admin.get(ADMIN + "/analytics?range=1h");
        awaitFigure(admin, "total-calls", answers.size());
        assertThat(text(admin, "total-4xx")).isEqualTo(String.valueOf(count(status -> status / 100 == 4)));
        assertThat(admin.findElement(By.cssSelector("tr[data-reason='rate-limited'] .calls")).getText())
                .isEqualTo(String.valueOf(count(status -> status == 429)));
        assertThat(admin.findElement(By.id("main")).getText()).contains(application);
        scrollTo(admin, admin.findElement(By.id("range-text")));
        shoot(admin, "owner-dashboard");

        // My usage counts the same calls (401s excepted: the gateway could not tell whose they were).
        consumer.findElement(By.id("usage-nav")).click();
        awaitFigure(consumer, "total-calls", count(status -> status != 401));
        assertThat(text(consumer, "total-rate-limited")).isEqualTo(String.valueOf(count(status -> status == 429)));
        assertThat(text(consumer, "total-errors"))
                .isEqualTo(String.valueOf(count(status -> status >= 400 && status != 401)));
        assertThat(consumer.findElement(By.cssSelector("#quota-table tbody tr .used")).getText())
                .startsWith(count(status -> status == 200) + " of ");
        shoot(consumer, "my-usage");

        // Rotation: a new key shown once, and both keys work during the overlap.
        consumer.findElement(By.id("applications-nav")).click();
        consumerWait.until(ExpectedConditions.elementToBeClickable(By.linkText(application))).click();
        consumerWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rotate-form")));
        assertThat(new Select(consumer.findElement(By.id("overlapHours"))).getFirstSelectedOption().getText())
                .isEqualTo("24 hours");
        consumer.findElement(By.id("rotate-submit")).click();
        String newKey = consumerWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-key"))).getText();
        assertThat(newKey).startsWith("gth_").isNotEqualTo(key);
        assertThat(consumer.findElements(By.cssSelector(".key-row"))).hasSize(2);
        scrollTo(consumer, consumer.findElement(By.id("new-key-panel")));
        shoot(consumer, "key-rotated");
        assertThat(firstAccepted(newKey).statusCode()).as("the new key").isEqualTo(200);
        assertThat(call(key).statusCode()).as("the old key, during the overlap").isEqualTo(200);

        // Revoking the old key stops it at the gateway within a second of the click.
        ParsedApiKey old = ApiKeyFormat.parse(key);
        WebElement oldRow = consumer.findElement(By.xpath("//tr[contains(@class, 'key-row')][.//code[text()='"
                + ApiKeyFormat.masked(old.keyId(), old.lastFour()) + "']]"));
        long clicked = System.nanoTime();
        oldRow.findElement(By.cssSelector(".revoke-form button")).click();
        // Revoking cannot be undone, so the page asks first.
        consumerWait.until(ExpectedConditions.alertIsPresent()).accept();
        int status = 200;
        while (status != 401 && System.nanoTime() - clicked < Duration.ofSeconds(3).toNanos()) {
            status = call(key).statusCode();
        }
        long refusedAfter = Duration.ofNanos(System.nanoTime() - clicked).toMillis();
        assertThat(status).isEqualTo(401);
        assertThat(refusedAfter).as("milliseconds from the click to the first 401").isLessThan(1000);
        System.out.println("Journey: the gateway answered " + answers + "; the revoked key got 401 " + refusedAfter
                + " ms after the click");
        consumerWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("revoked")));
        assertThat(consumer.findElements(By.cssSelector(".key-status"))).extracting(WebElement::getText)
                .containsExactlyInAnyOrder("ACTIVE", "REVOKED");
        scrollTo(consumer, consumer.findElement(By.id("subscriptions")));
        shoot(consumer, "key-revoked");
        assertThat(withRoom(newKey).statusCode()).as("the new key after the revocation").isEqualTo(200);
    }

    // --- the browsers ---

    private static void logIn(WebDriver driver, Wait<WebDriver> wait, String base, String field, String user,
            String password, String landmark) {
        driver.get(base + "/login");
        driver.findElement(By.id(field)).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(landmark)));
    }

    private static WebElement queueRow(Wait<WebDriver> wait, String application) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//tbody[@id='subscription-rows']/tr[contains(., '" + application + "')]")));
    }

    /**
     * Sends the Try it form and returns the status line it shows. A key approved a moment ago reaches the gateway
     * with its next snapshot (within a second), so a 401 is sent again, briefly; every answer is counted.
     */
    private static String tryIt(WebDriver consumer, Wait<WebDriver> wait) {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        String status;
        do {
            List<WebElement> previous = consumer.findElements(By.id("try-it-status"));
            consumer.findElement(By.id("try-it-send")).click();
            if (!previous.isEmpty()) {
                wait.until(ExpectedConditions.stalenessOf(previous.get(0)));
            }
            status = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("try-it-status"))).getText();
            answers.add(Integer.valueOf(status.substring(0, 3)));
        } while (status.startsWith("401") && System.nanoTime() < deadline && parked(Duration.ofMillis(200)));
        return status;
    }

    private static void awaitFigure(WebDriver driver, String id, long expected) {
        // The gateway writes its calls every 200 ms and the admin UI rolls them up every 2 s.
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!text(driver, id).equals(String.valueOf(expected)) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
            driver.navigate().refresh();
        }
        assertThat(text(driver, id)).as("#" + id + " once the figures caught up").isEqualTo(String.valueOf(expected));
    }

    private static String text(WebDriver driver, String id) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id(id))).getText();
    }

    private static void scrollTo(WebDriver driver, WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'})", element);
    }

    /** Saves what the browser shows as the next numbered PNG. */
    private static void shoot(WebDriver driver, String step) throws IOException {
        Path file = SCREENSHOTS.resolve(String.format("%02d-%s.png", ++shots, step));
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    // --- the gateway ---

    /** One call with a plain HTTP client, counted with what the gateway answered. */
    private static HttpResponse<String> call(String key) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + GATEWAY_PORT
                + CALL_PATH)).header("X-API-Key", key).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        answers.add(response.statusCode());
        return response;
    }

    /** A key issued a moment ago reaches the gateway with its next snapshot: call until it is known (about 1 s). */
    private static HttpResponse<String> firstAccepted(String key) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        HttpResponse<String> response = call(key);
        while (response.statusCode() == 401 && System.nanoTime() < deadline) {
            parked(Duration.ofMillis(100));
            response = call(key);
        }
        return response;
    }

    /** Calls as a well-behaved client does: after a 429, once more when its Retry-After has passed. */
    private static HttpResponse<String> withRoom(String key) throws Exception {
        HttpResponse<String> response = call(key);
        if (response.statusCode() == 429) {
            long seconds = response.headers().firstValue("Retry-After").map(Long::valueOf).orElseThrow();
            LockSupport.parkNanos(Duration.ofSeconds(Math.min(seconds, 2)).toNanos());
            response = call(key);
        }
        return response;
    }

    private static String gatewayHealth() throws Exception {
        return get("http://localhost:" + MANAGEMENT_PORT + "/health");
    }

    private static double bypassedRedis() throws Exception {
        Matcher bypassed = BYPASSED.matcher(get("http://localhost:" + MANAGEMENT_PORT + "/metrics"));
        assertThat(bypassed.find()).as("the bypass counter is published").isTrue();
        return Double.parseDouble(bypassed.group(1));
    }

    private static String get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static long count(IntPredicate which) {
        return answers.stream().mapToInt(Integer::intValue).filter(which).count();
    }

    private static boolean parked(Duration duration) {
        LockSupport.parkNanos(duration.toNanos());
        return true;
    }

    private static int countRows(String sql, String parameter) throws Exception {
        try (Connection connection = DriverManager.getConnection(schema.jdbcUrl(), PostgresSchema.USER,
                PostgresSchema.PASSWORD); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
