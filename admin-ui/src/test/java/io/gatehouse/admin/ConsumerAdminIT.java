package io.gatehouse.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.gatehouse.admin.demo.DemoContent;
import io.gatehouse.core.subscription.Subscription;
import io.gatehouse.testsupport.WebSession;

/** Admins find consumers and suspend or resume them; each change is audited and reaches the gateway's revision. */
@AdminTest
class ConsumerAdminIT {

    @LocalServerPort
    int port;
    @Autowired
    AdminFixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAdminSuspendsAndResumesAConsumer() {
        Subscription request = fixtures.pendingRequest(fixtures.manualPlan(null), null);
        long consumerId = jdbc.queryForObject("select consumer_id from application where id = ?", Long.class,
                request.getApplication().getId());
        String email = jdbc.queryForObject("select email from consumer where id = ?", String.class, consumerId);
        WebSession admin = new WebSession("http://localhost:" + port);
        admin.submit("/login", "/login", Map.of("username", DemoContent.ADMIN_USERNAME,
                "password", DemoContent.ADMIN_PASSWORD));

        assertThat(admin.get("/consumers?q=" + email.substring(0, 8), "HX-Request", "true").body())
                .startsWith("<tbody").contains(email);
        long revision = jdbc.queryForObject("select revision from config_revision", Long.class);
        admin.postForm("/consumers/" + consumerId + "/suspend", Map.of("_csrf", admin.csrfToken("/consumers")));
        assertThat(jdbc.queryForObject("select status from consumer where id = ?", String.class, consumerId))
                .isEqualTo("SUSPENDED");
        assertThat(jdbc.queryForObject("select revision from config_revision", Long.class)).isGreaterThan(revision);
        admin.postForm("/consumers/" + consumerId + "/resume", Map.of("_csrf", admin.csrfToken("/consumers")));
        assertThat(jdbc.queryForObject("select status from consumer where id = ?", String.class, consumerId))
                .isEqualTo("ACTIVE");
        assertThat(jdbc.queryForList("select action from audit_entry where object_type = 'consumer' and object_id = ?"
                + " order by id", String.class, String.valueOf(consumerId)))
                .containsSubsequence("consumer.suspended", "consumer.resumed");

        WebSession owner = new WebSession("http://localhost:" + port);
        owner.submit("/login", "/login", Map.of("username", DemoContent.OWNER_USERNAME,
                "password", DemoContent.OWNER_PASSWORD));
        assertThat(owner.get("/consumers").statusCode()).isEqualTo(403);
    }
}
