package io.gatehouse.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.gatehouse.testsupport.Browser;
import io.gatehouse.testsupport.WebSession;

/**
 * The Quick start as a newcomer lives it: the all-in-one jar starts with demo content, the printed curl command
 * answers with the example, the printed logins work in a browser, and data survives a restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AllInOneIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern CURL = Pattern.compile("curl -H '([^:]+): ([^']+)' (\\S+)");
    private static final Pattern LOGIN = Pattern.compile("demo logins?: (\\S+) / (\\S+)");

    static final int PORTAL_PORT = JarProcess.freePort();
    static final int ADMIN_PORT = JarProcess.freePort();
    static final int GATEWAY_PORT = JarProcess.freePort();
    static final int MANAGEMENT_PORT = JarProcess.freePort();

    static JarProcess launcher;
    static String banner;
    @RegisterExtension
    static final Browser chromium = new Browser();

    @BeforeAll
    static void start() throws Exception {
        Path workDir = Files.createTempDirectory("gatehouse-all-in-one-");
        Files.createDirectories(Path.of("target"));
        launcher = new JarProcess(Path.of("target", "gatehouse-all-in-one.jar").toAbsolutePath(), workDir,
                Path.of("target", "all-in-one-it.log").toAbsolutePath(), Map.of(
                        "GATEHOUSE_PORTAL_PORT", String.valueOf(PORTAL_PORT),
                        "GATEHOUSE_ADMIN_PORT", String.valueOf(ADMIN_PORT),
                        "GATEHOUSE_GATEWAY_PORT", String.valueOf(GATEWAY_PORT),
                        "GATEHOUSE_GATEWAY_MANAGEMENT_PORT", String.valueOf(MANAGEMENT_PORT)), List.of());
        banner = startLauncher();
    }

    @AfterAll
    static void stop() {
        launcher.close();
    }

    @Test
    @Order(1)
    void theBannerNamesTheThreeUrlsTheLoginsAndTheKey() {
        assertThat(banner).contains("Developer portal  http://localhost:" + PORTAL_PORT,
                "Admin UI          http://localhost:" + ADMIN_PORT,
                "Gateway           http://localhost:" + GATEWAY_PORT,
                "Demo API key      gth_");
    }

    @Test
    @Order(2)
    void thePrintedCurlCommandCallsTheDemoApiAndWithoutTheKeyIsRefused() throws Exception {
        Matcher curl = CURL.matcher(banner);
        assertThat(curl.find()).as(banner).isTrue();
        HttpResponse<String> withKey = HTTP.send(HttpRequest.newBuilder(URI.create(curl.group(3)))
                .header(curl.group(1), curl.group(2)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withKey.statusCode()).isEqualTo(200);
        assertThat(withKey.body()).contains("\"name\" : \"Rex\"");

        HttpResponse<String> withoutKey = HTTP.send(HttpRequest.newBuilder(URI.create(curl.group(3))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withoutKey.statusCode()).isEqualTo(401);
        assertThat(withoutKey.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(withoutKey.body()).contains("urn:gatehouse:problem:api-key-missing");
    }

    @Test
    @Order(3)
    void thePrintedLoginsWorkInABrowserOnBothUserInterfaces() {
        Matcher logins = LOGIN.matcher(banner);
        assertThat(logins.find()).isTrue();
        logIn("http://localhost:" + PORTAL_PORT, "email", logins.group(1), logins.group(2));
        assertThat(chromium.driver().findElement(By.id("welcome")).getText()).isEqualTo("Welcome, Dana Developer");

        assertThat(logins.find()).isTrue();
        logIn("http://localhost:" + ADMIN_PORT, "username", logins.group(1), logins.group(2));
        assertThat(chromium.driver().findElement(By.id("welcome")).getText()).isEqualTo("Welcome, Ada Admin");
        assertThat(chromium.driver().findElement(By.id("published-count")).getText()).isEqualTo("3");
    }

    @Test
    @Order(4)
    void healthAndMetricsAnswerOnAllThree() throws Exception {
        assertThat(get("http://localhost:" + MANAGEMENT_PORT + "/").body()).contains("\"status\":\"UP\"");
        assertThat(get("http://localhost:" + MANAGEMENT_PORT + "/metrics").body())
                .contains("gatehouse_gateway_requests_total");
        assertThat(get("http://localhost:" + PORTAL_PORT + "/actuator/prometheus").body())
                .contains("application=\"gatehouse-portal\"");
        assertThat(get("http://localhost:" + ADMIN_PORT + "/actuator/health").body())
                .contains("\"status\":\"UP\"");
    }

    @Test
    @Order(5)
    void dataSurvivesARestartAndTheDemoIsNotSeededTwice() throws Exception {
        String portal = "http://localhost:" + PORTAL_PORT;
        WebSession signup = new WebSession(portal);
        signup.submit("/signup", "/signup", Map.of("email", "newcomer@example.com", "displayName", "New Comer",
                "password", "a long enough password"));

        assertThat(launcher.stop()).isIn(0, 130, 143);
        banner = startLauncher();

        WebSession again = new WebSession(portal);
        var login = again.submit("/login", "/login",
                Map.of("email", "newcomer@example.com", "password", "a long enough password"));
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/");
        assertThat(again.get("/").body()).contains("Welcome, New Comer");

        logIn("http://localhost:" + ADMIN_PORT, "username", "admin", "gatehouse-admin");
        assertThat(chromium.driver().findElement(By.id("published-count")).getText()).isEqualTo("3");
        assertThat(chromium.driver().findElement(By.id("consumer-count")).getText()).isEqualTo("2");
        thePrintedCurlCommandCallsTheDemoApiAndWithoutTheKeyIsRefused();
    }

    private static String startLauncher() throws Exception {
        String output = launcher.start("Stop with Ctrl+C", Duration.ofSeconds(180));
        return output.substring(output.lastIndexOf("Gatehouse is running"));
    }

    private static void logIn(String base, String userField, String user, String password) {
        WebDriver browser = chromium.driver();
        browser.manage().deleteAllCookies();
        browser.get(base + "/login");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        browser.findElement(By.id(userField)).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
