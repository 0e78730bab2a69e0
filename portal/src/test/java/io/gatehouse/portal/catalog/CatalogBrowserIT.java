package io.gatehouse.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.gatehouse.core.catalog.Api;
import io.gatehouse.core.catalog.CatalogService;
import io.gatehouse.core.plan.PlanService;
import io.gatehouse.portal.PortalTest;
import io.gatehouse.testsupport.Browser;
import io.gatehouse.testsupport.Browsers;
import io.gatehouse.testsupport.WebSession;

/**
 * A visitor, not logged in, narrows the catalog as they type and by tag (htmx swaps the rows, the page stays),
 * opens an API and one of its operations, and finds the document to download, in headless Chromium.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogBrowserIT {

    @RegisterExtension
    static final Browser chromium = new Browser();

    @LocalServerPort
    int port;
    @Autowired
    CatalogService catalogService;
    @Autowired
    PlanService planService;

    WebDriver browser;
    WebDriverWait wait;
    Api tracker;
    String trackerDocument;

    @BeforeAll
    void catalog() {
        CatalogFixture fixture = new CatalogFixture(catalogService, planService);
        trackerDocument = CatalogFixture.document("Narwhal Tracker", "Where the narwhals are.", "oceans",
                "/narwhals/{narwhalId}", "Track one narwhal");
        tracker = fixture.publish(trackerDocument);
        fixture.publish(CatalogFixture.document("Narwhal Archive", "Sightings of old.", "archives", "/sightings",
                "List narwhal sightings"));
        fixture.publish(CatalogFixture.document("Otter Watch", "Otters, live.", "oceans", "/otters",
                "Watch the otters"));
    }

    @BeforeEach
    void freshBrowser() {
        browser = chromium.driver();
        Browsers.severeConsoleMessages(browser); // read and forget what earlier tests left in the console
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @Test
    void aVisitorSearchesFiltersOpensAnApiAndAnOperationAndFindsTheDocument() {
        browser.get(base() + "/apis");
        assertThat(apiNames()).contains("Narwhal Tracker", "Narwhal Archive", "Otter Watch");
        // Set a marker on this page: if search reloaded the page instead of swapping rows, it would be gone.
        js().executeScript("window.__samePage = true");

        browser.findElement(By.id("q")).sendKeys("narwhal");
        wait.until(driver -> apiNames().equals(List.of("Narwhal Archive", "Narwhal Tracker")));
        wait.until(ExpectedConditions.urlContains("q=narwhal"));

        new Select(browser.findElement(By.id("tag"))).selectByValue("oceans");
        wait.until(driver -> apiNames().equals(List.of("Narwhal Tracker")));

        browser.findElement(By.id("q")).sendKeys(" sightings");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-match")));
        assertThat(browser.findElement(By.id("no-match")).getText())
                .contains("No APIs match “narwhal sightings” with the tag “oceans”.");
        assertThat(js().executeScript("return window.__samePage")).isEqualTo(true);

        browser.findElement(By.id("q")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        wait.until(driver -> apiNames().containsAll(List.of("Narwhal Tracker", "Otter Watch"))
                && !apiNames().contains("Narwhal Archive"));

        browser.findElement(By.linkText("Narwhal Tracker")).click();
        wait.until(ExpectedConditions.textToBe(By.id("api-title"), "Narwhal Tracker"));
        WebElement download = browser.findElement(By.id("download-link"));
        String documentUrl = download.getAttribute("href");
        assertThat(documentUrl).isEqualTo(base() + "/apis/" + tracker.getId() + "/document");

        browser.findElement(By.cssSelector("#operations .operation a")).click();
        wait.until(ExpectedConditions.textToBe(By.id("operation-path"), "/narwhals/{narwhalId}"));
        assertThat(browser.findElement(By.id("operation-summary")).getText()).isEqualTo("Track one narwhal");
        assertThat(Browsers.severeConsoleMessages(browser)).isEmpty();

        assertThat(new WebSession(base()).get(documentUrl.substring(base().length())).body()).isEqualTo(trackerDocument);
    }

    private List<String> apiNames() {
        return browser.findElements(By.cssSelector("#api-rows tr.api-row .api-name")).stream()
                .map(WebElement::getText)
                .filter(name -> name.startsWith("Narwhal") || name.startsWith("Otter"))
                .toList();
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) browser;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
