package io.gatehouse.admin.catalog;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A document between its preview and its confirmation, kept in the database rather than the session so that any
 * admin UI node can finish the import. Drafts belong to the user who made them and expire after a day.
 */
@Component
class ImportDrafts {

    static final Duration LIFETIME = Duration.ofDays(1);

    private final JdbcTemplate jdbc;

    ImportDrafts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Draft(String id, String source, String document) {
    }

    String save(String owner, String source, String document) {
        jdbc.update("delete from import_draft where created_at < ?", Timestamp.from(Instant.now().minus(LIFETIME)));
        String id = UUID.randomUUID().toString();
        jdbc.update("insert into import_draft (id, created_by, created_at, source, document) values (?, ?, ?, ?, ?)", id,
                owner, Timestamp.from(Instant.now()), source.length() > 2000 ? source.substring(0, 2000) : source,
                document);
        return id;
    }

    Optional<Draft> find(String id, String owner) {
        List<Draft> drafts = jdbc.query("select id, source, document from import_draft where id = ? and created_by = ?",
                (rs, row) -> new Draft(rs.getString(1), rs.getString(2), rs.getString(3)), id, owner);
        return drafts.stream().findFirst();
    }

    void delete(String id) {
        jdbc.update("delete from import_draft where id = ?", id);
    }
}
