package io.gatehouse.portal.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.gatehouse.portal.PortalTest;
import io.gatehouse.portal.application.SelfServiceFixture;
import io.gatehouse.testsupport.WebSession;

/**
 * A consumer's webhook pages: adding an endpoint sets only its URL and event types, the secret is shown to its owner,
 * the deliveries fragment answers an HTMX request, and the actions work. Other consumers are the isolation matrix's.
 */
@PortalTest
class PortalWebhooksIT {

    @Autowired
    SelfServiceFixture fixture;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aConsumerAddsAnEndpointSetsOnlyItsUrlAndTypesAndManagesIt() {
        SelfServiceFixture.Account ada = fixture.consumer();
        SelfServiceFixture.Account bob = fixture.consumer();
        WebSession session = fixture.login(ada);
        assertThat(session.get("/webhooks").body()).contains("id=\"webhooks-nav\"", "id=\"no-webhooks\"",
                "value=\"key.expiring\"");

        HttpResponse<String> refused = session.submit("/webhooks", "/webhooks", Map.of("url", "https://x.example.com/h"));
        assertThat(refused.body()).contains("id=\"webhook-problem\"", "Choose at least one");

        Map<String, String> fields = new HashMap<>(Map.of("url", "https://hooks.example.com/ada",
                "eventTypes", "key.rotated"));
        // Fields no form offers, with values an attacker would like.
        fields.putAll(Map.of("consumerId", Long.toString(bob.id()), "adminUserId", "1", "active", "false",
                "secret", "whsec_chosen", "id", "1"));
        HttpResponse<String> created = session.submit("/webhooks", "/webhooks", fields);
        assertThat(created.statusCode()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        Map<String, Object> row = jdbc.queryForMap("select * from webhook_endpoint where id = ?", id);
        assertThat(((Number) row.get("consumer_id")).longValue()).isEqualTo(ada.id());
        assertThat(row).containsEntry("admin_user_id", null).containsEntry("active", true)
                .containsEntry("event_types", "key.rotated");
        String secret = (String) row.get("secret");
        assertThat(secret).startsWith("whsec_").isNotEqualTo("whsec_chosen");

        assertThat(session.get("/webhooks/" + id).body()).contains("<html", secret, "id=\"no-deliveries\"");
        session.submit("/webhooks/" + id, "/webhooks/" + id + "/test", Map.of());
        HttpResponse<String> fragment = session.get("/webhooks/" + id, "HX-Request", "true");
        assertThat(fragment.body()).startsWith("<section id=\"deliveries\"").contains("ping", "PENDING")
                .doesNotContain("<html");
        assertThat(fragment.headers().allValues("Vary")).anyMatch(v -> v.contains("HX-Request"));

        session.submit("/webhooks/" + id, "/webhooks/" + id + "/rotate-secret", Map.of());
        assertThat(jdbc.queryForObject("select secret from webhook_endpoint where id = ?", String.class, id))
                .isNotEqualTo(secret);
        session.submit("/webhooks/" + id, "/webhooks/" + id + "/active", Map.of("active", "false"));
        assertThat(session.get("/webhooks/" + id).body()).contains(">paused<", ">Resume<");

        session.submit("/webhooks/" + id, "/webhooks/" + id + "/delete", Map.of());
        assertThat(jdbc.queryForObject("select count(*) from webhook_endpoint where id = ?", Integer.class, id)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from webhook_delivery where endpoint_id = ?", Integer.class, id))
                .isZero();
    }
}
