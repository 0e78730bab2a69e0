package io.gatehouse.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.gatehouse.core.apikey.ApiKey;
import io.gatehouse.core.apikey.ApiKeyRepository;
import io.gatehouse.core.apikey.ApiKeyStatus;
import io.gatehouse.core.application.Application;
import io.gatehouse.core.application.ApplicationRepository;
import io.gatehouse.core.audit.Actor;
import io.gatehouse.core.catalog.CatalogService;
import io.gatehouse.core.consumer.ConsumerRepository;
import io.gatehouse.core.consumer.ConsumerStatus;
import io.gatehouse.core.subscription.Subscription;
import io.gatehouse.core.subscription.SubscriptionRepository;
import io.gatehouse.core.subscription.SubscriptionService;
import io.gatehouse.core.subscription.SubscriptionStatus;
import io.gatehouse.portal.PortalTest;
import io.gatehouse.portal.application.SelfServiceFixture;
import io.gatehouse.testsupport.WebSession;
import io.gatehouse.web.LoginThrottle;

/** The account page: a password change needs the current password; deleting the account revokes everything and logs out. */
@PortalTest
class AccountIT {

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
    LoginThrottle throttle;

    @Autowired
    SelfServiceFixture fixture;

    @BeforeEach
    void fixture() {
        throttle.clear();
    }

    @AfterEach
    void forgetFailures() {
        throttle.clear();
    }

    @Test
    void thePasswordChangesOnlyWithTheCurrentPasswordAndUnderThePolicy() {
        SelfServiceFixture.Account ada = fixture.consumer();
        WebSession session = fixture.login(ada);
        assertThat(session.get("/account").body()).contains(ada.email(), "id=\"password-form\"");

        HttpResponse<String> wrong = session.submit("/account", "/account/password",
                Map.of("currentPassword", "not my password", "newPassword", "a brand new password"));
        assertThat(wrong.body()).contains("The current password is not correct.");
        HttpResponse<String> tooShort = session.submit("/account", "/account/password",
                Map.of("currentPassword", SelfServiceFixture.PASSWORD, "newPassword", "short"));
        assertThat(tooShort.body()).contains("The password must be 10 to 128 characters long.");
        HttpResponse<String> sameAsLogin = session.submit("/account", "/account/password",
                Map.of("currentPassword", SelfServiceFixture.PASSWORD, "newPassword", ada.email()));
        assertThat(sameAsLogin.body()).contains("The password must not be the same as the login.");

        HttpResponse<String> changed = session.submit("/account", "/account/password",
                Map.of("currentPassword", SelfServiceFixture.PASSWORD, "newPassword", "a brand new password",
                        "status", "SUSPENDED", "email", "taken@example.com", "id", "1"));
        assertThat(changed.headers().firstValue("Location").orElseThrow()).endsWith("/account?passwordChanged");
        assertThat(consumers.findById(ada.id()).orElseThrow()).satisfies(consumer -> {
            assertThat(consumer.getStatus()).isEqualTo(ConsumerStatus.ACTIVE);
            assertThat(consumer.getEmail()).isEqualTo(ada.email());
        });
        WebSession oldPassword = fixture.session();
        HttpResponse<String> refused = oldPassword.submit("/login", "/login",
                Map.of("email", ada.email(), "password", SelfServiceFixture.PASSWORD));
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        HttpResponse<String> accepted = fixture.session().submit("/login", "/login",
                Map.of("email", ada.email(), "password", "a brand new password"));
        assertThat(accepted.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    }

    @Test
    void quotaAlertsAreChosenAmongTheOfferedSharesAndCleared() {
        SelfServiceFixture.Account ada = fixture.consumer();
        WebSession session = fixture.login(ada);
        assertThat(session.get("/account").body()).contains("id=\"quota-alerts-form\"", "id=\"threshold-80\"")
                .doesNotContainPattern("value=\"\\d+\" checked");

        HttpResponse<String> saved = session.submit("/account", "/account/quota-alerts",
                Map.of("threshold", "100,80", "quotaAlerts", "90", "status", "SUSPENDED"));
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/account?alertsSaved");
        assertThat(consumers.findById(ada.id()).orElseThrow()).satisfies(consumer -> {
            assertThat(consumer.getQuotaAlerts()).containsExactly(80, 100);
            assertThat(consumer.getStatus()).isEqualTo(ConsumerStatus.ACTIVE);
        });
        assertThat(session.get("/account").body()).containsPattern("id=\"threshold-80\" value=\"80\" checked")
                .doesNotContainPattern("id=\"threshold-90\" value=\"90\" checked");

        assertThat(session.submit("/account", "/account/quota-alerts", Map.of("threshold", "75")).statusCode())
                .isEqualTo(400);
        session.submit("/account", "/account/quota-alerts", Map.of());
        assertThat(consumers.findById(ada.id()).orElseThrow().getQuotaAlerts()).isEmpty();
    }

    @Test
    void deletingTheAccountRevokesEveryKeyEndsSubscriptionsAndLogsOut() {
        SelfServiceFixture.Account ada = fixture.consumer();
        WebSession session = fixture.login(ada);
        SelfServiceFixture.Offer offer = fixture.offer();
        Application first = fixture.application(ada);
        Application second = fixture.application(ada);
        Actor actor = Actor.consumer(ada.email(), "127.0.0.1");
        subscriptionService.request(ada.id(), first.getId(), offer.automatic().getId(), null, actor);
        subscriptionService.request(ada.id(), second.getId(), offer.manual().getId(), null, actor);
        session.get("/applications/" + first.getId());
        assertThat(keys.findByApplicationIdOrderByCreatedAtDesc(first.getId())).hasSize(1);

        HttpResponse<String> wrong = session.submit("/account", "/account/delete", Map.of("password", "nope nope nope"));
        assertThat(wrong.body()).contains("The password is not correct.");
        assertThat(consumers.findById(ada.id()).orElseThrow().getStatus()).isEqualTo(ConsumerStatus.ACTIVE);

        HttpResponse<String> deleted = session.submit("/account", "/account/delete",
                Map.of("password", SelfServiceFixture.PASSWORD));
        assertThat(deleted.headers().firstValue("Location").orElseThrow()).endsWith("/?accountDeleted");
        assertThat(consumers.findById(ada.id()).orElseThrow().getStatus()).isEqualTo(ConsumerStatus.DELETED);
        assertThat(keys.findByApplicationIdOrderByCreatedAtDesc(first.getId())).extracting(ApiKey::getStatus)
                .containsOnly(ApiKeyStatus.REVOKED);
        assertThat(subscriptions.findByApplicationIdOrderByRequestedAtDesc(first.getId()))
                .extracting(Subscription::getStatus).containsOnly(SubscriptionStatus.REVOKED);
        assertThat(subscriptions.findByApplicationIdOrderByRequestedAtDesc(second.getId()))
                .extracting(Subscription::getStatus).containsOnly(SubscriptionStatus.REJECTED);
        assertThat(applications.findById(first.getId()).orElseThrow().isDeleted()).isTrue();

        assertThat(session.get("/applications").statusCode()).isEqualTo(302);
        HttpResponse<String> login = fixture.session().submit("/login", "/login",
                Map.of("email", ada.email(), "password", SelfServiceFixture.PASSWORD));
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    }

    @Test
    void fiveFailedLoginsForOneEmailPauseItsLoginsWithoutSayingWhetherItExists() {
        SelfServiceFixture.Account ada = fixture.consumer();
        String nobody = "nobody-" + SelfServiceFixture.unique() + "@example.com";
        for (String email : new String[] {ada.email(), nobody}) {
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> failed = fixture.session().submit("/login", "/login",
                        Map.of("email", email, "password", "guess number " + i));
                assertThat(failed.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
            }
            // The right password no longer helps, and a known and an unknown email get the same answer.
            HttpResponse<String> refused = fixture.session().submit("/login", "/login",
                    Map.of("email", email, "password", SelfServiceFixture.PASSWORD));
            assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login?throttled");
            throttle.clear();
        }
        WebSession session = fixture.session();
        assertThat(session.get("/login?throttled").body()).contains("Too many failed logins");
        // After the pause (cleared here) the right password works again.
        HttpResponse<String> accepted = session.submit("/login", "/login",
                Map.of("email", ada.email(), "password", SelfServiceFixture.PASSWORD));
        assertThat(accepted.headers().firstValue("Location").orElseThrow()).doesNotContain("error", "throttled");
    }
}
