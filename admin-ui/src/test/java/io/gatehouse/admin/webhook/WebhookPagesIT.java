package io.gatehouse.admin.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.gatehouse.admin.AdminSessions;
import io.gatehouse.admin.AdminTest;
import io.gatehouse.admin.demo.DemoContent;
import io.gatehouse.testsupport.WebSession;

/** The admin UI's webhook pages: add, show the secret to its owner only, rotate, test, pause, delete. */
@AdminTest
class WebhookPagesIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAdminAddsAnEndpointSeesItsSecretAndManagesIt() {
        WebSession admin = AdminSessions.logIn(port, DemoContent.ADMIN_USERNAME, DemoContent.ADMIN_PASSWORD);
        assertThat(admin.get("/").body()).contains("id=\"nav-webhooks\"");
        HttpResponse<String> refused = admin.submit("/webhooks", "/webhooks",
                Map.of("url", "ftp://example.com/x", "eventTypes", "key.issued"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"webhook-problem\"", "http or https only");

        HttpResponse<String> created = admin.submit("/webhooks", "/webhooks",
                Map.of("url", "https://hooks.example.com/gatehouse", "eventTypes", "subscription.requested"));
        assertThat(created.statusCode()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String secret = jdbc.queryForObject("select secret from webhook_endpoint where id = ?", String.class, id);
        assertThat(secret).startsWith("whsec_").hasSize(6 + 64);

        String page = admin.get("/webhooks/" + id).body();
        assertThat(page).contains("<html", secret, "https://hooks.example.com/gatehouse", "id=\"no-deliveries\"");
        assertThat(admin.get("/webhooks").body()).contains("href=\"/webhooks/" + id + "\"");

        admin.submit("/webhooks/" + id, "/webhooks/" + id + "/test", Map.of());
        HttpResponse<String> fragment = admin.get("/webhooks/" + id, "HX-Request", "true");
        assertThat(fragment.body()).startsWith("<section id=\"deliveries\"").contains("ping").doesNotContain("<html")
                .doesNotContain(secret);

        admin.submit("/webhooks/" + id, "/webhooks/" + id + "/rotate-secret", Map.of());
        String rotated = jdbc.queryForObject("select secret from webhook_endpoint where id = ?", String.class, id);
        assertThat(rotated).isNotEqualTo(secret);
        assertThat(admin.get("/webhooks/" + id).body()).contains(rotated).doesNotContain(secret);

        admin.submit("/webhooks/" + id, "/webhooks/" + id + "/active", Map.of("active", "false"));
        assertThat(jdbc.queryForObject("select active from webhook_endpoint where id = ?", Boolean.class, id)).isFalse();

        // Another admin user's session finds nothing under this id, and changes nothing.
        WebSession owner = AdminSessions.logIn(port, DemoContent.OWNER_USERNAME, DemoContent.OWNER_PASSWORD);
        assertThat(owner.get("/webhooks/" + id).statusCode()).isEqualTo(404);
        String csrf = owner.csrfToken("/webhooks");
        for (String action : new String[] {"/rotate-secret", "/test", "/delete"}) {
            assertThat(owner.postForm("/webhooks/" + id + action, Map.of("_csrf", csrf)).statusCode()).as(action)
                    .isEqualTo(404);
        }
        assertThat(jdbc.queryForObject("select secret from webhook_endpoint where id = ?", String.class, id))
                .isEqualTo(rotated);

        HttpResponse<String> deleted = admin.submit("/webhooks/" + id, "/webhooks/" + id + "/delete", Map.of());
        assertThat(deleted.headers().firstValue("Location").orElseThrow()).endsWith("/webhooks?deleted");
        assertThat(jdbc.queryForObject("select count(*) from webhook_endpoint where id = ?", Integer.class, id)).isZero();
    }
}
