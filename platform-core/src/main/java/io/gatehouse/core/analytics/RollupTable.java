package io.gatehouse.core.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * One table the rollup job keeps from {@code analytics_event}, and the single set-based statement that adds a chunk
 * of events to it at every resolution it holds. A run first groups its range of events (ids {@code > ?} and {@code
 * <= ?}) once, by minute and every dimension, into {@code analytics_rollup_stage} ({@link #STAGE}); each table's
 * statement then groups those rows by its own key and adds them to the rows that exist, or inserts them. Each table
 * keeps only the dimensions its readers group or filter by, so that a view over all APIs reads a few rows per bucket
 * instead of one per application and operation.
 */
record RollupTable(String name, boolean hasResolution, List<Resolution> resolutions, List<String> keys,
        List<Measure> measures, String stageFilter) {

    /** A summed or maximised column, and its aggregate over the staged rows. */
    record Measure(String column, String aggregate, boolean maximum) {

        static Measure sum(String column) {
            return new Measure(column, "sum(s." + column + ")", false);
        }
    }

    private static final String EPOCH = "timestamp with time zone '1970-01-01 00:00:00+00'";

    /** Every dimension, as the rollups hold them: 0 or '' for none, so that they can form primary keys. */
    private static final List<String> DIMENSIONS = List.of("api_id", "operation", "plan_id", "application_id",
            "subscription_id", "consumer_id", "status_class", "rejection_reason");

    static final List<Measure> LATENCY_HISTOGRAM = IntStream.range(0, LatencyBuckets.COUNT)
            .mapToObj(i -> Measure.sum(LatencyBuckets.column(i))).toList();

    static final Measure REQUESTS = Measure.sum("request_count");
    static final Measure ERRORS = new Measure("error_count",
            "sum(case when s.status_class >= 4 then s.request_count else 0 end)", false);
    static final Measure SLOWEST = new Measure("latency_max_us", "max(s.latency_max_us)", true);

    static final List<Measure> ALL_MEASURES = Stream.concat(Stream.of(REQUESTS, Measure.sum("latency_sum_us"),
            SLOWEST, Measure.sum("upstream_sum_us"), Measure.sum("bytes_in"), Measure.sum("bytes_out")),
            LATENCY_HISTOGRAM.stream()).toList();

    /**
     * Groups the run's events by minute (in UTC, from the epoch, whatever the session's time zone) and every
     * dimension, with the sums of {@link #ALL_MEASURES}: the rows every table is then made from.
     */
    static final String STAGE = "insert into analytics_rollup_stage (bucket_start, " + String.join(", ", DIMENSIONS)
            + ", request_count, latency_sum_us, latency_max_us, upstream_sum_us, bytes_in, bytes_out, "
            + LATENCY_HISTOGRAM.stream().map(Measure::column).collect(Collectors.joining(", ")) + ") select e.minute_start, "
            + DIMENSIONS.stream().map(d -> "e." + d).collect(Collectors.joining(", "))
            + ", count(*), sum(e.latency_us), max(e.latency_us), sum(e.upstream_us), sum(e.bytes_in),"
            + " sum(e.bytes_out), " + IntStream.range(0, LatencyBuckets.COUNT).mapToObj(i -> "sum(case when"
                    + " e.latency_bucket = " + i + " then 1 else 0 end)").collect(Collectors.joining(", "))
            + " from (select " + EPOCH + " + floor(extract(epoch from occurred_at) / 60) * 60 * interval '1' second"
            + " minute_start, coalesce(api_id, 0) api_id, coalesce(operation, '') operation,"
            + " coalesce(plan_id, 0) plan_id, coalesce(application_id, 0) application_id,"
            + " coalesce(subscription_id, 0) subscription_id, coalesce(consumer_id, 0) consumer_id,"
            + " status / 100 status_class, coalesce(rejection_reason, '') rejection_reason,"
            + " gateway_latency_us latency_us, coalesce(upstream_latency_us, 0) upstream_us, bytes_in, bytes_out, "
            + LatencyBuckets.sqlIndex("gateway_latency_us") + " latency_bucket"
            + " from analytics_event where id > ? and id <= ?) e group by e.minute_start, "
            + DIMENSIONS.stream().map(d -> "e." + d).collect(Collectors.joining(", "));

    private static final List<Resolution> ALL_RESOLUTIONS = List.of(Resolution.MINUTE, Resolution.HOUR,
            Resolution.DAY);

    /** The tables of the top lists also keep weeks, which {@link AnalyticsQueries} tiles long ranges with. */
    private static final List<Resolution> WITH_WEEKS = List.of(Resolution.MINUTE, Resolution.HOUR, Resolution.DAY,
            Resolution.WEEK);

    /** Every dimension: what narrow views (one application, consumer or subscription) and API impact read. */
    static final RollupTable ALL = new RollupTable("analytics_rollup", true, ALL_RESOLUTIONS, DIMENSIONS,
            ALL_MEASURES, null);

    /** Traffic by API, plan, status class and refusal: series, summary and failures over all APIs or a few. */
    static final RollupTable TRAFFIC = new RollupTable("analytics_traffic", true, ALL_RESOLUTIONS, List.of("api_id",
            "plan_id", "status_class", "rejection_reason"), ALL_MEASURES, null);

    /** Traffic by status class and refusal only: series, summary and failures over every API, unfiltered. */
    static final RollupTable TOTALS = new RollupTable("analytics_traffic_total", true, ALL_RESOLUTIONS,
            List.of("status_class", "rejection_reason"), ALL_MEASURES, null);

    /** Calls by operation: the top operations over all APIs or a few. */
    static final RollupTable OPERATIONS = new RollupTable("analytics_operation_use", true, WITH_WEEKS,
            List.of("api_id", "plan_id", "operation"), Stream.concat(Stream.of(REQUESTS, ERRORS, SLOWEST),
                    LATENCY_HISTOGRAM.stream()).toList(), null);

    /** Calls by application (and its consumer): the top applications over all APIs or a few. */
    static final RollupTable APPLICATIONS = new RollupTable("analytics_application_use", true, WITH_WEEKS,
            List.of("api_id", "plan_id", "application_id", "consumer_id"), List.of(REQUESTS, ERRORS), null);

    /** Calls that used quota (the gateway let them past its limits), per subscription and UTC day. */
    static final RollupTable QUOTA_DAYS = new RollupTable("analytics_quota_day", false, List.of(Resolution.DAY),
            List.of("subscription_id"), List.of(new Measure("used", "sum(s.request_count)", false)),
            "s.subscription_id <> 0 and s.rejection_reason not in (" + AnalyticsQueries.LIMIT_REASONS.stream()
                    .sorted().map(reason -> "'" + reason + "'").collect(Collectors.joining(", ")) + ")");

    static final List<RollupTable> KEPT = List.of(ALL, TRAFFIC, TOTALS, OPERATIONS, APPLICATIONS, QUOTA_DAYS);

    /** The bucket column: {@code day_start} in the quota table, which holds days only. */
    String bucketColumn() {
        return hasResolution ? "bucket_start" : "day_start";
    }

    /** The primary key's columns, in order. */
    List<String> keyColumns() {
        List<String> columns = new ArrayList<>();
        if (hasResolution) {
            columns.add("resolution");
        }
        columns.add(bucketColumn());
        columns.addAll(keys);
        return columns;
    }

    /** The source rows: the staged rows grouped by this table's key, one column per table column. */
    private String grouped() {
        String levels = resolutions.stream().map(r -> "select '" + r.code() + "' code, " + r.length().toSeconds()
                + " seconds").collect(Collectors.joining(" union all "));
        List<String> select = new ArrayList<>();
        List<String> group = new ArrayList<>();
        if (hasResolution) {
            select.add("r.code resolution");
            group.add("r.code");
        }
        String bucket = EPOCH + " + floor(extract(epoch from s.bucket_start) / r.seconds) * r.seconds"
                + " * interval '1' second";
        select.add(bucket + " " + bucketColumn());
        group.add(bucket);
        for (String key : keys) {
            select.add("s." + key);
            group.add("s." + key);
        }
        for (Measure measure : measures) {
            select.add(measure.aggregate() + " " + measure.column());
        }
        return "select " + String.join(", ", select) + " from analytics_rollup_stage s join (" + levels
                + ") r on 1 = 1" + (stageFilter == null ? "" : " where " + stageFilter) + " group by "
                + String.join(", ", group);
    }

    private List<String> columns() {
        List<String> columns = new ArrayList<>(keyColumns());
        measures.forEach(m -> columns.add(m.column()));
        return columns;
    }

    /**
     * The statement that adds the staged rows to this table. PostgreSQL gets {@code insert ... on conflict do
     * update}, which looks every key up by the primary key; H2 standard {@code merge}.
     */
    String addEvents(boolean postgresql) {
        String columns = String.join(", ", columns());
        if (postgresql) {
            String updates = measures.stream().map(m -> m.column() + " = " + (m.maximum()
                    ? "greatest(t." + m.column() + ", excluded." + m.column() + ")"
                    : "t." + m.column() + " + excluded." + m.column())).collect(Collectors.joining(", "));
            return "insert into " + name + " as t (" + columns + ") " + grouped() + " on conflict ("
                    + String.join(", ", keyColumns()) + ") do update set " + updates;
        }
        String on = keyColumns().stream().map(c -> "t." + c + " = s." + c).collect(Collectors.joining(" and "));
        String updates = measures.stream().map(m -> m.column() + " = " + (m.maximum()
                ? "greatest(t." + m.column() + ", s." + m.column() + ")"
                : "t." + m.column() + " + s." + m.column())).collect(Collectors.joining(", "));
        String values = columns().stream().map(c -> "s." + c).collect(Collectors.joining(", "));
        return "merge into " + name + " t using (" + grouped() + ") s on (" + on + ") when matched then update set "
                + updates + " when not matched then insert (" + columns + ") values (" + values + ")";
    }
}
