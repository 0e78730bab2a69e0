package io.gatehouse.portal.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.gatehouse.core.apikey.ApiKey;
import io.gatehouse.core.apikey.ApiKeyFormat;
import io.gatehouse.core.apikey.ApiKeyRepository;
import io.gatehouse.core.application.Application;
import io.gatehouse.core.application.ApplicationRepository;
import io.gatehouse.core.audit.Actor;
import io.gatehouse.core.catalog.CatalogService;
import io.gatehouse.core.consumer.ConsumerRepository;
import io.gatehouse.core.subscription.Subscription;
import io.gatehouse.core.subscription.SubscriptionRepository;
import io.gatehouse.core.subscription.SubscriptionService;
import io.gatehouse.portal.PortalTest;
import io.gatehouse.testsupport.Browser;
import io.gatehouse.testsupport.Browsers;

/**
 * In Chromium: sign up, create an application, subscribe to a MANUAL plan and see it PENDING; an admin's approval
 * (through the core, as the admin UI is another application) turns it APPROVED with the key shown, without a
 * reload; a reload shows only the masked key; a rejection shows its reason.
 */
@PortalTest
class ApplicationBrowserIT {

    @RegisterExtension
    static final Browser chromium = new Browser();
    WebDriver browser;
    WebDriverWait wait;

    @LocalServerPort
    int port;
    @Autowired
    CatalogService catalog;
    @Autowired
    ConsumerRepository consumers;
    @Autowired
    ApplicationRepository applications;
    @Autowired
    SubscriptionService subscriptionService;
    @Autowired
    SubscriptionRepository subscriptions;
    @Autowired
    ApiKeyRepository keys;

    @Autowired
    SelfServiceFixture fixture;

    @BeforeEach
    void setUp() {
        browser = chromium.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void aConsumerSubscribesSeesTheApprovalAndTheKeyWithoutAReloadAndThenARejectionWithItsReason() {
        SelfServiceFixture.Offer offer = fixture.offer();
        SelfServiceFixture.Offer strict = fixture.offer();
        String email = "browser-" + SelfServiceFixture.unique() + "@example.com";

        browser.get(url("/signup"));
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("displayName")).sendKeys("Browser Consumer");
        browser.findElement(By.id("password")).sendKeys(SelfServiceFixture.PASSWORD);
        browser.findElement(By.id("signup-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-up")));
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(SelfServiceFixture.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("applications-nav"))).click();

        String appName = "Browser app " + SelfServiceFixture.unique();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("application-form")));
        browser.findElement(By.id("name")).sendKeys(appName);
        browser.findElement(By.id("application-submit")).click();
        wait.until(ExpectedConditions.textToBe(By.id("application-name"), appName));
        long consumerId = consumers.findByEmailIgnoringCase(email).orElseThrow().getId();
        Application app = applications.findByConsumerIdOrderByNameAsc(consumerId).get(0);

        subscribe(offer, app);
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".subscription-status"), "PENDING"));
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true");

        Subscription pending = subscriptions.findByApplicationIdOrderByRequestedAtDesc(app.getId()).get(0);
        subscriptionService.approve(pending.getId(), Actor.admin("admin", "127.0.0.1"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".subscription-status"), "APPROVED"));
        String shown = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-key"))).getText();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded")).isEqualTo(true);
        ApiKey key = keys.findByApplicationIdOrderByCreatedAtDesc(app.getId()).get(0);
        assertThat(shown).startsWith("gth_").endsWith(key.getLastFour()).hasSize(ApiKeyFormat.LENGTH);
        assertThat(browser.findElement(By.id("copy-key")).isDisplayed()).isTrue();

        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".key-masked")));
        assertThat(browser.findElements(By.id("new-key"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector(".key-masked")).getText()).isEqualTo(key.masked())
                .endsWith(key.getLastFour()).doesNotContain(shown);
        assertThat(browser.getPageSource()).doesNotContain(shown);

        subscribe(strict, app);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("subscription-table"), "PENDING"));
        Subscription second = subscriptions.findByApplicationIdOrderByRequestedAtDesc(app.getId()).get(0);
        subscriptionService.reject(second.getId(), "Only for partners, sorry.", Actor.admin("admin", "127.0.0.1"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("subscription-table"),
                "Only for partners, sorry."));
        assertThat(browser.findElement(By.id("subscription-table")).getText()).contains("REJECTED");
        assertThat(Browsers.severeConsoleMessages(browser)).isEmpty();
    }

    private void subscribe(SelfServiceFixture.Offer offer, Application app) {
        browser.get(url("/apis/" + offer.api().getId()));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("subscribe-form")));
        browser.findElement(By.cssSelector("input[name='planId'][value='" + offer.manual().getId() + "']")).click();
        new Select(browser.findElement(By.id("applicationId"))).selectByValue(app.getId().toString());
        browser.findElement(By.id("subscribe-submit")).click();
        wait.until(ExpectedConditions.urlContains("/applications/" + app.getId()));
    }
}
