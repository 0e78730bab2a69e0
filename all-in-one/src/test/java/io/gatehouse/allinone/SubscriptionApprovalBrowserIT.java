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
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.Wait;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.gatehouse.testsupport.Browser;

/**
 * Two people, two browsers, one platform: a consumer subscribes to a MANUAL plan in the portal and waits; an admin
 * approves in the admin UI; the consumer's page turns APPROVED and shows the key once, without a reload, and the
 * key works at the gateway. A rejection's reason reaches the consumer, and a bulk approval decides several rows.
 */
class SubscriptionApprovalBrowserIT {

    private static final int PORTAL_PORT = JarProcess.freePort();
    private static final int ADMIN_PORT = JarProcess.freePort();
    private static final int GATEWAY_PORT = JarProcess.freePort();
    private static final String PASSWORD = "a long enough password";

    @RegisterExtension
    static final Browser consumerBrowser = new Browser();
    @RegisterExtension
    static final Browser adminBrowser = new Browser();

    static JarProcess platform;

    @BeforeAll
    static void start() throws Exception {
        platform = new JarProcess(Path.of("target", "gatehouse-all-in-one.jar").toAbsolutePath(),
                Files.createTempDirectory("gatehouse-journey-"),
                Path.of("target", "subscription-approval-browser-it.log").toAbsolutePath(), Map.of(
                        "GATEHOUSE_PORTAL_PORT", String.valueOf(PORTAL_PORT),
                        "GATEHOUSE_ADMIN_PORT", String.valueOf(ADMIN_PORT),
                        "GATEHOUSE_GATEWAY_PORT", String.valueOf(GATEWAY_PORT),
                        "GATEHOUSE_GATEWAY_MANAGEMENT_PORT", String.valueOf(JarProcess.freePort())), List.of());
        platform.start("Stop with Ctrl+C", Duration.ofSeconds(180));
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void anAdminDecidesInOneBrowserAndTheConsumerSeesItLiveInTheOther() throws Exception {
        WebDriver consumer = consumerBrowser.driver();
        WebDriver admin = adminBrowser.driver();
        // HTMX swaps rows and fragments in place: an element read a moment ago may be gone, so look again.
        Wait<WebDriver> consumerWait = new WebDriverWait(consumer, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class);
        Wait<WebDriver> adminWait = new WebDriverWait(admin, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class);

        signUpAndLogIn(consumer, consumerWait);
        String approvedApp = createApplication(consumer, consumerWait);
        subscribeToExchangeRates(consumer, consumerWait, approvedApp);
        consumerWait.until(ExpectedConditions.textToBe(By.cssSelector(".subscription-status"), "PENDING"));
        ((JavascriptExecutor) consumer).executeScript("window.notReloaded = true");

        logIntoAdmin(admin, adminWait);
        admin.get("http://localhost:" + ADMIN_PORT + "/subscriptions");
        row(admin, adminWait, approvedApp).findElement(By.cssSelector("button[id^='approve-']")).click();
        adminWait.until(driver -> row(admin, adminWait, approvedApp).getText().contains("APPROVED"));

        consumerWait.until(ExpectedConditions.textToBe(By.cssSelector(".subscription-status"), "APPROVED"));
        String key = consumerWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-key"))).getText();
        assertThat(((JavascriptExecutor) consumer).executeScript("return window.notReloaded")).isEqualTo(true);
        // The key was issued a moment ago: it reaches the gateway with the next snapshot, within a second.
        HttpRequest withKey = HttpRequest.newBuilder(URI.create("http://localhost:" + GATEWAY_PORT + "/rates/v1/latest"))
                .header("X-API-Key", key).build();
        HttpResponse<String> call = HttpClient.newHttpClient().send(withKey, HttpResponse.BodyHandlers.ofString());
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (call.statusCode() == 401 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            call = HttpClient.newHttpClient().send(withKey, HttpResponse.BodyHandlers.ofString());
        }
        assertThat(call.statusCode()).isEqualTo(200);
        assertThat(call.body()).contains("\"base\"");
        consumer.navigate().refresh();
        consumerWait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".key-masked")));
        assertThat(consumer.getPageSource()).doesNotContain(key);

        String rejectedApp = createApplication(consumer, consumerWait);
        subscribeToExchangeRates(consumer, consumerWait, rejectedApp);
        admin.get("http://localhost:" + ADMIN_PORT + "/subscriptions");
        WebElement pending = row(admin, adminWait, rejectedApp);
        pending.findElement(By.cssSelector("input[id^='reason-']")).sendKeys("Partners only, sorry.");
        pending.findElement(By.cssSelector("button[id^='reject-']")).click();
        adminWait.until(driver -> row(admin, adminWait, rejectedApp).getText().contains("REJECTED"));
        consumerWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("subscription-table"),
                "Partners only, sorry."));

        String first = createApplication(consumer, consumerWait);
        subscribeToExchangeRates(consumer, consumerWait, first);
        String second = createApplication(consumer, consumerWait);
        subscribeToExchangeRates(consumer, consumerWait, second);
        admin.get("http://localhost:" + ADMIN_PORT + "/subscriptions");
        row(admin, adminWait, first).findElement(By.cssSelector("input[name='ids']")).click();
        row(admin, adminWait, second).findElement(By.cssSelector("input[name='ids']")).click();
        admin.findElement(By.id("bulk-approve")).click();
        adminWait.until(driver -> driver.findElements(By.xpath("//tr[contains(., '" + first + "')]")).isEmpty()
                && driver.findElements(By.xpath("//tr[contains(., '" + second + "')]")).isEmpty());
        consumerWait.until(ExpectedConditions.textToBe(By.cssSelector(".subscription-status"), "APPROVED"));
    }

    private static WebElement row(WebDriver driver, Wait<WebDriver> wait, String application) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//tbody[@id='subscription-rows']/tr[contains(., '" + application + "')]")));
    }

    private static void logIntoAdmin(WebDriver admin, Wait<WebDriver> wait) {
        admin.get("http://localhost:" + ADMIN_PORT + "/login");
        admin.findElement(By.id("username")).sendKeys("admin");
        admin.findElement(By.id("password")).sendKeys("gatehouse-admin");
        admin.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
    }

    private static void signUpAndLogIn(WebDriver consumer, Wait<WebDriver> wait) {
        String email = "journey-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        consumer.get("http://localhost:" + PORTAL_PORT + "/signup");
        consumer.findElement(By.id("email")).sendKeys(email);
        consumer.findElement(By.id("displayName")).sendKeys("Journey Consumer");
        consumer.findElement(By.id("password")).sendKeys(PASSWORD);
        consumer.findElement(By.id("signup-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-up")));
        consumer.findElement(By.id("email")).sendKeys(email);
        consumer.findElement(By.id("password")).sendKeys(PASSWORD);
        consumer.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("applications-nav")));
    }

    private static String createApplication(WebDriver consumer, Wait<WebDriver> wait) {
        String name = "Journey " + UUID.randomUUID().toString().substring(0, 8);
        consumer.get("http://localhost:" + PORTAL_PORT + "/applications");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("application-form")));
        consumer.findElement(By.id("name")).sendKeys(name);
        consumer.findElement(By.id("application-submit")).click();
        wait.until(ExpectedConditions.textToBe(By.id("application-name"), name));
        return name;
    }

    private static void subscribeToExchangeRates(WebDriver consumer, Wait<WebDriver> wait, String application) {
        consumer.get("http://localhost:" + PORTAL_PORT + "/apis");
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Exchange Rates"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("subscribe-form")));
        consumer.findElement(By.cssSelector("input[name='planId']")).click();
        new Select(consumer.findElement(By.id("applicationId"))).selectByVisibleText(application);
        consumer.findElement(By.id("justification")).sendKeys("We show exchange rates in our travel app.");
        consumer.findElement(By.id("subscribe-submit")).click();
        wait.until(ExpectedConditions.textToBe(By.id("application-name"), application));
    }
}
