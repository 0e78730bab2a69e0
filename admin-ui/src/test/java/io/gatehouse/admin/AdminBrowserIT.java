package io.gatehouse.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.gatehouse.admin.demo.DemoContent;
import io.gatehouse.testsupport.Browser;
import io.gatehouse.testsupport.Browsers;

/** Admins and product owners log in, see the dashboard their role allows, and log out, in headless Chromium. */
@AdminTest
class AdminBrowserIT {

    @RegisterExtension
    static final Browser chromium = new Browser();
    WebDriver browser;

    @LocalServerPort
    int port;

    @BeforeEach
    void freshSession() {
        browser = chromium.driver();
    }

    @Test
    void anAdminLogsInSeesEveryApiAndLogsOut() {
        logIn(DemoContent.ADMIN_USERNAME, DemoContent.ADMIN_PASSWORD);

        assertThat(browser.findElement(By.id("welcome")).getText()).isEqualTo("Welcome, Ada Admin");
        assertThat(browser.findElement(By.id("published-count")).getText()).isEqualTo("3");
        assertThat(browser.findElement(By.id("pending-count")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("consumer-count")).getText()).isEqualTo("1");
        assertThat(apiNames()).containsExactly("Exchange Rates", "Petstore", "Weather Forecast");
        assertThat(((JavascriptExecutor) browser).executeScript("return typeof htmx")).isEqualTo("object");
        assertThat(Browsers.severeConsoleMessages(browser)).isEmpty();

        browser.findElement(By.id("logout")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("logged-out")));
        browser.get("http://localhost:" + port + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
    }

    @Test
    void aProductOwnerSeesOnlyTheApisTheyOwn() {
        logIn(DemoContent.OWNER_USERNAME, DemoContent.OWNER_PASSWORD);
        assertThat(browser.findElement(By.id("welcome")).getText()).isEqualTo("Welcome, Olive Owner");
        assertThat(apiNames()).containsExactly("Petstore", "Weather Forecast");
    }

    private void logIn(String username, String password) {
        browser.get("http://localhost:" + port + "/");
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
    }

    private java.util.List<String> apiNames() {
        return browser.findElements(By.cssSelector("#api-list tbody tr td:first-child")).stream()
                .map(WebElement::getText).toList();
    }
}
