package io.gatehouse.admin.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.gatehouse.admin.AdminFixtures;
import io.gatehouse.admin.AdminSessions;
import io.gatehouse.admin.AdminTest;
import io.gatehouse.admin.demo.DemoContent;
import io.gatehouse.core.plan.Plan;
import io.gatehouse.core.subscription.Subscription;
import io.gatehouse.testsupport.WebSession;

/** The approval queue over HTTP: in-place decisions, reasons, bulk decisions, and product owners' scope. */
@AdminTest
class SubscriptionQueueIT {

    @LocalServerPort
    int port;
    @Autowired
    AdminFixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theQueueShowsPendingRequestsAndAnHtmxFilterAnswersWithTheRowsOnly() {
        Subscription request = fixtures.pendingRequest(fixtures.manualPlan(null), "We sell pet food");
        WebSession admin = logIn(DemoContent.ADMIN_USERNAME, DemoContent.ADMIN_PASSWORD);
        String page = admin.get("/subscriptions").body();
        assertThat(page).contains("id=\"subscription-" + request.getId() + "\"", "We sell pet food", "<html");
        HttpResponse<String> rows = admin.get("/subscriptions?status=PENDING&q=" + "nobody-matches-this",
                "HX-Request", "true");
        assertThat(rows.body()).startsWith("<tbody id=\"subscription-rows\"").contains("id=\"queue-empty\"")
                .doesNotContain("<html");
    }

    @Test
    void aRejectionNeedsAReasonWhichIsKeptAndAudited() {
        Subscription request = fixtures.pendingRequest(fixtures.manualPlan(null), null);
        WebSession admin = logIn(DemoContent.ADMIN_USERNAME, DemoContent.ADMIN_PASSWORD);
        String token = admin.csrfToken("/subscriptions");

        HttpResponse<String> refused = admin.postForm("/subscriptions/" + request.getId() + "/reject",
                Map.of("_csrf", token, "reason", " "), "HX-Request", "true");
        assertThat(refused.body()).contains("id=\"problem-" + request.getId() + "\"", "needs a reason")
                .startsWith("<tr");
        assertThat(status(request.getId())).isEqualTo("PENDING");

        HttpResponse<String> rejected = admin.postForm("/subscriptions/" + request.getId() + "/reject",
                Map.of("_csrf", token, "reason", "Use the free plan first"), "HX-Request", "true");
        assertThat(rejected.body()).contains(">REJECTED<", "Use the free plan first");
        assertThat(jdbc.queryForMap("select status, decision_reason, decided_by from subscription where id = ?",
                request.getId())).containsEntry("status", "REJECTED")
                .containsEntry("decision_reason", "Use the free plan first").containsEntry("decided_by", "admin");
        assertThat(jdbc.queryForObject("select source_address from audit_entry where action = 'subscription.rejected'"
                + " and object_id = ?", String.class, String.valueOf(request.getId()))).isNotBlank();
    }

    @Test
    void bulkApprovalDecidesEverySelectedRow() {
        Plan plan = fixtures.manualPlan(null);
        Subscription first = fixtures.pendingRequest(plan, null);
        Subscription second = fixtures.pendingRequest(plan, null);
        Subscription untouched = fixtures.pendingRequest(plan, null);
        WebSession admin = logIn(DemoContent.ADMIN_USERNAME, DemoContent.ADMIN_PASSWORD);

        admin.postForm("/subscriptions/decisions?ids=" + first.getId() + "&ids=" + second.getId(),
                Map.of("_csrf", admin.csrfToken("/subscriptions"), "action", "approve"));

        assertThat(status(first.getId())).isEqualTo("APPROVED");
        assertThat(status(second.getId())).isEqualTo("APPROVED");
        assertThat(status(untouched.getId())).isEqualTo("PENDING");

        HttpResponse<String> noReason = admin.postForm("/subscriptions/decisions?ids=" + untouched.getId(),
                Map.of("_csrf", admin.csrfToken("/subscriptions"), "action", "reject", "reason", ""),
                "HX-Request", "true");
        assertThat(noReason.body()).contains("id=\"bulk-problems\"", "needs a reason");
        assertThat(status(untouched.getId())).isEqualTo("PENDING");
    }

    @Test
    void anApprovedSubscriptionCanBeSuspendedResumedAndRevoked() {
        Subscription request = fixtures.pendingRequest(fixtures.manualPlan(null), null);
        WebSession admin = logIn(DemoContent.ADMIN_USERNAME, DemoContent.ADMIN_PASSWORD);
        String token = admin.csrfToken("/subscriptions");
        for (String[] step : new String[][] {{"approve", "APPROVED"}, {"suspend", "SUSPENDED"},
                {"resume", "APPROVED"}, {"revoke", "REVOKED"}}) {
            admin.postForm("/subscriptions/" + request.getId() + "/" + step[0], Map.of("_csrf", token),
                    "HX-Request", "true");
            assertThat(status(request.getId())).as(step[0]).isEqualTo(step[1]);
        }
    }

    @Test
    void productOwnersSeeAndDecideOnlyRequestsForTheirApis() {
        Subscription theirs = fixtures.pendingRequest(fixtures.manualPlan(DemoContent.OWNER_USERNAME), null);
        Subscription others = fixtures.pendingRequest(fixtures.manualPlan(DemoContent.ADMIN_USERNAME), null);
        WebSession owner = logIn(DemoContent.OWNER_USERNAME, DemoContent.OWNER_PASSWORD);

        String queue = owner.get("/subscriptions").body();
        assertThat(queue).contains("id=\"subscription-" + theirs.getId() + "\"")
                .doesNotContain("id=\"subscription-" + others.getId() + "\"");
        String token = owner.csrfToken("/subscriptions");
        assertThat(owner.postForm("/subscriptions/" + others.getId() + "/approve", Map.of("_csrf", token))
                .statusCode()).isEqualTo(404);
        assertThat(status(others.getId())).isEqualTo("PENDING");
        owner.postForm("/subscriptions/" + theirs.getId() + "/approve", Map.of("_csrf", token));
        assertThat(status(theirs.getId())).isEqualTo("APPROVED");
        assertThat(owner.get("/audit").statusCode()).isEqualTo(403);
    }

    @Test
    void theNavigationTellsEachUserHowManyRequestsWaitForThem() {
        fixtures.pendingRequest(fixtures.manualPlan(DemoContent.OWNER_USERNAME), null);
        long all = jdbc.queryForObject("select count(*) from subscription where status = 'PENDING'", Long.class);
        long owners = jdbc.queryForObject("select count(*) from subscription s join plan p on p.id = s.plan_id"
                + " join api a on a.id = p.api_id join admin_user u on u.id = a.owner_id where s.status = 'PENDING'"
                + " and u.username = ?", Long.class, DemoContent.OWNER_USERNAME);
        assertThat(owners).isPositive().isLessThan(all);
        assertThat(logIn(DemoContent.ADMIN_USERNAME, DemoContent.ADMIN_PASSWORD).get("/").body())
                .containsPattern("id=\"pending-badge\"[^>]*>" + all + "<");
        assertThat(logIn(DemoContent.OWNER_USERNAME, DemoContent.OWNER_PASSWORD).get("/apis").body())
                .containsPattern("id=\"pending-badge\"[^>]*>" + owners + "<");
    }

    @Test
    void theAuditLogShowsDecisionsAndFilters() {
        Subscription request = fixtures.pendingRequest(fixtures.manualPlan(null), null);
        WebSession admin = logIn(DemoContent.ADMIN_USERNAME, DemoContent.ADMIN_PASSWORD);
        admin.postForm("/subscriptions/" + request.getId() + "/approve",
                Map.of("_csrf", admin.csrfToken("/subscriptions")));
        String log = admin.get("/audit?action=subscription.approved&objectType=subscription").body();
        assertThat(log).contains("subscription " + request.getId(), "admin (admin)");
        assertThat(admin.get("/audit?action=plan.", "HX-Request", "true").body()).startsWith("<tbody")
                .doesNotContain("subscription.approved");
    }

    private String status(long id) {
        return jdbc.queryForObject("select status from subscription where id = ?", String.class, id);
    }

    private WebSession logIn(String username, String password) {
        return AdminSessions.logIn(port, username, password);
    }
}
