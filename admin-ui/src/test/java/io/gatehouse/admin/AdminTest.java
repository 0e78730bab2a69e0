package io.gatehouse.admin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The admin UI on a random port over an in-memory H2 database it migrates, seeded with the demo content, with
 * metrics export on as in production, import by URL allowed to reach 127.0.0.1 (where tests serve documents), and
 * the background scans running every half second. Every test class with this annotation shares one started
 * application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:admin-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa", "spring.datasource.password=",
        "gatehouse.admin.demo=true",
        "gatehouse.keys.expiry-scan-interval=500ms",
        "gatehouse.alerts.interval=500ms",
        "gatehouse.admin.import-allow-list=127.0.0.1/32",
        // Webhook receivers in tests are reached as "localhost", so a URL naming 127.0.0.1 is still refused.
        "gatehouse.webhooks.allow-list=localhost", "gatehouse.webhooks.poll-interval=100ms",
        "gatehouse.webhooks.retry-delays=300ms,300ms",
        "gatehouse.keys.pepper=admin-test-pepper-0123456789-abcdefghij"})
public @interface AdminTest {
}
