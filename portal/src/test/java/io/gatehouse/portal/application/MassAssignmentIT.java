package io.gatehouse.portal.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.gatehouse.core.application.Application;
import io.gatehouse.core.audit.Actor;
import io.gatehouse.core.catalog.CatalogService;
import io.gatehouse.core.subscription.Subscription;
import io.gatehouse.core.subscription.SubscriptionRepository;
import io.gatehouse.core.subscription.SubscriptionService;
import io.gatehouse.core.subscription.SubscriptionStatus;
import io.gatehouse.portal.PortalTest;
import io.gatehouse.testsupport.WebSession;

/** Extra fields posted to every portal form (status, owner, plan limits, role, id) change nothing they name. */
@PortalTest
class MassAssignmentIT {

    @LocalServerPort
    int port;
    @Autowired
    CatalogService catalog;
    @Autowired
    SubscriptionRepository subscriptions;
    @Autowired
    SubscriptionService subscriptionService;
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SelfServiceFixture fixture;
    SelfServiceFixture.Account ada;
    SelfServiceFixture.Account bob;
    WebSession session;

    @BeforeEach
    void fixture() {
        ada = fixture.consumer();
        bob = fixture.consumer();
        session = fixture.login(ada);
    }

    /** Fields no form offers, with values an attacker would like. */
    private Map<String, String> withExtras(Map<String, String> fields) {
        Map<String, String> all = new HashMap<>(fields);
        all.putAll(Map.of("id", "1", "status", "APPROVED", "consumer", Long.toString(bob.id()),
                "consumerId", Long.toString(bob.id()), "consumer.id", Long.toString(bob.id()), "role", "ADMIN",
                "deletedAt", "2020-01-01T00:00:00Z", "createdAt", "2000-01-01T00:00:00Z",
                "approvalMode", "AUTOMATIC", "decisionReason", "approved by me"));
        all.putAll(Map.of("rateLimit", "1000000", "quota", "999999999", "plan.rateLimit.requests", "1000000",
                "liveApiId", "", "ownerId", Long.toString(bob.id())));
        return all;
    }

    @Test
    void creatingAndEditingAnApplicationSetOnlyItsNameAndDescription() {
        String name = "Mine " + SelfServiceFixture.unique();
        session.submit("/applications", "/applications", withExtras(Map.of("name", name, "description", "d")));
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select id, consumer_id, created_at, deleted_at from application where name = ?", name);
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(((Number) row.get("consumer_id")).longValue()).isEqualTo(ada.id());
            assertThat(row.get("deleted_at")).isNull();
            assertThat(((Number) row.get("id")).longValue()).isNotEqualTo(1L);
        });
        long id = ((Number) rows.get(0).get("id")).longValue();
        Map<String, Object> before = jdbc.queryForMap("select consumer_id, created_at, deleted_at from application where id = ?", id);

        session.submit("/applications/" + id, "/applications/" + id,
                withExtras(Map.of("name", name + " 2", "description", "e")));
        assertThat(jdbc.queryForMap("select consumer_id, created_at, deleted_at from application where id = ?", id))
                .isEqualTo(before);
        assertThat(jdbc.queryForObject("select name from application where id = ?", String.class, id))
                .isEqualTo(name + " 2");
        assertThat(jdbc.queryForObject("select count(*) from application where consumer_id = ?", Long.class, bob.id()))
                .isZero();
    }

    @Test
    void aSubscriptionRequestCannotApproveItselfOrChangeThePlan() {
        SelfServiceFixture.Offer offer = fixture.offer();
        Application app = fixture.application(ada);
        Map<String, Object> planBefore = jdbc.queryForMap("select * from plan where id = ?", offer.manual().getId());
        String page = "/apis/" + offer.api().getId();
        session.submit(page, page + "/subscriptions", withExtras(Map.of("planId", offer.manual().getId().toString(),
                "applicationId", app.getId().toString())));
        assertThat(subscriptions.findByApplicationIdOrderByRequestedAtDesc(app.getId())).singleElement()
                .satisfies(s -> {
                    assertThat(s.getStatus()).isEqualTo(SubscriptionStatus.PENDING);
                    assertThat(s.getDecisionReason()).isNull();
                });
        assertThat(jdbc.queryForMap("select * from plan where id = ?", offer.manual().getId())).isEqualTo(planBefore);
    }

    @Test
    void rotatingAndTheAccountFormsChangeNothingElse() {
        SelfServiceFixture.Offer offer = fixture.offer();
        Application app = fixture.application(ada);
        Subscription approved = subscriptionService.request(ada.id(), app.getId(), offer.automatic().getId(), null,
                Actor.consumer(ada.email(), null));
        String path = "/applications/" + app.getId();
        session.get(path);
        session.submit(path, path + "/keys/rotate", withExtras(Map.of("overlapHours", "1")));
        assertThat(jdbc.queryForObject("select count(*) from api_key where application_id = ?", Long.class, app.getId()))
                .isEqualTo(2L);
        assertThat(jdbc.queryForObject("select status from subscription where id = ?", String.class, approved.getId()))
                .isEqualTo("APPROVED");

        Map<String, Object> consumerBefore = jdbc.queryForMap("select email, status, display_name from consumer where id = ?", ada.id());
        session.submit("/account", "/account/password", withExtras(Map.of("currentPassword", "wrong wrong wrong",
                "newPassword", "another long password", "email", "bob@example.com", "displayName", "Bob")));
        session.submit("/account", "/account/delete", withExtras(Map.of("password", "wrong wrong wrong")));
        assertThat(jdbc.queryForMap("select email, status, display_name from consumer where id = ?", ada.id()))
                .isEqualTo(consumerBefore);
    }
}
