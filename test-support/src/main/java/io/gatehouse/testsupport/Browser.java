package io.gatehouse.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;

/**
 * One headless Chromium per test class, with no cookies left from the previous test:
 * {@code @RegisterExtension static final Browser browser = new Browser();}
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private WebDriver driver;

    public WebDriver driver() {
        return driver;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        driver = Browsers.headlessChromium();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        driver.manage().deleteAllCookies();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
        }
    }
}
