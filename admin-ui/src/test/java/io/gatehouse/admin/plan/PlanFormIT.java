package io.gatehouse.admin.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
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
import io.gatehouse.testsupport.WebSession;

/** Plans through the admin form: the core's rules decide, only the form's fields bind, and only admins may. */
@AdminTest
class PlanFormIT {

    @LocalServerPort
    int port;
    @Autowired
    AdminFixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void invalidTermsAreShownAndValidOnesStoredAndChanged() {
        long apiId = fixtures.manualPlan(null).getApi().getId();
        WebSession admin = logIn(DemoContent.ADMIN_USERNAME, DemoContent.ADMIN_PASSWORD);
        String form = "/apis/" + apiId + "/plans/new";

        String refused = admin.postForm("/apis/" + apiId + "/plans", fields(admin.csrfToken(form), Map.of(
                "name", "Burst", "rateLimitRequests", "10", "rateLimitBurst", "5"))).body();
        assertThat(refused).contains("id=\"plan-problems\"", "The burst must be at least the rate limit");
        assertThat(plans(apiId)).isEqualTo(1);

        Map<String, String> valid = fields(admin.csrfToken(form), Map.of("name", "Silver", "rateLimitRequests", "20",
                "quotaLimit", "5000", "quotaPeriod", "DAY"));
        valid.put("api", "1");
        valid.put("id", "1");
        long revision = jdbc.queryForObject("select revision from config_revision", Long.class);
        assertThat(admin.postForm("/apis/" + apiId + "/plans", valid).statusCode()).isEqualTo(302);
        Map<String, Object> silver = jdbc.queryForMap("select id, api_id, rate_limit_requests, rate_limit_burst,"
                + " quota_limit, quota_period, approval_mode from plan where api_id = ? and name = 'Silver'", apiId);
        assertThat(silver).containsEntry("rate_limit_requests", 20).containsEntry("rate_limit_burst", 20)
                .containsEntry("quota_period", "DAY").containsEntry("approval_mode", "MANUAL");
        assertThat(((Number) silver.get("api_id")).longValue()).isEqualTo(apiId);
        assertThat(jdbc.queryForObject("select revision from config_revision", Long.class)).isGreaterThan(revision);

        long planId = ((Number) silver.get("id")).longValue();
        String edit = "/plans/" + planId + "/edit";
        assertThat(admin.get(edit).body()).contains("value=\"Silver\"", "value=\"5000\"");
        admin.postForm("/plans/" + planId, fields(admin.csrfToken(edit), Map.of("name", "Silver",
                "approvalMode", "AUTOMATIC")));
        assertThat(jdbc.queryForMap("select rate_limit_requests, quota_limit, approval_mode from plan where id = ?",
                planId)).containsEntry("rate_limit_requests", null).containsEntry("quota_limit", null)
                .containsEntry("approval_mode", "AUTOMATIC");
    }

    @Test
    void productOwnersCannotDefinePlans() {
        Plan plan = fixtures.manualPlan(DemoContent.OWNER_USERNAME);
        WebSession owner = logIn(DemoContent.OWNER_USERNAME, DemoContent.OWNER_PASSWORD);
        assertThat(owner.get("/apis/" + plan.getApi().getId() + "/plans/new").statusCode()).isEqualTo(403);
        assertThat(owner.get("/plans/" + plan.getId() + "/edit").statusCode()).isEqualTo(403);
    }

    private static Map<String, String> fields(String token, Map<String, String> values) {
        Map<String, String> fields = new HashMap<>(Map.of("_csrf", token, "description", "", "rateLimitPeriod",
                "SECOND", "quotaPeriod", "MONTH", "approvalMode", "MANUAL", "offered", "true"));
        fields.putAll(values);
        return fields;
    }

    private int plans(long apiId) {
        return jdbc.queryForObject("select count(*) from plan where api_id = ?", Integer.class, apiId);
    }

    private WebSession logIn(String username, String password) {
        return AdminSessions.logIn(port, username, password);
    }
}
