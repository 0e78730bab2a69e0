package io.gatehouse.admin.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.gatehouse.admin.AdminFixtures;
import io.gatehouse.admin.AdminSessions;
import io.gatehouse.admin.AdminTest;
import io.gatehouse.core.account.AccountService;
import io.gatehouse.core.account.AdminRole;
import io.gatehouse.core.apikey.ApiKeyService;
import io.gatehouse.core.audit.Actor;
import io.gatehouse.core.notification.Notifications;
import io.gatehouse.core.notification.Recipient;
import io.gatehouse.core.plan.Plan;
import io.gatehouse.core.subscription.Subscription;
import io.gatehouse.core.subscription.SubscriptionService;
import io.gatehouse.testsupport.WebSession;

/**
 * A new request is news for the API's owner, counted in the navigation until they open their notifications; a key
 * whose overlap ends soon is news for its consumer, found by the admin UI's background scan.
 */
@AdminTest
class AdminNotificationsIT {

    static final Actor TEST = Actor.system("test");

    @LocalServerPort
    int port;
    @Autowired
    AdminFixtures fixtures;
    @Autowired
    AccountService accounts;
    @Autowired
    SubscriptionService subscriptions;
    @Autowired
    ApiKeyService keys;
    @Autowired
    Notifications notifications;

    @Test
    void theOwnerSeesANewRequestCountedThenReadAndAnotherOwnerSeesNothing() {
        String owner = "owner-" + UUID.randomUUID().toString().substring(0, 8);
        String other = "other-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createAdminUser(owner, "Olive Owner", "owner password 123", AdminRole.PRODUCT_OWNER, TEST);
        accounts.createAdminUser(other, "Otto Other", "other password 123", AdminRole.PRODUCT_OWNER, TEST);
        WebSession session = AdminSessions.logIn(port, owner, "owner password 123");
        assertThat(session.get("/apis").body()).contains("id=\"notifications-nav\"").doesNotContain("id=\"unread-count\"");

        Plan plan = fixtures.manualPlan(owner);
        Subscription request = fixtures.pendingRequest(plan, "Invoices for the <b>ledger</b>");

        assertThat(session.get("/apis").body()).containsPattern("id=\"unread-count\"[^>]*>1<");
        String page = session.get("/notifications").body();
        assertThat(page).contains("class=\"badge new\"", request.getApplication().getName(),
                "Invoices for the &lt;b&gt;ledger&lt;/b&gt;", "data-kind=\"subscription.requested\"")
                .doesNotContain("<b>ledger</b>");
        assertThat(session.get("/apis").body()).doesNotContain("id=\"unread-count\"");
        assertThat(session.get("/notifications").body()).doesNotContain("class=\"badge new\"");

        WebSession otherSession = AdminSessions.logIn(port, other, "other password 123");
        assertThat(otherSession.get("/notifications").body()).contains("id=\"no-notifications\"")
                .doesNotContain(request.getApplication().getName());
    }

    @Test
    void theBackgroundScanTellsTheConsumerOnceThatARotatedKeyStopsWorkingSoon() {
        Subscription request = fixtures.pendingRequest(fixtures.manualPlan(null), null);
        subscriptions.approve(request.getId(), Actor.admin("admin", "127.0.0.1"));
        long applicationId = request.getApplication().getId();
        keys.issue(request.getApplication(), TEST);
        keys.rotate(applicationId, Duration.ofMinutes(20), TEST);
        Recipient consumer = Recipient.consumer(request.getApplication().getConsumer().getId());

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(notifications.latest(consumer)).anySatisfy(n -> assertThat(n.getKind()).isEqualTo("key.expiring")));
        // Several scans later the key has still been told about once.
        Awaitility.await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(notifications.latest(consumer)).filteredOn(n -> n.getKind().equals("key.expiring")).hasSize(1));
    }
}
