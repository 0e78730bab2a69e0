package io.gatehouse.portal.usage;

import static io.gatehouse.testsupport.PageText.byId;
import static io.gatehouse.testsupport.PageText.cell;
import static io.gatehouse.testsupport.PageText.hasId;
import static io.gatehouse.testsupport.PageText.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.gatehouse.core.analytics.AnalyticsRollups;
import io.gatehouse.core.application.Application;
import io.gatehouse.core.audit.Actor;
import io.gatehouse.core.subscription.Subscription;
import io.gatehouse.core.subscription.SubscriptionService;
import io.gatehouse.portal.PortalTest;
import io.gatehouse.portal.application.SelfServiceFixture;
import io.gatehouse.testsupport.WebSession;
import io.gatehouse.web.Times;

/**
 * "My usage" over rollups of known events: each figure on both pages, the two kinds of 429 apart, quota used as the
 * gateway counts it (everything but the 429s), the empty states, and another consumer's calls never counted.
 */
@PortalTest
class MyUsageIT {

    @Autowired
    SelfServiceFixture fixture;
    @Autowired
    SubscriptionService subscriptions;
    @Autowired
    AnalyticsRollups rollups;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eachApplicationAndSubscriptionShowsItsCallsErrorsLatencyRefusalsAndQuota() {
        SelfServiceFixture.Offer offer = fixture.offer();
        SelfServiceFixture.Account a = fixture.consumer();
        Application app = fixture.application(a);
        Application idle = fixture.application(a);
        Subscription subscription = subscriptions.request(a.id(), app.getId(), offer.automatic().getId(), null,
                Actor.consumer(a.email(), null));
        SelfServiceFixture.Account b = fixture.consumer();
        Application bApp = fixture.application(b);
        Subscription bSubscription = subscriptions.request(b.id(), bApp.getId(), offer.automatic().getId(), null,
                Actor.consumer(b.email(), null));

        Instant now = Instant.now().minusSeconds(1);
        for (int i = 0; i < 3; i++) {
            call(subscription, now, "forecast", 200, 300, null);
        }
        call(subscription, now, null, 404, 100, "operation-not-found");
        call(subscription, now, "forecast", 429, 80, "rate-limited");
        call(subscription, now, "forecast", 429, 80, "rate-limited");
        call(subscription, now, "forecast", 429, 80, "quota-exhausted");
        call(subscription, now, "forecast", 500, 30_000, null);
        call(bSubscription, now, "forecast", 200, 300, null);
        call(bSubscription, now, "forecast", 200, 300, null);
        rollups.rollUpAll();
        String resets = new Times().utc(now.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1).atStartOfDay()
                .toInstant(ZoneOffset.UTC));

        WebSession session = fixture.login(a);
        String overview = session.get("/usage").body();
        assertThat(byId(overview, "total-calls")).isEqualTo("8");
        assertThat(byId(overview, "total-errors")).isEqualTo("5");
        assertThat(byId(overview, "total-p95")).as("the slowest call's bucket, capped at the slowest call")
                .isEqualTo("30.0 ms");
        assertThat(byId(overview, "total-rate-limited")).isEqualTo("2");
        assertThat(byId(overview, "total-quota-exhausted")).isEqualTo("1");
        assertThat(overview).contains("updated every few seconds").doesNotContain(bApp.getName());
        String appRow = row(overview, "data-application", app.getId());
        assertThat(cell(appRow, "name")).isEqualTo(app.getName());
        assertThat(cell(appRow, "calls")).isEqualTo("8");
        assertThat(cell(appRow, "rate-limited")).isEqualTo("2");
        assertThat(cell(appRow, "quota-exhausted")).isEqualTo("1");
        assertThat(cell(row(overview, "data-application", idle.getId()), "calls")).isEqualTo("0");
        String quota = row(overview, "data-subscription", subscription.getId());
        assertThat(cell(quota, "used")).as("the 429s used no quota").isEqualTo("5 of 1000 (0%)");
        assertThat(cell(quota, "resets")).isEqualTo(resets);

        String page = session.get("/applications/" + app.getId() + "/usage").body();
        assertThat(byId(page, "application-name")).isEqualTo(app.getName());
        assertThat(byId(page, "total-calls")).isEqualTo("8");
        String sub = row(page, "data-subscription", subscription.getId());
        assertThat(cell(sub, "calls")).isEqualTo("8");
        assertThat(cell(sub, "errors")).isEqualTo("5");
        assertThat(cell(sub, "p95")).isEqualTo("30.0");
        assertThat(cell(sub, "rate-limited")).isEqualTo("2");
        assertThat(cell(sub, "quota-exhausted")).isEqualTo("1");
        assertThat(cell(sub, "used")).isEqualTo("5 of 1000 (0%)");
        assertThat(cell(sub, "resets")).isEqualTo(resets);
        assertThat(page).contains("id=\"traffic-chart\"", "id=\"latency-chart\"", "/js/charts.js")
                .containsPattern("/webjars/chart.js/[0-9.]+/dist/chart.umd.js");
        assertThat(session.get("/applications/" + app.getId()).body())
                .contains("href=\"/applications/" + app.getId() + "/usage\"");

        for (String range : new String[] {"7d", "30d"}) {
            String longer = session.get("/applications/" + app.getId() + "/usage?range=" + range).body();
            assertThat(byId(longer, "total-calls")).as(range).isEqualTo("8");
            assertThat(longer).containsPattern("id=\"range-" + range + "\"[^>]*aria-current=\"page\"");
        }

        String idlePage = session.get("/applications/" + idle.getId() + "/usage").body();
        assertThat(hasId(idlePage, "no-subscriptions")).isTrue();
        assertThat(hasId(idlePage, "no-calls")).isTrue();
        assertThat(byId(idlePage, "total-calls")).isEqualTo("0");

        String bOverview = fixture.login(b).get("/usage").body();
        assertThat(byId(bOverview, "total-calls")).isEqualTo("2");
        assertThat(bOverview).contains(bApp.getName()).doesNotContain(app.getName());

        String newcomer = fixture.login(fixture.consumer()).get("/usage").body();
        assertThat(hasId(newcomer, "no-applications")).isTrue();
        assertThat(hasId(newcomer, "total-calls")).isFalse();
    }

    /** An event as the gateway writes it for a call by the subscription's application. */
    private void call(Subscription subscription, Instant when, String operation, int status, long latencyMicros,
            String rejection) {
        jdbc.update("insert into analytics_event (occurred_at, request_id, api_id, operation, plan_id, application_id,"
                + " subscription_id, consumer_id, method, path, status, gateway_latency_us, bytes_in, bytes_out,"
                + " rejection_reason) select ?, ?, s.api_id, ?, s.plan_id, s.application_id, s.id, app.consumer_id,"
                + " 'GET', '/forecast', ?, ?, 0, 10, ? from subscription s join application app"
                + " on app.id = s.application_id where s.id = ?",
                Timestamp.from(when), UUID.randomUUID().toString(), operation, status, latencyMicros, rejection,
                subscription.getId());
    }
}
