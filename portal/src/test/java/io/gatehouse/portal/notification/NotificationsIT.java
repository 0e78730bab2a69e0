package io.gatehouse.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.gatehouse.core.application.Application;
import io.gatehouse.core.audit.Actor;
import io.gatehouse.core.catalog.CatalogService;
import io.gatehouse.core.notification.Notifications;
import io.gatehouse.core.notification.Recipient;
import io.gatehouse.core.subscription.Subscription;
import io.gatehouse.core.subscription.SubscriptionService;
import io.gatehouse.portal.PortalTest;
import io.gatehouse.portal.application.SelfServiceFixture;
import io.gatehouse.testsupport.WebSession;

/** Decisions made by others reach the consumer as notifications, counted in the nav until the page is opened. */
@PortalTest
class NotificationsIT {

    static final Actor ADMIN = Actor.admin("admin", "127.0.0.1");

    @LocalServerPort
    int port;
    @Autowired
    CatalogService catalog;
    @Autowired
    SubscriptionService subscriptions;
    @Autowired
    Notifications notifications;

    @Autowired
    SelfServiceFixture fixture;


    @Test
    void approvalRejectionWithReasonAndSuspensionAreCountedShownAndThenRead() {
        SelfServiceFixture.Account ada = fixture.consumer();
        SelfServiceFixture.Account bob = fixture.consumer();
        WebSession session = fixture.login(ada);
        SelfServiceFixture.Offer offer = fixture.offer();
        SelfServiceFixture.Offer other = fixture.offer();
        Application app = fixture.application(ada);
        Actor consumer = Actor.consumer(ada.email(), null);
        assertThat(session.get("/applications").body()).contains("id=\"notifications-nav\"")
                .doesNotContain("id=\"unread-count\"");

        Subscription automatic = subscriptions.request(ada.id(), app.getId(), offer.automatic().getId(), null, consumer);
        assertThat(notifications.unreadCount(Recipient.consumer(ada.id()))).as("an automatic approval is not news").isZero();
        Subscription manual = subscriptions.request(ada.id(), app.getId(), other.manual().getId(), null, consumer);
        subscriptions.reject(manual.getId(), "Partners only.", ADMIN);
        subscriptions.suspend(automatic.getId(), "Unpaid invoice.", ADMIN);
        subscriptions.resume(automatic.getId(), ADMIN);

        assertThat(session.get("/applications").body()).containsPattern("id=\"unread-count\"[^>]*>3<");
        String page = session.get("/notifications").body();
        assertThat(page).contains("was rejected: Partners only.", "is suspended: Unpaid invoice.", "is approved.",
                app.getName(), "class=\"badge new\"");
        assertThat(notifications.unreadCount(Recipient.consumer(ada.id()))).isZero();
        assertThat(session.get("/applications").body()).doesNotContain("id=\"unread-count\"");
        assertThat(session.get("/notifications").body()).doesNotContain("class=\"badge new\"");

        WebSession bobSession = fixture.login(bob);
        assertThat(bobSession.get("/notifications").body()).contains("id=\"no-notifications\"")
                .doesNotContain("Partners only.");
    }
}
