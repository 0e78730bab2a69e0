package io.gatehouse.portal.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import io.gatehouse.core.subscription.Subscription;
import io.gatehouse.core.subscription.SubscriptionRepository;
import io.gatehouse.core.subscription.SubscriptionService;
import io.gatehouse.core.subscription.SubscriptionStatus;
import io.gatehouse.portal.PortalTest;
import io.gatehouse.testsupport.WebSession;
import io.gatehouse.web.Times;

/** Applications over HTTP: create, edit and delete, the page and its polling fragment, the first key shown once, rotation and revocation. */
@PortalTest
class ApplicationsIT {

    static final Pattern FULL_KEY = Pattern.compile("gth_[A-Za-z0-9]{12}_[A-Za-z0-9]{38}");

    @LocalServerPort
    int port;
    @Autowired
    CatalogService catalog;
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


    @Test
    void aConsumerCreatesListsEditsAndDeletesAnApplication() {
        SelfServiceFixture.Account ada = fixture.consumer();
        WebSession session = fixture.login(ada);
        String name = "Weather station " + SelfServiceFixture.unique();

        HttpResponse<String> created = session.submit("/applications", "/applications",
                Map.of("name", name, "description", "Reads forecasts"));
        String location = created.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(location.replaceAll(".*/applications/", ""));
        Application stored = applications.findByIdAndConsumerId(id, ada.id()).orElseThrow();
        assertThat(stored.getName()).isEqualTo(name);
        assertThat(session.get("/applications").body()).contains(name, "Reads forecasts");

        HttpResponse<String> duplicate = session.submit("/applications", "/applications", Map.of("name", name));
        assertThat(duplicate.body()).contains("You already have an application named");
        HttpResponse<String> blank = session.submit("/applications", "/applications", Map.of("name", " "));
        assertThat(blank.body()).contains("Enter a name.");
        assertThat(applications.findByConsumerIdOrderByNameAsc(ada.id())).hasSize(1);

        HttpResponse<String> edited = session.submit("/applications/" + id, "/applications/" + id,
                Map.of("name", name + " v2", "description", "Reads forecasts and alerts"));
        assertThat(edited.headers().firstValue("Location").orElseThrow()).endsWith("/applications/" + id + "?saved");
        assertThat(session.get("/applications/" + id).body()).contains(name + " v2", "Reads forecasts and alerts");

        HttpResponse<String> deleted = session.submit("/applications/" + id, "/applications/" + id + "/delete", Map.of());
        assertThat(deleted.headers().firstValue("Location").orElseThrow()).endsWith("/applications?deleted");
        assertThat(applications.findById(id).orElseThrow().isDeleted()).isTrue();
        assertThat(session.get("/applications/" + id).statusCode()).isEqualTo(404);
        assertThat(session.get("/applications").body()).doesNotContain(name);
    }

    @Test
    void thePendingFragmentPollsAndTheApprovedOneShowsTheFirstKeyOnce() {
        SelfServiceFixture.Account ada = fixture.consumer();
        WebSession session = fixture.login(ada);
        SelfServiceFixture.Offer offer = fixture.offer();
        Application app = fixture.application(ada);
        Subscription pending = subscriptionService.request(ada.id(), app.getId(), offer.manual().getId(), "please",
                Actor.consumer(ada.email(), "127.0.0.1"));
        String path = "/applications/" + app.getId();

        HttpResponse<String> page = session.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html", "id=\"subscriptions\"", "hx-trigger=\"every 3s\"", "PENDING",
                "id=\"edit-form\"");
        HttpResponse<String> fragment = session.get(path, "HX-Request", "true");
        assertThat(fragment.body()).doesNotContain("<html", "id=\"edit-form\"")
                .contains("id=\"subscriptions\"", "hx-trigger=\"every 3s\"", "PENDING");
        assertThat(fragment.headers().allValues("Vary")).anyMatch(v -> v.contains("HX-Request"));
        assertThat(keys.findByApplicationIdOrderByCreatedAtDesc(app.getId())).isEmpty();

        subscriptionService.approve(pending.getId(), Actor.admin("admin", "127.0.0.1"));
        HttpResponse<String> approved = session.get(path, "HX-Request", "true");
        assertThat(approved.body()).contains("APPROVED", "id=\"new-key\"", "data-copy-target=\"new-key\"")
                .doesNotContain("hx-trigger", "<html");
        String plaintext = fullKey(approved.body());
        ApiKey key = keys.findByApplicationIdOrderByCreatedAtDesc(app.getId()).get(0);
        assertThat(plaintext).endsWith(key.getLastFour());

        HttpResponse<String> again = session.get(path);
        assertThat(again.body()).doesNotContain(plaintext, "id=\"new-key\"").contains(key.masked());
        assertThat(FULL_KEY.matcher(session.get(path, "HX-Request", "true").body()).find()).isFalse();
        assertThat(keys.findByApplicationIdOrderByCreatedAtDesc(app.getId())).hasSize(1);
    }

    @Test
    void aRejectionShowsItsReasonAndTheFragmentStopsPolling() {
        SelfServiceFixture.Account ada = fixture.consumer();
        WebSession session = fixture.login(ada);
        SelfServiceFixture.Offer offer = fixture.offer();
        Application app = fixture.application(ada);
        Subscription pending = subscriptionService.request(ada.id(), app.getId(), offer.manual().getId(), null,
                Actor.consumer(ada.email(), "127.0.0.1"));
        subscriptionService.reject(pending.getId(), "Tell us more about your use case.", Actor.admin("admin", null));
        HttpResponse<String> fragment = session.get("/applications/" + app.getId(), "HX-Request", "true");
        assertThat(fragment.body()).contains("REJECTED", "Tell us more about your use case.")
                .doesNotContain("hx-trigger", "id=\"new-key\"");
    }

    @Test
    void rotationShowsTheNewKeyOnceAndKeepsTheOldOneForTheOverlapAndRevocationIsImmediate() {
        SelfServiceFixture.Account ada = fixture.consumer();
        WebSession session = fixture.login(ada);
        Application app = withApprovedSubscription(ada);
        String path = "/applications/" + app.getId();
        String first = fullKey(session.get(path).body());

        HttpResponse<String> rotated = session.submit(path, path + "/keys/rotate", Map.of("overlapHours", "24"));
        assertThat(rotated.statusCode()).isEqualTo(200);
        String second = fullKey(rotated.body());
        assertThat(second).isNotEqualTo(first);
        List<ApiKey> both = keys.findByApplicationIdOrderByCreatedAtDesc(app.getId());
        assertThat(both).extracting(ApiKey::getStatus).containsExactlyInAnyOrder(ApiKeyStatus.ACTIVE, ApiKeyStatus.EXPIRING);
        ApiKey old = both.stream().filter(k -> k.getStatus() == ApiKeyStatus.EXPIRING).findFirst().orElseThrow();
        assertThat(old.getExpiresAt()).isBetween(old.getCreatedAt().plusSeconds(23 * 3600),
                java.time.Instant.now().plusSeconds(24 * 3600 + 60));
        assertThat(session.get(path).body()).doesNotContain(first, second);

        HttpResponse<String> badOverlap = session.submit(path, path + "/keys/rotate", Map.of("overlapHours", "100000"));
        assertThat(badOverlap.statusCode()).isEqualTo(400);
        assertThat(keys.findByApplicationIdOrderByCreatedAtDesc(app.getId())).hasSize(2);

        HttpResponse<String> revoked = session.submit(path, path + "/keys/" + old.getId() + "/revoke", Map.of());
        assertThat(revoked.headers().firstValue("Location").orElseThrow()).endsWith(path + "?revoked");
        assertThat(keys.findById(old.getId()).orElseThrow().getStatus()).isEqualTo(ApiKeyStatus.REVOKED);
    }

    @Test
    void sendingTheSameRotationFormTwiceRotatesOnceAndTheRevokedKeyShowsNoExpiry() {
        SelfServiceFixture.Account ada = fixture.consumer();
        WebSession session = fixture.login(ada);
        Application app = withApprovedSubscription(ada);
        String path = "/applications/" + app.getId();
        String page = session.get(path).body();
        fullKey(page);
        Matcher token = Pattern.compile("name=\"rotation\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        Map<String, String> form = Map.of("_csrf", WebSession.csrfFrom(page), "overlapHours", "1",
                "rotation", token.group(1));

        assertThat(session.postForm(path + "/keys/rotate", form).statusCode()).isEqualTo(200);
        HttpResponse<String> again = session.postForm(path + "/keys/rotate", form);
        assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith(path + "?alreadyRotated");
        assertThat(keys.findByApplicationIdOrderByCreatedAtDesc(app.getId())).hasSize(2);
        assertThat(session.get(path + "?alreadyRotated").body()).contains("id=\"already-rotated\"");

        ApiKey old = keys.findByApplicationIdOrderByCreatedAtDesc(app.getId()).stream()
                .filter(k -> k.getStatus() == ApiKeyStatus.EXPIRING).findFirst().orElseThrow();
        String expiry = new Times().utc(old.getExpiresAt());
        assertThat(session.get(path).body()).contains(expiry);
        session.submit(path, path + "/keys/" + old.getId() + "/revoke", Map.of());
        assertThat(session.get(path).body()).as("a revoked key no longer shows when it would have expired")
                .doesNotContain(expiry).contains("data-confirm=\"Revoke this key now?");
    }

    @Test
    void deletingAnApplicationRevokesItsKeysAndEndsItsLiveSubscriptions() {
        SelfServiceFixture.Account ada = fixture.consumer();
        WebSession session = fixture.login(ada);
        SelfServiceFixture.Offer offer = fixture.offer();
        SelfServiceFixture.Offer other = fixture.offer();
        Application app = fixture.application(ada);
        Actor actor = Actor.consumer(ada.email(), "127.0.0.1");
        subscriptionService.request(ada.id(), app.getId(), offer.automatic().getId(), null, actor);
        subscriptionService.request(ada.id(), app.getId(), other.manual().getId(), null, actor);
        String path = "/applications/" + app.getId();
        fullKey(session.get(path).body());

        session.submit(path, path + "/delete", Map.of());
        assertThat(keys.findByApplicationIdOrderByCreatedAtDesc(app.getId())).extracting(ApiKey::getStatus)
                .containsOnly(ApiKeyStatus.REVOKED);
        assertThat(subscriptions.findByApplicationIdOrderByRequestedAtDesc(app.getId()))
                .extracting(Subscription::getStatus)
                .containsExactlyInAnyOrder(SubscriptionStatus.REVOKED, SubscriptionStatus.REJECTED);
    }

    /** A new application of the consumer's, subscribed to an automatically approved plan. */
    private Application withApprovedSubscription(SelfServiceFixture.Account account) {
        Application app = fixture.application(account);
        subscriptionService.request(account.id(), app.getId(), fixture.offer().automatic().getId(), null,
                Actor.consumer(account.email(), "127.0.0.1"));
        return app;
    }

    static String fullKey(String html) {
        Matcher matcher = FULL_KEY.matcher(html);
        assertThat(matcher.find()).as("a full key in the page").isTrue();
        return matcher.group();
    }
}
