package io.gatehouse.core.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * One table the rollup job keeps from {@code analytics_event}, and the single set-based statement that adds a range
 * of events (ids {@code > ?} and {@code <= ?}) to it at every resolution it holds: the events are grouped by the
 * table's key in the database and added to the rows that exist, or inserted. Each table keeps only the dimensions
 * its readers group or filter by, so that a view over all APIs reads a few rows per bucket instead of one per
 * application and operation.
 */
record RollupTable(String name, boolean hasResolution, List<Resolution> resolutions, List<String> keys,
        List<Measure> measures, String eventFilter) {

    /** A summed or maximised column, and its aggregate over the events ({@code e}, see {@link #EVENTS}). */
    record Measure(String column, String aggregate, boolean maximum) {

        static Measure sum(String column, String ofEvents) {
            return new Measure(column, "sum(" + ofEvents + ")", false);
        }
    }

    private static final String EPOCH = "timestamp with time zone '1970-01-01 00:00:00+00'";

    /**
     * The events of an id range, one row per event and resolution, with the dimensions as the rollups hold them
     * (0 or '' for none) and the bucket each falls into, computed in UTC whatever the session's time zone.
     */
    private static final String EVENTS = "select r.code resolution, " + EPOCH
            + " + floor(ev.epoch_s / r.seconds) * r.seconds * interval '1' second bucket_start,"
            + " ev.api_id, ev.operation, ev.plan_id, ev.application_id, ev.subscription_id, ev.consumer_id,"
            + " ev.status_class, ev.rejection_reason, ev.latency_us, ev.upstream_us, ev.bytes_in, ev.bytes_out,"
            + " ev.latency_bucket from (select extract(epoch from occurred_at) epoch_s, coalesce(api_id, 0) api_id,"
            + " coalesce(operation, '') operation, coalesce(plan_id, 0) plan_id,"
            + " coalesce(application_id, 0) application_id, coalesce(subscription_id, 0) subscription_id,"
            + " coalesce(consumer_id, 0) consumer_id, status / 100 status_class,"
            + " coalesce(rejection_reason, '') rejection_reason, gateway_latency_us latency_us,"
            + " coalesce(upstream_latency_us, 0) upstream_us, bytes_in, bytes_out, "
            + LatencyBuckets.sqlIndex("gateway_latency_us") + " latency_bucket"
            + " from analytics_event where id > ? and id <= ?) ev join (%s) r on 1 = 1";

    static final List<Measure> LATENCY_HISTOGRAM = IntStream.range(0, LatencyBuckets.COUNT)
            .mapToObj(i -> Measure.sum(LatencyBuckets.column(i), "case when e.latency_bucket = " + i
                    + " then 1 else 0 end")).toList();

    static final Measure REQUESTS = new Measure("request_count", "count(*)", false);
    static final Measure ERRORS = Measure.sum("error_count", "case when e.status_class >= 4 then 1 else 0 end");
    static final Measure SLOWEST = new Measure("latency_max_us", "max(e.latency_us)", true);

    static final List<Measure> ALL_MEASURES = Stream.concat(Stream.of(REQUESTS, Measure.sum("latency_sum_us",
            "e.latency_us"), SLOWEST, Measure.sum("upstream_sum_us", "e.upstream_us"), Measure.sum("bytes_in",
                    "e.bytes_in"), Measure.sum("bytes_out", "e.bytes_out")), LATENCY_HISTOGRAM.stream()).toList();

    private static final List<Resolution> ALL_RESOLUTIONS = List.of(Resolution.values());

    /** Every dimension: what narrow views (one application, consumer or subscription) and API impact read. */
    static final RollupTable ALL = new RollupTable("analytics_rollup", true, ALL_RESOLUTIONS, List.of("api_id",
            "operation", "plan_id", "application_id", "subscription_id", "consumer_id", "status_class",
            "rejection_reason"), ALL_MEASURES, null);

    /** Traffic by API, plan, status class and refusal: series, summary and failures over all APIs or a few. */
    static final RollupTable TRAFFIC = new RollupTable("analytics_traffic", true, ALL_RESOLUTIONS, List.of("api_id",
            "plan_id", "status_class", "rejection_reason"), ALL_MEASURES, null);

    /** Calls by operation: the top operations over all APIs or a few. */
    static final RollupTable OPERATIONS = new RollupTable("analytics_operation_use", true, ALL_RESOLUTIONS,
            List.of("api_id", "plan_id", "operation"), Stream.concat(Stream.of(REQUESTS, ERRORS, SLOWEST),
                    LATENCY_HISTOGRAM.stream()).toList(), null);

    /** Calls by application (and its consumer): the top applications over all APIs or a few. */
    static final RollupTable APPLICATIONS = new RollupTable("analytics_application_use", true, ALL_RESOLUTIONS,
            List.of("api_id", "plan_id", "application_id", "consumer_id"), List.of(REQUESTS, ERRORS), null);

    /** Calls that used quota (the gateway let them past its limits), per subscription and UTC day. */
    static final RollupTable QUOTA_DAYS = new RollupTable("analytics_quota_day", false, List.of(Resolution.DAY),
            List.of("subscription_id"), List.of(new Measure("used", "count(*)", false)),
            "e.subscription_id <> 0 and e.rejection_reason not in (" + AnalyticsQueries.LIMIT_REASONS.stream().sorted()
                    .map(reason -> "'" + reason + "'").collect(Collectors.joining(", ")) + ")");

    static final List<RollupTable> KEPT = List.of(ALL, TRAFFIC, OPERATIONS, APPLICATIONS, QUOTA_DAYS);

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

    /** The source rows: the events of the range grouped by this table's key, one column per table column. */
    private String grouped() {
        String levels = resolutions.stream().map(r -> "select '" + r.code() + "' code, " + r.length().toSeconds()
                + " seconds").collect(Collectors.joining(" union all "));
        List<String> select = new ArrayList<>();
        List<String> group = new ArrayList<>();
        if (hasResolution) {
            select.add("e.resolution");
            group.add("e.resolution");
        }
        select.add("e.bucket_start " + bucketColumn());
        group.add("e.bucket_start");
        for (String key : keys) {
            select.add("e." + key);
            group.add("e." + key);
        }
        for (Measure measure : measures) {
            select.add(measure.aggregate() + " " + measure.column());
        }
        return "select " + String.join(", ", select) + " from (" + EVENTS.formatted(levels) + ") e"
                + (eventFilter == null ? "" : " where " + eventFilter) + " group by " + String.join(", ", group);
    }

    private List<String> columns() {
        List<String> columns = new ArrayList<>(keyColumns());
        measures.forEach(m -> columns.add(m.column()));
        return columns;
    }

    /**
     * The statement that adds the events with ids in ({@code ?}, {@code ?}] to this table. PostgreSQL gets {@code
     * insert ... on conflict do update}, which looks every key up by the primary key; H2 standard {@code merge}.
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
