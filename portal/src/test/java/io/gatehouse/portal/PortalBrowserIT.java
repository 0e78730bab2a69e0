package io.gatehouse.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.gatehouse.core.account.AccountService;
import io.gatehouse.core.consumer.ConsumerRepository;
import io.gatehouse.testsupport.Browser;
import io.gatehouse.testsupport.Browsers;

/** A consumer logs in, sees the home page with htmx loaded under the CSP, and logs out, in headless Chromium. */
@PortalTest
class PortalBrowserIT {

    @RegisterExtension
    static final Browser chromium = new Browser();
    WebDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    ConsumerRepository consumers;

    @BeforeEach
    void freshSession() {
        PortalFixture.ensureConsumer(accounts, consumers);
        browser = chromium.driver();
    }

    @Test
    void aConsumerLogsInSeesTheHomePageAndLogsOut() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.get("http://localhost:" + port + "/");
        browser.findElement(By.id("login-link")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));

        browser.findElement(By.id("email")).sendKeys(PortalFixture.EMAIL);
        browser.findElement(By.id("password")).sendKeys(PortalFixture.PASSWORD);
        browser.findElement(By.id("login-submit")).click();

        wait.until(ExpectedConditions.textToBe(By.id("welcome"), "Welcome, " + PortalFixture.NAME));
        assertThat(browser.findElement(By.id("signed-in-as")).getText()).isEqualTo(PortalFixture.EMAIL);
        assertThat(((JavascriptExecutor) browser).executeScript("return typeof htmx")).isEqualTo("object");
        assertThat(Browsers.severeConsoleMessages(browser)).isEmpty();

        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("logged-out")));
        assertThat(browser.findElement(By.id("login-link")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.id("signed-in-as"))).isEmpty();
    }

    @Test
    void aWrongPasswordKeepsTheConsumerOutWithAMessage() {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("email")).sendKeys(PortalFixture.EMAIL);
        browser.findElement(By.id("password")).sendKeys("not the password");
        browser.findElement(By.id("login-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertThat(browser.findElements(By.id("signed-in-as"))).isEmpty();
    }
}
