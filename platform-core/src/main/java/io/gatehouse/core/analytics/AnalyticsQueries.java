package io.gatehouse.core.analytics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import io.gatehouse.core.plan.Quota;
import io.gatehouse.core.plan.QuotaWindow;

/**
 * What the dashboards and "My usage" show, read from the rollups only (never the raw events), so that each view is a
 * handful of indexed, grouped queries however many calls there were.
 */
@Service
public class AnalyticsQueries {

    /** Refusals by the gateway that are the upstream's doing, counted with the upstream's own 5xx answers. */
    public static final Set<String> UPSTREAM_REASONS = Set.of("upstream-unavailable", "upstream-timeout",
            "circuit-open");

    /** Refusals that do not use up quota: the gateway counts a call against the quota only when it lets it pass. */
    public static final Set<String> LIMIT_REASONS = Set.of("rate-limited", "quota-exhausted");

    /** The most subscriptions quota use looks up by key; beyond it, it reads the window's rows by day. */
    private static final int IN_LIST_LIMIT = 200;

    private static final String LATENCY_COLUMNS = IntStream.range(0, LatencyBuckets.COUNT)
            .mapToObj(LatencyBuckets::column).collect(Collectors.joining(", "));

    private static final String LATENCY_SUMS = IntStream.range(0, LatencyBuckets.COUNT)
            .mapToObj(i -> "sum(" + LatencyBuckets.column(i) + ")").collect(Collectors.joining(", "));

    /** The same sums named after their columns, for a subquery. */
    private static final String LATENCY_SUMS_NAMED = IntStream.range(0, LatencyBuckets.COUNT)
            .mapToObj(i -> "sum(" + LatencyBuckets.column(i) + ") " + LatencyBuckets.column(i))
            .collect(Collectors.joining(", "));

    private static final String LATENCY_COLUMNS_OF_R = IntStream.range(0, LatencyBuckets.COUNT)
            .mapToObj(i -> "r." + LatencyBuckets.column(i)).collect(Collectors.joining(", "));

    private final NamedParameterJdbcTemplate jdbc;

    AnalyticsQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Calls in one bucket by status class, with latency percentiles over all of them (microseconds). */
    public record Point(Instant bucket, long success, long redirect, long clientError, long serverError, Long p50,
            Long p95, Long p99) {

        public long total() {
            return success + redirect + clientError + serverError;
        }
    }

    /** The whole range at once. {@code errors} are 4xx and 5xx answers. */
    public record Summary(long requests, long clientErrors, long serverErrors, Long p50, Long p95, Long p99,
            long bytesOut) {

        public long errors() {
            return clientErrors + serverErrors;
        }
    }

    public record ApplicationUsage(long applicationId, String applicationName, long consumerId, String consumerEmail,
            long requests, long errors) {
    }

    public record OperationUsage(long apiId, String apiName, String operation, long requests, long errors, Long p95) {
    }

    /**
     * Failed calls by cause: {@code reason} is the gateway's problem id, or empty for a 4xx/5xx the upstream gave;
     * {@code upstream} tells upstream failures (5xx from it, timeouts, refused connections, open circuits) from the
     * gateway's own refusals.
     */
    public record Failures(String reason, int statusClass, boolean upstream, long requests) {
    }

    /** A subscription's use of its quota in the current window, as the gateway counts it. */
    public record QuotaUse(long subscriptionId, long apiId, String apiName, long planId, String planName,
            long applicationId,
            String applicationName, String consumerEmail, long used, long limit, Quota.Period period,
            Instant resetsAt, long consumerId) {

        public int percent() {
            return limit == 0 ? 100 : (int) Math.min(100, used * 100 / limit);
        }
    }

    /** An application that called one of an API's operations, and how often. */
    public record Caller(String operation, long applicationId, String applicationName, String consumerEmail,
            long calls, Instant lastHour) {
    }

    /**
     * The applications that called any of {@code operations} (labels, see {@code ApiOperation.label}) of the API
     * since {@code since}, by operation, most calls first; read from hour rollups.
     */
    public List<Caller> callers(long apiId, Collection<String> operations, Instant since) {
        if (operations.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select r.operation, r.application_id, app.name, c.email, r.calls, r.last_hour from ("
                + " select operation, application_id, consumer_id, sum(request_count) calls,"
                + " max(bucket_start) last_hour from analytics_rollup where resolution = 'h' and api_id = :apiId"
                + " and operation in (:operations) and bucket_start >= :since and application_id <> 0"
                + " group by operation, application_id, consumer_id) r"
                + " join application app on app.id = r.application_id join consumer c on c.id = r.consumer_id"
                + " order by r.operation, r.calls desc, r.application_id",
                new MapSqlParameterSource("apiId", apiId).addValue("operations", operations)
                        .addValue("since", Timestamp.from(Resolution.HOUR.bucketOf(since))),
                (rs, n) -> new Caller(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getTimestamp(6).toInstant()));
    }

    public List<Point> series(UsageScope scope) {
        if (scope.empty()) {
            return List.of();
        }
        Filter filter = filter(scope, scope.resolution(), false, RollupTable.TOTALS, RollupTable.TRAFFIC);
        Map<Instant, long[]> byBucket = new LinkedHashMap<>();
        Map<Instant, long[]> latency = new LinkedHashMap<>();
        Map<Instant, Long> max = new LinkedHashMap<>();
        jdbc.query("select bucket_start, status_class, sum(request_count), max(latency_max_us), " + LATENCY_SUMS
                + " from " + filter.rows("bucket_start, status_class, request_count, latency_max_us, "
                        + LATENCY_COLUMNS) + " group by bucket_start, status_class"
                + " order by bucket_start", filter.params, (ResultSet rs) -> {
                    Instant bucket = rs.getTimestamp(1).toInstant();
                    int statusClass = rs.getInt(2);
                    byBucket.computeIfAbsent(bucket, b -> new long[6])[Math.min(5, Math.max(2, statusClass))]
                            += rs.getLong(3);
                    max.merge(bucket, rs.getLong(4), Math::max);
                    long[] counts = latency.computeIfAbsent(bucket, b -> new long[LatencyBuckets.COUNT]);
                    for (int i = 0; i < LatencyBuckets.COUNT; i++) {
                        counts[i] += rs.getLong(5 + i);
                    }
                });
        // Every bucket of the range has a point, quiet ones too, so that time runs evenly along a chart's axis.
        List<Point> points = new ArrayList<>();
        Resolution resolution = scope.resolution();
        for (Instant bucket = resolution.bucketOf(scope.from()); bucket.isBefore(scope.to());
                bucket = bucket.plus(resolution.length())) {
            long[] c = byBucket.get(bucket);
            if (c == null) {
                points.add(new Point(bucket, 0, 0, 0, 0, null, null, null));
                continue;
            }
            long[] counts = latency.get(bucket);
            long slowest = max.get(bucket);
            points.add(new Point(bucket, c[2], c[3], c[4], c[5], LatencyBuckets.percentile(counts, 50, slowest),
                    LatencyBuckets.percentile(counts, 95, slowest), LatencyBuckets.percentile(counts, 99, slowest)));
        }
        return points;
    }

    public Summary summary(UsageScope scope) {
        if (scope.empty()) {
            return new Summary(0, 0, 0, null, null, null, 0);
        }
        Filter filter = filter(scope, scope.totalsResolution(), true, RollupTable.TOTALS, RollupTable.TRAFFIC);
        return jdbc.query("select coalesce(sum(request_count), 0),"
                + " coalesce(sum(case when status_class = 4 then request_count else 0 end), 0),"
                + " coalesce(sum(case when status_class = 5 then request_count else 0 end), 0),"
                + " coalesce(max(latency_max_us), 0), coalesce(sum(bytes_out), 0), " + LATENCY_SUMS
                + " from " + filter.rows("status_class, request_count, latency_max_us, bytes_out, " + LATENCY_COLUMNS),
                filter.params, (ResultSet rs) -> {
                    rs.next();
                    long[] counts = latencyCounts(rs, 6);
                    long slowest = rs.getLong(4);
                    return new Summary(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                            LatencyBuckets.percentile(counts, 50, slowest),
                            LatencyBuckets.percentile(counts, 95, slowest),
                            LatencyBuckets.percentile(counts, 99, slowest), rs.getLong(5));
                });
    }

    /** The applications (with their consumers) that called most, most first. */
    public List<ApplicationUsage> topApplications(UsageScope scope, int limit) {
        if (scope.empty()) {
            return List.of();
        }
        Filter filter = filter(scope, scope.totalsResolution(), true, RollupTable.APPLICATIONS);
        filter.params.addValue("limit", limit);
        return jdbc.query("select r.application_id, app.name, r.consumer_id, c.email, r.requests, r.errors from ("
                + " select application_id, consumer_id, sum(request_count) requests, sum(" + filter.errors() + ") errors"
                + " from " + filter.rows("application_id, consumer_id, request_count, " + filter.errorColumn())
                + " and application_id <> 0"
                + " group by application_id, consumer_id) r"
                + " join application app on app.id = r.application_id join consumer c on c.id = r.consumer_id"
                + " order by r.requests desc, r.application_id fetch first :limit rows only", filter.params,
                (rs, n) -> new ApplicationUsage(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getLong(5), rs.getLong(6)));
    }

    /** The operations called most, most first; calls that matched no operation are not listed. */
    public List<OperationUsage> topOperations(UsageScope scope, int limit) {
        if (scope.empty()) {
            return List.of();
        }
        Filter filter = filter(scope, scope.totalsResolution(), true, RollupTable.OPERATIONS);
        filter.params.addValue("limit", limit);
        return jdbc.query("select r.api_id, api.name, r.operation, r.requests, r.errors, r.slowest, "
                + LATENCY_COLUMNS_OF_R + " from (select api_id, operation, sum(request_count) requests,"
                + " sum(" + filter.errors() + ") errors, max(latency_max_us) slowest, " + LATENCY_SUMS_NAMED
                + " from " + filter.rows("api_id, operation, request_count, latency_max_us, " + filter.errorColumn()
                        + ", " + LATENCY_COLUMNS) + " and operation <> ''"
                + " group by api_id, operation) r join api on api.id = r.api_id"
                + " order by r.requests desc, r.operation fetch first :limit rows only", filter.params,
                (rs, n) -> new OperationUsage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getLong(5), LatencyBuckets.percentile(latencyCounts(rs, 7), 95, rs.getLong(6))));
    }

    /** Failed calls grouped by cause, most first. */
    public List<Failures> failures(UsageScope scope) {
        if (scope.empty()) {
            return List.of();
        }
        Filter filter = filter(scope, scope.totalsResolution(), true, RollupTable.TOTALS, RollupTable.TRAFFIC);
        return jdbc.query("select rejection_reason, status_class, sum(request_count) from "
                + filter.rows("rejection_reason, status_class, request_count")
                + " and status_class >= 4 group by rejection_reason, status_class"
                + " order by sum(request_count) desc, rejection_reason", filter.params,
                (rs, n) -> {
                    String reason = rs.getString(1);
                    int statusClass = rs.getInt(2);
                    boolean upstream = UPSTREAM_REASONS.contains(reason) || (reason.isEmpty() && statusClass == 5);
                    return new Failures(reason, statusClass, upstream, rs.getLong(3));
                });
    }

    /**
     * Each approved subscription with a quota, in scope ({@code apiIds}: null for all; {@code consumerId}: null for
     * anyone's), with what it used of its current window at {@code now}: the calls the gateway let past its limits.
     */
    public List<QuotaUse> quotaUse(Set<Long> apiIds, Long consumerId, Long applicationId, Instant now) {
        if (apiIds != null && apiIds.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder where = new StringBuilder("s.status = 'APPROVED' and p.quota_limit is not null");
        if (apiIds != null) {
            where.append(" and s.api_id in (:apiIds)");
            params.addValue("apiIds", apiIds);
        }
        if (consumerId != null) {
            where.append(" and app.consumer_id = :consumerId");
            params.addValue("consumerId", consumerId);
        }
        if (applicationId != null) {
            where.append(" and s.application_id = :applicationId");
            params.addValue("applicationId", applicationId);
        }
        record Row(long subscriptionId, long apiId, String apiName, long planId, String planName, long applicationId,
                String applicationName, String email, long limit, Quota.Period period, long consumerId) {
        }
        List<Row> rows = jdbc.query("select s.id, s.api_id, api.name, p.id, p.name, app.id, app.name, c.email,"
                + " p.quota_limit, p.quota_period, c.id from subscription s join plan p on p.id = s.plan_id"
                + " join api on api.id = s.api_id join application app on app.id = s.application_id"
                + " join consumer c on c.id = app.consumer_id where " + where + " order by s.id", params,
                (rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getLong(6), rs.getString(7), rs.getString(8), rs.getLong(9),
                        Quota.Period.valueOf(rs.getString(10)), rs.getLong(11)));
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Quota.Period, QuotaWindow> windows = new LinkedHashMap<>();
        for (Quota.Period period : Quota.Period.values()) {
            windows.put(period, QuotaWindow.containing(period, now));
        }
        Map<Long, Long> used = new LinkedHashMap<>();
        for (Map.Entry<Quota.Period, QuotaWindow> window : windows.entrySet()) {
            Set<Long> ids = rows.stream().filter(r -> r.period() == window.getKey()).map(Row::subscriptionId)
                    .collect(Collectors.toSet());
            if (ids.isEmpty()) {
                continue;
            }
            // Quota windows are UTC days and months: at most 31 day rows per subscription, kept by the rollup job.
            // Few subscriptions are looked up by key; for many, the window's rows are read by day and the others
            // skipped here: H2 checks a long IN list against every row it reads, thousands of times a row.
            MapSqlParameterSource days = new MapSqlParameterSource("start",
                    Timestamp.from(window.getValue().start())).addValue("end", Timestamp.from(window.getValue().end()));
            String some = "";
            if (ids.size() <= IN_LIST_LIMIT) {
                some = " and subscription_id in (:ids)";
                days.addValue("ids", ids);
            }
            jdbc.query("select subscription_id, used from analytics_quota_day where day_start >= :start"
                    + " and day_start < :end" + some, days, (ResultSet rs) -> {
                        long id = rs.getLong(1);
                        if (ids.contains(id)) {
                            used.merge(id, rs.getLong(2), Long::sum);
                        }
                    });
        }
        return rows.stream().map(r -> new QuotaUse(r.subscriptionId(), r.apiId(), r.apiName(), r.planId(), r.planName(),
                r.applicationId(), r.applicationName(), r.email(), used.getOrDefault(r.subscriptionId(), 0L),
                r.limit(), r.period(), windows.get(r.period()).end(), r.consumerId())).toList();
    }

    private static long[] latencyCounts(ResultSet rs, int firstColumn) throws SQLException {
        long[] counts = new long[LatencyBuckets.COUNT];
        for (int i = 0; i < LatencyBuckets.COUNT; i++) {
            counts[i] = rs.getLong(firstColumn + i);
        }
        return counts;
    }

    /**
     * What a query reads: {@code table}'s rows in the scope's time ({@code times}, one range or several that tile it)
     * that pass {@code where}, the scope's other filters.
     */
    private record Filter(String table, List<String> times, String where, MapSqlParameterSource params) {

        /**
         * The rows, as a FROM and WHERE clause that a query may extend with {@code and ...} on {@code columns}, the
         * columns it reads.
         */
        String rows(String columns) {
            if (times.size() == 1) {
                return table + " where " + times.get(0) + where;
            }
            // One index range read a tile, rather than an OR of ranges, which H2 would answer with a whole scan. H2
            // copies the tiles' rows into one result first: only the columns read, not every one.
            return "(" + times.stream().map(time -> "select " + columns + " from " + table + " where " + time + where)
                    .collect(Collectors.joining(" union all ")) + ") tiles where 1 = 1";
        }

        /** The column {@link #errors} reads. */
        String errorColumn() {
            return RollupTable.ALL.name().equals(table) ? "status_class" : "error_count";
        }

        /** The calls answered 4xx or 5xx, per row of the table. */
        String errors() {
            return RollupTable.ALL.name().equals(table) ? "case when status_class >= 4 then request_count else 0 end"
                    : "error_count";
        }
    }

    /**
     * The rows of the scope, in the first of {@code narrowest} (the tables made for the query, narrowest first) that
     * holds every dimension the scope filters by; otherwise in {@code analytics_rollup}, which holds them all and is
     * read by index for the views narrowed to one application, consumer or subscription. A chart reads {@code
     * resolution} only; totals read the range in the fewest rows the table's levels allow ({@link #tiles}).
     */
    private static Filter filter(UsageScope scope, Resolution resolution, boolean totals,
            RollupTable... narrowest) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder where = new StringBuilder();
        if (scope.apiIds() != null) {
            where.append(" and api_id in (:apiIds)");
            params.addValue("apiIds", scope.apiIds());
        }
        addFilter(where, params, "api_id", scope.apiId());
        addFilter(where, params, "plan_id", scope.planId());
        addFilter(where, params, "application_id", scope.applicationId());
        addFilter(where, params, "consumer_id", scope.consumerId());
        addFilter(where, params, "subscription_id", scope.subscriptionId());
        List<String> filtered = filteredColumns(scope);
        RollupTable table = Arrays.stream(narrowest).filter(narrow -> narrow.keys().containsAll(filtered)).findFirst()
                .orElse(RollupTable.ALL);
        List<Resolution> levels = !totals ? List.of(resolution) : table.resolutions().stream()
                .filter(level -> level.length().compareTo(resolution.length()) >= 0)
                .sorted(Comparator.comparing(Resolution::length)).toList();
        List<String> times = new ArrayList<>();
        for (Tile tile : tiles(scope.from(), scope.to(), scope.endsNow(), levels)) {
            int n = times.size();
            params.addValue("resolution" + n, tile.level().code()).addValue("from" + n, Timestamp.from(tile.from()))
                    .addValue("to" + n, Timestamp.from(tile.to()));
            times.add("resolution = :resolution" + n + " and bucket_start >= :from" + n
                    + " and bucket_start < :to" + n);
        }
        return new Filter(table.name(), times, where.toString(), params);
    }

    /** The rows of one level whose buckets start in [{@code from}, {@code to}). */
    record Tile(Resolution level, Instant from, Instant to) {
    }

    /**
     * Tiles [{@code from}, {@code to}) with buckets of {@code levels} (finest first, each a whole number of the one
     * before): the finest from the bucket holding {@code from} up to where a whole bucket of the next level starts,
     * that level up to the next, and so on; then down again towards {@code to}, ending as the finest level does, with
     * the bucket that holds {@code to}. A month is then four weeks and a few days instead of thirty days. When the
     * scope ends now ({@code endsNow}: no call can have come after {@code to}), the coarsest level reached reads the
     * bucket holding {@code to} itself: today's day row stands in for the hours since midnight, and the current hour's
     * row for its minutes.
     */
    static List<Tile> tiles(Instant from, Instant to, boolean endsNow, List<Resolution> levels) {
        Resolution finest = levels.get(0);
        Instant end = endsNow ? null : ceiling(to, finest);
        List<Tile> tiles = new ArrayList<>();
        Instant at = finest.bucketOf(from);
        int level = 0;
        while (level + 1 < levels.size()) {
            Resolution up = levels.get(level + 1);
            Instant next = ceiling(at, up);
            boolean fits = endsNow ? next.isBefore(to) : !next.plus(up.length()).isAfter(end);
            if (!fits) {
                break;
            }
            add(tiles, levels.get(level), at, next);
            at = next;
            level++;
        }
        if (endsNow) {
            add(tiles, levels.get(level), at, to);
            return tiles;
        }
        for (; level > 0; level--) {
            Instant wholeUntil = levels.get(level).bucketOf(end);
            add(tiles, levels.get(level), at, wholeUntil);
            at = wholeUntil.isAfter(at) ? wholeUntil : at;
        }
        add(tiles, finest, at, to);
        return tiles;
    }

    private static void add(List<Tile> tiles, Resolution level, Instant from, Instant to) {
        if (from.isBefore(to)) {
            tiles.add(new Tile(level, from, to));
        }
    }

    /** The first start of a {@code level} bucket at or after {@code when}. */
    private static Instant ceiling(Instant when, Resolution level) {
        Instant start = level.bucketOf(when);
        return start.equals(when) ? when : start.plus(level.length());
    }

    /** The dimensions the scope filters by, beyond time. */
    private static List<String> filteredColumns(UsageScope scope) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("api_id", scope.apiIds() != null ? scope.apiIds() : scope.apiId());
        filters.put("plan_id", scope.planId());
        filters.put("application_id", scope.applicationId());
        filters.put("consumer_id", scope.consumerId());
        filters.put("subscription_id", scope.subscriptionId());
        return filters.entrySet().stream().filter(filter -> filter.getValue() != null).map(Map.Entry::getKey).toList();
    }

    private static void addFilter(StringBuilder where, MapSqlParameterSource params, String column, Long value) {
        if (value != null) {
            where.append(" and ").append(column).append(" = :").append(column);
            params.addValue(column, value);
        }
    }
}
