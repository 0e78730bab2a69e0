package io.gatehouse.admin.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.gatehouse.admin.AdminTest;
import io.gatehouse.admin.demo.DemoContent;
import io.gatehouse.testsupport.Browser;

/** An admin imports APIs in Chromium the way the wizard is meant to be used, and sees a breaking re-import flagged. */
@AdminTest
class ApiImportBrowserIT {

    @RegisterExtension
    static final Browser chromium = new Browser();

    @LocalServerPort
    int port;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void logIn() {
        browser = chromium.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(DemoContent.ADMIN_USERNAME);
        browser.findElement(By.id("password")).sendKeys(DemoContent.ADMIN_PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
    }

    @Test
    void importsAFilePreviewsItAndPublishesIt() throws Exception {
        String title = "Uploaded " + UUID.randomUUID().toString().substring(0, 6);
        Path file = Files.createTempFile("inventory-", ".yaml");
        Files.writeString(file, ImportDocuments.inventory(title, "3.2.1"));

        browser.findElement(By.id("nav-apis")).click();
        browser.findElement(By.id("import-api")).click();
        browser.findElement(By.id("source-file")).click();
        browser.findElement(By.id("file")).sendKeys(file.toString());
        browser.findElement(By.id("preview-submit")).click();

        wait.until(ExpectedConditions.textToBe(By.id("preview-title"), title));
        assertThat(browser.findElement(By.id("preview-version")).getText()).isEqualTo("3.2.1");
        assertThat(browser.findElement(By.id("preview-operation-count")).getText()).isEqualTo("3");
        assertThat(browser.getCurrentUrl()).endsWith("/apis/import");

        confirmAndPublish("/uploaded-" + UUID.randomUUID().toString().substring(0, 6));
        assertThat(browser.findElement(By.id("api-name")).getText()).isEqualTo(title);
    }

    @Test
    void importsPastedTextAndShowsTheReasonsForARefusal() {
        browser.get("http://localhost:" + port + "/apis/import");
        browser.findElement(By.id("source-paste")).click();
        browser.findElement(By.id("text")).sendKeys("openapi: 3.0.3\ninfo: {version: '1'}\npaths: {}\n");
        browser.findElement(By.id("preview-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-problems")));

        String title = "Pasted " + UUID.randomUUID().toString().substring(0, 6);
        browser.findElement(By.id("source-paste")).click();
        browser.findElement(By.id("text")).sendKeys(ImportDocuments.inventory(title, "1.0.0"));
        browser.findElement(By.id("preview-submit")).click();
        wait.until(ExpectedConditions.textToBe(By.id("preview-title"), title));
        confirmAndPublish("/pasted-" + UUID.randomUUID().toString().substring(0, 6));
    }

    @Test
    void importsFromAUrlOnAnAllowListedServer() throws Exception {
        String title = "By URL " + UUID.randomUUID().toString().substring(0, 6);
        try (DocumentServer server = new DocumentServer(ImportDocuments.inventory(title, "2.0.0"))) {
            browser.get("http://localhost:" + port + "/apis/import");
            browser.findElement(By.id("source-url")).click();
            browser.findElement(By.id("url")).sendKeys(server.url());
            browser.findElement(By.id("preview-submit")).click();
            wait.until(ExpectedConditions.textToBe(By.id("preview-title"), title));
        }
        confirmAndPublish("/by-url-" + UUID.randomUUID().toString().substring(0, 6));
    }

    @Test
    void reimportingABreakingVersionFlagsIt() throws Exception {
        String title = "Evolving " + UUID.randomUUID().toString().substring(0, 6);
        Path first = Files.createTempFile("v1-", ".yaml");
        Files.writeString(first, ImportDocuments.inventory(title, "1.0.0"));
        browser.get("http://localhost:" + port + "/apis/import");
        browser.findElement(By.id("file")).sendKeys(first.toString());
        browser.findElement(By.id("preview-submit")).click();
        wait.until(ExpectedConditions.textToBe(By.id("preview-title"), title));
        confirmAndPublish("/evolving-" + UUID.randomUUID().toString().substring(0, 6));

        Path second = Files.createTempFile("v2-", ".yaml");
        Files.writeString(second, ImportDocuments.inventoryBroken(title));
        browser.findElement(By.id("import-version")).click();
        browser.findElement(By.id("file")).sendKeys(second.toString());
        browser.findElement(By.id("preview-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("breaking-warning")));
        browser.findElement(By.id("confirm-version")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("removed")));
        assertThat(browser.findElement(By.id("breaking-warning")).getText()).contains("Breaking changes");
        assertThat(browser.findElement(By.id("removed")).getText()).contains("GET /stock");
        assertThat(browser.findElement(By.id("added")).getText()).contains("POST /items");
    }

    private void confirmAndPublish(String contextPath) {
        browser.findElement(By.id("contextPath")).clear();
        browser.findElement(By.id("contextPath")).sendKeys(contextPath);
        if (!browser.findElement(By.id("mockMode")).isSelected()) {
            browser.findElement(By.id("mockMode")).click();
        }
        browser.findElement(By.id("confirm-import")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("imported")));
        assertThat(browser.findElement(By.id("api-lifecycle")).getText()).isEqualTo("DRAFT");
        browser.findElement(By.id("publish")).click();
        wait.until(ExpectedConditions.textToBe(By.id("api-lifecycle"), "PUBLISHED"));
        assertThat(browser.findElement(By.id("api-context-path")).getText()).isEqualTo(contextPath);
    }
}
