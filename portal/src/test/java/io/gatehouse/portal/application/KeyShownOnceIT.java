package io.gatehouse.portal.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Clob;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.gatehouse.core.application.Application;
import io.gatehouse.core.audit.Actor;
import io.gatehouse.core.catalog.CatalogService;
import io.gatehouse.core.subscription.SubscriptionService;
import io.gatehouse.portal.PortalTest;
import io.gatehouse.testsupport.WebSession;

/**
 * After its one display, the full key is nowhere: not in any column of any table, not in the log, not on the
 * reloaded page or its fragment. Neither is its secret part alone.
 */
@PortalTest
@ExtendWith(OutputCaptureExtension.class)
class KeyShownOnceIT {

    @LocalServerPort
    int port;
    @Autowired
    SelfServiceFixture fixture;
    @Autowired
    CatalogService catalog;
    @Autowired
    SubscriptionService subscriptions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theFirstKeyAndARotatedKeyAppearOnlyInTheirOneResponse(CapturedOutput output) {
        SelfServiceFixture.Account ada = fixture.consumer();
        WebSession session = fixture.login(ada);
        SelfServiceFixture.Offer offer = fixture.offer();
        Application app = fixture.application(ada);
        subscriptions.request(ada.id(), app.getId(), offer.automatic().getId(), null, Actor.consumer(ada.email(), null));
        String path = "/applications/" + app.getId();

        String first = ApplicationsIT.fullKey(session.get(path, "HX-Request", "true").body());
        String rotated = ApplicationsIT.fullKey(session.submit(path, path + "/keys/rotate", Map.of()).body());

        String page = session.get(path).body() + session.get(path, "HX-Request", "true").body()
                + session.get("/applications").body();
        String database = dumpEveryTable();
        assertThat(database).contains(app.getName()); // the dump does read the rows
        for (String key : List.of(first, rotated)) {
            String secret = key.substring(key.lastIndexOf('_') + 1, key.length() - 6);
            assertThat(page).doesNotContain(key, secret);
            assertThat(database).doesNotContain(key, secret);
            assertThat(output.getAll()).doesNotContain(key, secret);
        }
    }

    private String dumpEveryTable() {
        StringBuilder dump = new StringBuilder();
        List<String> tables = jdbc.queryForList("select table_name from information_schema.tables"
                + " where lower(table_schema) = 'public' and table_type in ('BASE TABLE', 'TABLE')", String.class);
        assertThat(tables).contains("api_key", "application", "audit_entry", "subscription");
        for (String table : tables) {
            for (Map<String, Object> row : jdbc.queryForList("select * from \"" + table + "\"")) {
                row.values().forEach(value -> dump.append(text(value)).append('\n'));
            }
        }
        return dump.toString();
    }

    private static String text(Object value) {
        try {
            if (value instanceof Clob clob) {
                return clob.getSubString(1, (int) clob.length());
            }
            if (value instanceof byte[] bytes) {
                return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            }
            return String.valueOf(value);
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
