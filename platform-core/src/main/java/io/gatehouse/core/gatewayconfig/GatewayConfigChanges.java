package io.gatehouse.core.gatewayconfig;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bumps the change marker that gateway nodes poll. Called in the same transaction as the change, so a node
 * that sees the new revision also sees the change.
 */
@Component
public class GatewayConfigChanges {

    private final JdbcTemplate jdbc;

    GatewayConfigChanges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void changed() {
        jdbc.update("update config_revision set revision = revision + 1, changed_at = ? where id = 1",
                Timestamp.from(Instant.now()));
    }

    public long currentRevision() {
        Long revision = jdbc.queryForObject("select revision from config_revision where id = 1", Long.class);
        return revision == null ? 0 : revision;
    }
}
