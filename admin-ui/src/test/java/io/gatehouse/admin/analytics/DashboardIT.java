package io.gatehouse.admin.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.gatehouse.admin.AdminFixtures;
import io.gatehouse.admin.AdminSessions;
import io.gatehouse.admin.AdminTest;
import io.gatehouse.admin.demo.DemoContent;
import io.gatehouse.core.account.AccountService;
import io.gatehouse.core.account.AdminRole;
import io.gatehouse.core.analytics.AnalyticsRollups;
import io.gatehouse.core.audit.Actor;
import io.gatehouse.core.plan.ApprovalMode;
import io.gatehouse.core.plan.Plan;
import io.gatehouse.core.plan.PlanService;
import io.gatehouse.core.plan.PlanTerms;
import io.gatehouse.core.plan.Quota;
import io.gatehouse.core.subscription.Subscription;
import io.gatehouse.core.subscription.SubscriptionService;
import io.gatehouse.testsupport.WebSession;

/**
 * The dashboard shows exactly the calls of the APIs its viewer may see: totals, status split, top lists, failures by
 * cause and quota pressure, on the page, in its refresh fragment and in the CSV export.
 */
@AdminTest
class DashboardIT {

    static final Actor TEST = Actor.system("test");

    @LocalServerPort
    int port;
    @Autowired
    AdminFixtures fixtures;
    @Autowired
    AccountService accounts;
    @Autowired
    PlanService plans;
    @Autowired
    SubscriptionService subscriptions;
    @Autowired
    AnalyticsRollups rollups;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aProductOwnerSeesExactlyTheirApisCallsAndAnotherOwnerSeesNone() {
        String owner = "dash-" + UUID.randomUUID().toString().substring(0, 8);
        String other = "dash-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createAdminUser(owner, "Dana Dashboard", "owner password 123", AdminRole.PRODUCT_OWNER, TEST);
        accounts.createAdminUser(other, "Oscar Other", "other password 123", AdminRole.PRODUCT_OWNER, TEST);
        Plan manual = fixtures.manualPlan(owner);
        Plan metered = plans.create(manual.getApi().getId(), new PlanTerms("Metered", null, null,
                new Quota(5, Quota.Period.DAY), ApprovalMode.MANUAL, true), TEST);
        Subscription subscription = fixtures.pendingRequest(metered, null);
        subscriptions.approve(subscription.getId(), Actor.admin("admin", "127.0.0.1"));
        Instant now = Instant.now();
        for (int i = 0; i < 3; i++) {
            call(subscription, now, "getPet", 200, null);
        }
        call(subscription, now, "getPet", 504, "upstream-timeout");
        call(subscription, now, "listPets", 429, "rate-limited");
        call(subscription, now, "listPets", 500, null);
        rollups.rollUpAll();

        WebSession session = AdminSessions.logIn(port, owner, "owner password 123");
        String page = session.get("/analytics?range=1h").body();
        assertThat(page).contains("id=\"traffic-chart\"", "data-chart=", "chart.umd.js");
        assertThat(page).containsPattern("id=\"total-calls\"[^>]*>6<").containsPattern("id=\"total-4xx\"[^>]*>1<")
                .containsPattern("id=\"total-5xx\"[^>]*>2<");
        assertThat(page).contains(subscription.getApplication().getName(), "getPet", "listPets");
        assertThat(page).containsPattern("data-reason=\"rate-limited\">\\s*<td>rate-limited</td>\\s*<td>4xx</td><td class=\"calls\">1<");
        assertThat(page).containsPattern("data-reason=\"upstream-timeout\">\\s*<td>upstream-timeout</td>");
        assertThat(page).containsPattern("data-subscription=\"" + subscription.getId() + "\"")
                .as("5 calls used quota (the 429 did not): all 5").contains("5 of 5 (100%)");

        String fragment = session.get("/analytics?range=1h", "HX-Request", "true").body();
        assertThat(fragment).startsWith("<div id=\"panels\"").containsPattern("id=\"total-calls\"[^>]*>6<")
                .doesNotContain("<html");

        HttpResponse<String> csv = session.get("/analytics/export.csv?panel=applications&range=1h");
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("application_id,application,consumer,calls,errors\r\n")
                .contains(subscription.getApplication().getId() + "," + subscription.getApplication().getName() + ",")
                .contains(",6,3\r\n");
        assertThat(session.get("/analytics/export.csv?panel=traffic&range=1h").body())
                .startsWith("bucket_start_utc,label,calls,2xx,3xx,4xx,5xx").contains(",6,3,0,1,2,");
        assertThat(session.get("/analytics/export.csv?panel=quota&range=1h").body()).contains(",5,5,100,");

        WebSession otherSession = AdminSessions.logIn(port, other, "other password 123");
        String otherPage = otherSession.get("/analytics?range=1h&apiId=" + manual.getApi().getId()).body();
        assertThat(otherPage).containsPattern("id=\"total-calls\"[^>]*>0<")
                .doesNotContain(subscription.getApplication().getName()).contains("id=\"no-quota-pressure\"");
        assertThat(otherSession.get("/analytics/export.csv?panel=applications&range=1h&apiId="
                + manual.getApi().getId()).body()).isEqualTo("application_id,application,consumer,calls,errors\r\n");

        WebSession admin = AdminSessions.logIn(port, DemoContent.ADMIN_USERNAME, DemoContent.ADMIN_PASSWORD);
        assertThat(admin.get("/analytics?range=1h&apiId=" + manual.getApi().getId()).body())
                .containsPattern("id=\"total-calls\"[^>]*>6<");
    }

    @Test
    void csvCellsAreQuotedAndFormulasDefused() {
        assertThat(DashboardCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(DashboardCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(DashboardCsv.cell(-3)).isEqualTo("-3");
        assertThat(DashboardCsv.cell(null)).isEmpty();
    }

    private void call(Subscription subscription, Instant when, String operation, int status, String reason) {
        jdbc.update("insert into analytics_event (occurred_at, request_id, api_id, operation, plan_id, application_id,"
                + " subscription_id, consumer_id, method, path, status, gateway_latency_us, bytes_in, bytes_out,"
                + " rejection_reason) values (?, ?, ?, ?, ?, ?, ?, ?, 'GET', '/x', ?, 1200, 0, 10, ?)",
                Timestamp.from(when), UUID.randomUUID().toString(), subscription.getPlan().getApi().getId(), operation,
                subscription.getPlan().getId(), subscription.getApplication().getId(), subscription.getId(),
                subscription.getApplication().getConsumer().getId(), status, reason);
    }
}
