package io.gatehouse.portal.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.gatehouse.core.application.Application;
import io.gatehouse.core.catalog.CatalogService;
import io.gatehouse.core.plan.PlanService;
import io.gatehouse.core.subscription.Subscription;
import io.gatehouse.core.subscription.SubscriptionRepository;
import io.gatehouse.core.subscription.SubscriptionStatus;
import io.gatehouse.portal.PortalTest;
import io.gatehouse.testsupport.WebSession;

/** Subscribing from an API's page: the offered plans and my applications, one request per application and API, also when two arrive at once. */
@PortalTest
class SubscribeIT {

    @LocalServerPort
    int port;
    @Autowired
    CatalogService catalog;
    @Autowired
    PlanService plans;
    @Autowired
    SubscriptionRepository subscriptions;

    @Autowired
    SelfServiceFixture fixture;


    @Test
    void visitorsAreAskedToLogInAndConsumersSeeTheFormWithPlansAndTheirApplications() {
        SelfServiceFixture.Offer offer = fixture.offer();
        String page = "/apis/" + offer.api().getId();
        HttpResponse<String> anonymous = fixture.session().get(page);
        assertThat(anonymous.body()).contains("Log in to subscribe").doesNotContain("id=\"subscribe-form\"");

        SelfServiceFixture.Account ada = fixture.consumer();
        WebSession session = fixture.login(ada);
        assertThat(session.get(page).body()).contains("create an application").doesNotContain("id=\"subscribe-form\"");
        Application app = fixture.application(ada);
        assertThat(session.get(page).body()).contains("id=\"subscribe-form\"", app.getName(), "Gold", "Free",
                "Manual: the API team reviews each subscription", "1,000 requests per day");
    }

    @Test
    void anAutomaticPlanIsApprovedAtOnceAndASecondIdenticalRequestCreatesNothing() {
        SelfServiceFixture.Offer offer = fixture.offer();
        SelfServiceFixture.Account ada = fixture.consumer();
        WebSession session = fixture.login(ada);
        Application app = fixture.application(ada);
        String page = "/apis/" + offer.api().getId();
        Map<String, String> fields = Map.of("planId", offer.automatic().getId().toString(),
                "applicationId", app.getId().toString(), "justification", "A weather widget");

        HttpResponse<String> first = session.submit(page, page + "/subscriptions", fields);
        assertThat(first.headers().firstValue("Location").orElseThrow())
                .endsWith("/applications/" + app.getId() + "?subscribed");
        List<Subscription> stored = subscriptions.findByApplicationIdOrderByRequestedAtDesc(app.getId());
        assertThat(stored).singleElement().satisfies(s -> {
            assertThat(s.getStatus()).isEqualTo(SubscriptionStatus.APPROVED);
            assertThat(s.getJustification()).isEqualTo("A weather widget");
        });

        HttpResponse<String> second = session.submit(page, page + "/subscriptions", Map.of(
                "planId", offer.manual().getId().toString(), "applicationId", app.getId().toString()));
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("This application is already subscribed to this API.");
        assertThat(subscriptions.findByApplicationIdOrderByRequestedAtDesc(app.getId())).hasSize(1);
    }

    @Test
    void aManualPlanStaysPendingAndAPlanOfAnotherApiIsA404() {
        SelfServiceFixture.Offer offer = fixture.offer();
        SelfServiceFixture.Offer other = fixture.offer();
        SelfServiceFixture.Account ada = fixture.consumer();
        WebSession session = fixture.login(ada);
        Application app = fixture.application(ada);
        String page = "/apis/" + offer.api().getId();

        HttpResponse<String> foreignPlan = session.submit(page, page + "/subscriptions", Map.of(
                "planId", other.manual().getId().toString(), "applicationId", app.getId().toString()));
        assertThat(foreignPlan.statusCode()).isEqualTo(404);
        assertThat(subscriptions.findByApplicationIdOrderByRequestedAtDesc(app.getId())).isEmpty();

        session.submit(page, page + "/subscriptions", Map.of(
                "planId", offer.manual().getId().toString(), "applicationId", app.getId().toString()));
        assertThat(subscriptions.findByApplicationIdOrderByRequestedAtDesc(app.getId()))
                .extracting(Subscription::getStatus).containsExactly(SubscriptionStatus.PENDING);
        assertThat(session.get("/applications/" + app.getId()).body()).contains("PENDING", "Gold");
    }

    @Test
    void twoIdenticalSubmissionsAtOnceMakeOneRequest() throws Exception {
        SelfServiceFixture.Offer offer = fixture.offer();
        SelfServiceFixture.Account ada = fixture.consumer();
        WebSession session = fixture.login(ada);
        Application app = fixture.application(ada);
        String page = "/apis/" + offer.api().getId();
        Map<String, String> fields = new LinkedHashMap<>(Map.of("planId", offer.manual().getId().toString(),
                "applicationId", app.getId().toString()));
        fields.put("_csrf", session.csrfToken(page));

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return session.postForm(page + "/subscriptions", fields);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                statuses.add(answer.get(30, TimeUnit.SECONDS).statusCode());
            }
            // One is redirected to the application; the other is told it is already subscribed.
            assertThat(statuses).containsExactlyInAnyOrder(302, 200);
        } finally {
            pool.shutdownNow();
        }
        assertThat(subscriptions.findByApplicationIdOrderByRequestedAtDesc(app.getId())).hasSize(1);
    }
}
