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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

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
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void freshSession() {
        browser = chromium.driver();
    }

    @Test
    void anAdminLogsInSeesEveryApiAndLogsOut() {
        logIn(DemoContent.ADMIN_USERNAME, DemoContent.ADMIN_PASSWORD);

        assertThat(browser.findElement(By.id("welcome")).getText()).isEqualTo("Welcome, Ada Admin");
        assertThat(browser.findElement(By.id("published-count")).getText()).isEqualTo(count(
                "select count(*) from api where lifecycle in ('PUBLISHED', 'DEPRECATED')"));
        assertThat(browser.findElement(By.id("pending-count")).getText()).isEqualTo(count(
                "select count(*) from subscription where status = 'PENDING'"));
        assertThat(browser.findElement(By.id("consumer-count")).getText()).isEqualTo(count(
                "select count(*) from consumer"));
        assertThat(apiNames()).contains("Exchange Rates", "Petstore", "Weather Forecast")
                .hasSize(Integer.parseInt(count("select count(*) from api")));
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
        assertThat(apiNames()).contains("Petstore", "Weather Forecast").doesNotContain("Exchange Rates")
                .containsExactlyInAnyOrderElementsOf(jdbc.queryForList("select a.name from api a join admin_user u"
                        + " on u.id = a.owner_id where u.username = 'owner'", String.class));
    }

    private String count(String sql) {
        return String.valueOf(jdbc.queryForObject(sql, Long.class));
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
        return browser.findElements(By.cssSelector("#api-table tbody tr td:first-child")).stream()
                .map(WebElement::getText).toList();
    }
}
