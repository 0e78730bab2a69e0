package io.gatehouse.admin.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.gatehouse.admin.AdminFixtures;
import io.gatehouse.admin.AdminSessions;
import io.gatehouse.admin.AdminTest;
import io.gatehouse.core.account.AccountService;
import io.gatehouse.core.account.AdminRole;
import io.gatehouse.core.account.AdminUser;
import io.gatehouse.core.analytics.AnalyticsRollups;
import io.gatehouse.core.audit.Actor;
import io.gatehouse.core.notification.Notifications;
import io.gatehouse.core.notification.Recipient;
import io.gatehouse.core.plan.Plan;
import io.gatehouse.testsupport.WebSession;

/** An Api's owner sets its error-rate alert on the Api's page; the admin UI's background run tells them once. */
@AdminTest
class ErrorAlertIT {

    static final Actor TEST = Actor.system("test");

    @LocalServerPort
    int port;
    @Autowired
    AdminFixtures fixtures;
    @Autowired
    AccountService accounts;
    @Autowired
    AnalyticsRollups rollups;
    @Autowired
    Notifications notifications;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theOwnerSetsTheAlertAnotherOwnerCannotAndItFiresOnceOnFailingCalls() {
        String ownerName = "alert-" + UUID.randomUUID().toString().substring(0, 8);
        AdminUser owner = accounts.createAdminUser(ownerName, "Alice Alert", "owner password 123",
                AdminRole.PRODUCT_OWNER, TEST);
        AdminUser other = accounts.createAdminUser("other-" + UUID.randomUUID().toString().substring(0, 8),
                "Oscar", "other password 123", AdminRole.PRODUCT_OWNER, TEST);
        Plan plan = fixtures.manualPlan(ownerName);
        long apiId = plan.getApi().getId();
        WebSession session = AdminSessions.logIn(port, ownerName, "owner password 123");
        assertThat(session.get("/apis/" + apiId).body()).contains("id=\"no-error-alert\"", "id=\"error-alert-form\"");

        assertThat(session.submit("/apis/" + apiId, "/apis/" + apiId + "/error-alert", Map.of("thresholdPercent",
                "0", "windowMinutes", "5", "minCalls", "3")).statusCode()).isEqualTo(400);
        assertThat(session.submit("/apis/" + apiId, "/apis/" + apiId + "/error-alert", Map.of("thresholdPercent",
                "50", "windowMinutes", "5", "minCalls", "3")).statusCode()).isEqualTo(302);
        assertThat(session.get("/apis/" + apiId).body())
                .contains("At 50% of at least 3 calls over 5 minutes.").doesNotContain("id=\"error-alert-firing\"");
        WebSession otherSession = AdminSessions.logIn(port, other.getUsername(), "other password 123");
        assertThat(otherSession.postForm("/apis/" + apiId + "/error-alert", Map.of("_csrf",
                otherSession.csrfToken("/apis"), "action", "remove")).statusCode()).isEqualTo(404);

        for (int status : new int[] {200, 502, 503, 500}) {
            jdbc.update("insert into analytics_event (occurred_at, request_id, api_id, method, path, status,"
                    + " gateway_latency_us, bytes_in, bytes_out) values (?, ?, ?, 'GET', '/x', ?, 500, 0, 0)",
                    Timestamp.from(Instant.now()), UUID.randomUUID().toString(), apiId, status);
        }
        rollups.rollUpAll();
        Recipient told = Recipient.admin(owner.getId());
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(notifications.latest(told))
                .anySatisfy(n -> assertThat(n.getMessage()).contains("75% of the last 4 calls")));
        Awaitility.await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(notifications.latest(told)).filteredOn(n -> n.getKind().equals("api.error-rate"))
                        .hasSize(1));
        assertThat(session.get("/apis/" + apiId).body()).contains("id=\"error-alert-firing\"");
        assertThat(notifications.latest(Recipient.admin(other.getId()))).isEmpty();

        session.submit("/apis/" + apiId, "/apis/" + apiId + "/error-alert", Map.of("action", "remove"));
        assertThat(session.get("/apis/" + apiId).body()).contains("id=\"no-error-alert\"");
    }
}
