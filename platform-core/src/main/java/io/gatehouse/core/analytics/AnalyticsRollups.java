package io.gatehouse.core.analytics;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the rollup tables ({@link RollupTable#KEPT}) up to date from {@code analytics_event}: each run adds the events
 * after the cursor to minute, hour and day buckets, with one set-based statement per table, so that the database
 * groups the events where they are instead of sending them here. The cursor row is locked for the run, so several
 * admin UI nodes may call this and still count every event once. A run reads only ids up to the highest id the
 * previous run saw, so that a gateway's batch that had taken its ids but not yet committed when a run looked is
 * counted by a later run instead of skipped.
 */
@Service
public class AnalyticsRollups {

    /** Each key's latest call among the range's events, moved onto the key unless it already shows a later one. */
    private static final String MARK_KEYS_USED = "merge into api_key k using (select key_id, max(occurred_at) last_used"
            + " from analytics_event where id > ? and id <= ? and key_id is not null group by key_id) s"
            + " on (k.key_id = s.key_id) when matched and (k.last_used_at is null or k.last_used_at < s.last_used)"
            + " then update set last_used_at = s.last_used";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private volatile List<String> statements;
    private volatile boolean postgresql;

    AnalyticsRollups(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Counts up to {@code maxEvents} events into the rollups; returns how many it counted. */
    public int rollUp(int maxEvents) {
        List<String> adds = statements();
        Integer counted = transactions.execute(status -> {
            Map<String, Object> cursor = jdbc.queryForMap(
                    "select last_event_id, seen_max_id from analytics_rollup_cursor where id = 1 for update");
            long last = ((Number) cursor.get("last_event_id")).longValue();
            long safe = ((Number) cursor.get("seen_max_id")).longValue();
            Long max = jdbc.queryForObject("select max(id) from analytics_event", Long.class);
            long upTo = last;
            int events = 0;
            if (safe > last) {
                Map<String, Object> range = jdbc.queryForMap("select count(*) events, max(id) up_to from (select id"
                        + " from analytics_event where id > ? and id <= ? order by id fetch first ? rows only) e",
                        last, safe, maxEvents);
                events = ((Number) range.get("events")).intValue();
                upTo = events == 0 ? last : ((Number) range.get("up_to")).longValue();
            }
            if (events > 0) {
                if (postgresql) {
                    // Room to group a chunk in memory rather than sort it on disk (4 MB by default).
                    jdbc.execute("set local work_mem = '64MB'");
                }
                jdbc.update(RollupTable.STAGE, last, upTo);
                for (String add : adds) {
                    jdbc.update(add);
                }
                jdbc.update("delete from analytics_rollup_stage");
                jdbc.update(MARK_KEYS_USED, last, upTo);
            }
            jdbc.update("update analytics_rollup_cursor set last_event_id = ?, seen_max_id = ?, updated_at = ?"
                    + " where id = 1", upTo, Math.max(safe, max == null ? 0 : max), Timestamp.from(Instant.now()));
            return events;
        });
        return counted == null ? 0 : counted;
    }

    private List<String> statements() {
        List<String> known = statements;
        if (known == null) {
            postgresql = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) EventPartitions::supported));
            known = statements = RollupTable.KEPT.stream().map(table -> table.addEvents(postgresql)).toList();
        }
        return known;
    }

    /** Counts everything there is to count now (twice over the cursor's one-run delay); for tests and benchmarks. */
    public long rollUpAll() {
        long total = 0;
        for (int pass = 0; pass < 2; pass++) {
            int counted;
            do {
                counted = rollUp(50_000);
                total += counted;
            } while (counted > 0);
        }
        return total;
    }

    /**
     * Deletes what is older than its retention: raw events only once they are counted, and each rollup level by
     * its own setting. On PostgreSQL it also creates the event partitions of the coming months and drops the months
     * past retention whole. Returns how many rows went.
     */
    public int forget(Instant now, AnalyticsProperties retention) {
        Integer deleted = transactions.execute(status -> {
            Instant rawBefore = now.minus(retention.rawRetention());
            long counted = jdbc.queryForObject("select last_event_id from analytics_rollup_cursor where id = 1",
                    Long.class);
            // On PostgreSQL whole months go at once, and the months ahead are made ready.
            long dropped = jdbc.execute((ConnectionCallback<Long>) connection -> {
                if (!EventPartitions.supported(connection)) {
                    return 0L;
                }
                EventPartitions.createAhead(connection, now);
                return EventPartitions.dropEndedBefore(connection, rawBefore, counted);
            });
            int rows = (int) dropped + jdbc.update("delete from analytics_event where occurred_at < ?"
                    + " and id <= (select last_event_id from analytics_rollup_cursor where id = 1)",
                    Timestamp.from(rawBefore));
            for (RollupTable table : RollupTable.KEPT) {
                if (!table.hasResolution()) {
                    continue;
                }
                for (Resolution resolution : table.resolutions()) {
                    rows += jdbc.update("delete from " + table.name() + " where resolution = ? and bucket_start < ?",
                            resolution.code(), Timestamp.from(now.minus(retention.retention(resolution))));
                }
            }
            // A quota window is a month at most.
            rows += jdbc.update("delete from analytics_quota_day where day_start < ?",
                    Timestamp.from(now.minus(Duration.ofDays(40))));
            // A gateway's writer row guards its retried batches; a week without a batch means the gateway is gone.
            rows += jdbc.update("delete from analytics_writer where written_at < ?",
                    Timestamp.from(now.minus(Duration.ofDays(7))));
            return rows;
        });
        return deleted == null ? 0 : deleted;
    }
}
