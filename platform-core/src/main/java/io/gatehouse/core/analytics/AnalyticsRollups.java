package io.gatehouse.core.analytics;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code analytics_rollup} up to date from {@code analytics_event}: each run counts the events after the
 * cursor into minute, hour and day buckets, adding to the rows already there. The cursor row is locked for the
 * run, so several admin UI nodes may call this and still count every event once. A run reads only ids up to the
 * highest id the previous run saw, so that a gateway's batch that had taken its ids but not yet committed when a
 * run looked is counted by a later run instead of skipped.
 */
@Service
public class AnalyticsRollups {

    private static final String EVENTS = "select id, occurred_at, api_id, operation, plan_id, application_id,"
            + " subscription_id, consumer_id, status, gateway_latency_us, upstream_latency_us, bytes_in, bytes_out,"
            + " rejection_reason, key_id from analytics_event where id > ? and id <= ? order by id fetch first ? rows only";

    private static final String LATENCY_COLUMNS = IntStream.range(0, LatencyBuckets.COUNT)
            .mapToObj(LatencyBuckets::column).collect(Collectors.joining(", "));

    private static final String KEY_CONDITION = "resolution = ? and bucket_start = ? and api_id = ? and operation = ?"
            + " and plan_id = ? and application_id = ? and subscription_id = ? and consumer_id = ? and status_class = ?"
            + " and rejection_reason = ?";

    private static final String ADD = "update analytics_rollup set request_count = request_count + ?,"
            + " latency_sum_us = latency_sum_us + ?, latency_max_us = greatest(latency_max_us, ?),"
            + " upstream_sum_us = upstream_sum_us + ?, bytes_in = bytes_in + ?, bytes_out = bytes_out + ?, "
            + IntStream.range(0, LatencyBuckets.COUNT).mapToObj(i -> LatencyBuckets.column(i) + " = "
                    + LatencyBuckets.column(i) + " + ?").collect(Collectors.joining(", "))
            + " where " + KEY_CONDITION;

    private static final String INSERT = "insert into analytics_rollup (request_count, latency_sum_us,"
            + " latency_max_us, upstream_sum_us, bytes_in, bytes_out, " + LATENCY_COLUMNS + ", resolution,"
            + " bucket_start, api_id, operation, plan_id, application_id, subscription_id, consumer_id, status_class,"
            + " rejection_reason) values (" + "?, ".repeat(6 + LatencyBuckets.COUNT + 9) + "?)";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    AnalyticsRollups(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Counts up to {@code maxEvents} events into the rollups; returns how many it counted. */
    public int rollUp(int maxEvents) {
        Integer counted = transactions.execute(status -> {
            Map<String, Object> cursor = jdbc.queryForMap(
                    "select last_event_id, seen_max_id from analytics_rollup_cursor where id = 1 for update");
            long last = ((Number) cursor.get("last_event_id")).longValue();
            long safe = ((Number) cursor.get("seen_max_id")).longValue();
            Long max = jdbc.queryForObject("select max(id) from analytics_event", Long.class);
            List<Event> events = safe > last ? jdbc.query(EVENTS, (rs, n) -> new Event(rs.getLong(1),
                    rs.getTimestamp(2).toInstant(), rs.getLong(3), orEmpty(rs.getString(4)), rs.getLong(5),
                    rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getInt(9), rs.getLong(10), rs.getLong(11),
                    rs.getLong(12), rs.getLong(13), orEmpty(rs.getString(14)), rs.getString(15)), last, safe,
                    maxEvents) : List.of();
            write(aggregate(events));
            addQuotaDays(events);
            markKeysUsed(events);
            long newLast = events.isEmpty() ? last : events.get(events.size() - 1).id();
            jdbc.update("update analytics_rollup_cursor set last_event_id = ?, seen_max_id = ?, updated_at = ?"
                    + " where id = 1", newLast, Math.max(safe, max == null ? 0 : max), Timestamp.from(Instant.now()));
            return events.size();
        });
        return counted == null ? 0 : counted;
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
            for (Resolution resolution : Resolution.values()) {
                rows += jdbc.update("delete from analytics_rollup where resolution = ? and bucket_start < ?",
                        resolution.code(), Timestamp.from(now.minus(retention.retention(resolution))));
            }
            // A quota window is a month at most.
            rows += jdbc.update("delete from analytics_quota_day where day_start < ?",
                    Timestamp.from(now.minus(Duration.ofDays(40))));
            return rows;
        });
        return deleted == null ? 0 : deleted;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private record Event(long id, Instant occurredAt, long apiId, String operation, long planId, long applicationId,
            long subscriptionId, long consumerId, int status, long latencyMicros, long upstreamMicros, long bytesIn,
            long bytesOut, String rejectionReason, String keyId) {
    }

    private record Key(Resolution resolution, Instant bucket, long apiId, String operation, long planId,
            long applicationId, long subscriptionId, long consumerId, int statusClass, String rejectionReason) {
    }

    private static final class Sums {
        long requests;
        long latencySum;
        long latencyMax;
        long upstreamSum;
        long bytesIn;
        long bytesOut;
        final long[] latency = new long[LatencyBuckets.COUNT];

        void add(Event e) {
            requests++;
            latencySum += e.latencyMicros();
            latencyMax = Math.max(latencyMax, e.latencyMicros());
            upstreamSum += e.upstreamMicros();
            bytesIn += e.bytesIn();
            bytesOut += e.bytesOut();
            latency[LatencyBuckets.index(e.latencyMicros())]++;
        }
    }

    private static Map<Key, Sums> aggregate(List<Event> events) {
        Map<Key, Sums> sums = new HashMap<>();
        for (Event e : events) {
            for (Resolution resolution : Resolution.values()) {
                Key key = new Key(resolution, resolution.bucketOf(e.occurredAt()), e.apiId(), e.operation(),
                        e.planId(), e.applicationId(), e.subscriptionId(), e.consumerId(), e.status() / 100,
                        e.rejectionReason());
                sums.computeIfAbsent(key, k -> new Sums()).add(e);
            }
        }
        return sums;
    }

    /** Adds the calls that used quota to their subscription's UTC day ({@code analytics_quota_day}). */
    private void addQuotaDays(List<Event> events) {
        record Day(long subscriptionId, Instant start) {
        }
        Map<Day, Long> used = new HashMap<>();
        for (Event e : events) {
            if (e.subscriptionId() != 0 && !AnalyticsQueries.LIMIT_REASONS.contains(e.rejectionReason())) {
                used.merge(new Day(e.subscriptionId(), Resolution.DAY.bucketOf(e.occurredAt())), 1L, Long::sum);
            }
        }
        if (used.isEmpty()) {
            return;
        }
        List<Map.Entry<Day, Long>> rows = new ArrayList<>(used.entrySet());
        int[] updated = jdbc.batchUpdate("update analytics_quota_day set used = used + ? where subscription_id = ?"
                + " and day_start = ?", rows, rows.size(), (statement, row) -> bindQuotaDay(statement, row.getValue(),
                        row.getKey().subscriptionId(), row.getKey().start()))[0];
        List<Map.Entry<Day, Long>> missing = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (updated[i] == 0) {
                missing.add(rows.get(i));
            }
        }
        if (!missing.isEmpty()) {
            jdbc.batchUpdate("insert into analytics_quota_day (used, subscription_id, day_start) values (?, ?, ?)",
                    missing, missing.size(), (statement, row) -> bindQuotaDay(statement, row.getValue(),
                            row.getKey().subscriptionId(), row.getKey().start()));
        }
    }

    private static void bindQuotaDay(PreparedStatement statement, long used, long subscriptionId, Instant day)
            throws SQLException {
        statement.setLong(1, used);
        statement.setLong(2, subscriptionId);
        statement.setTimestamp(3, Timestamp.from(day));
    }

    /**
     * Moves each key's "last used" forward to its latest call among these events (only keys the gateway accepted
     * carry a key id), so the portal can show it without the gateway ever writing to the database per request.
     */
    private void markKeysUsed(List<Event> events) {
        Map<String, Instant> latest = new HashMap<>();
        for (Event e : events) {
            if (e.keyId() != null) {
                latest.merge(e.keyId(), e.occurredAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        if (latest.isEmpty()) {
            return;
        }
        List<Map.Entry<String, Instant>> rows = new ArrayList<>(latest.entrySet());
        jdbc.batchUpdate("update api_key set last_used_at = ? where key_id = ?"
                + " and (last_used_at is null or last_used_at < ?)", rows, rows.size(), (statement, row) -> {
                    statement.setTimestamp(1, Timestamp.from(row.getValue()));
                    statement.setString(2, row.getKey());
                    statement.setTimestamp(3, Timestamp.from(row.getValue()));
                });
    }

    /** Adds to the rows that exist and inserts the others; only one run writes at a time (the cursor lock). */
    private void write(Map<Key, Sums> sums) {
        if (sums.isEmpty()) {
            return;
        }
        List<Map.Entry<Key, Sums>> rows = new ArrayList<>(sums.entrySet());
        int[] updated = jdbc.batchUpdate(ADD, rows, rows.size(), this::bind)[0];
        List<Map.Entry<Key, Sums>> missing = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (updated[i] == 0) {
                missing.add(rows.get(i));
            }
        }
        if (!missing.isEmpty()) {
            jdbc.batchUpdate(INSERT, missing, missing.size(), this::bind);
        }
    }

    /** Binds the sums, then the key: the order both ADD and INSERT take them in. */
    private void bind(PreparedStatement statement, Map.Entry<Key, Sums> row) throws SQLException {
        Sums s = row.getValue();
        Key k = row.getKey();
        int i = 1;
        statement.setLong(i++, s.requests);
        statement.setLong(i++, s.latencySum);
        statement.setLong(i++, s.latencyMax);
        statement.setLong(i++, s.upstreamSum);
        statement.setLong(i++, s.bytesIn);
        statement.setLong(i++, s.bytesOut);
        for (long count : s.latency) {
            statement.setLong(i++, count);
        }
        statement.setString(i++, k.resolution().code());
        statement.setTimestamp(i++, Timestamp.from(k.bucket()));
        statement.setLong(i++, k.apiId());
        statement.setString(i++, k.operation());
        statement.setLong(i++, k.planId());
        statement.setLong(i++, k.applicationId());
        statement.setLong(i++, k.subscriptionId());
        statement.setLong(i++, k.consumerId());
        statement.setInt(i++, k.statusClass());
        statement.setString(i, k.rejectionReason());
    }
}
