-- One day of analytics_event counted into analytics_rollup at one resolution, in one set-based statement: the rows
-- AnalyticsRollups writes for the same events (same dimensions, 0 or '' for none, status class, latency buckets of
-- LatencyBuckets), for bench/analytics.sh, which runs it for each day and resolution over the events with ids up to
-- @CUTOFF@ and lets the platform's own rollup job count the rest. Filled in by the script: @CODE@ (m, h, d),
-- @UNIT@ (minute, hour, day), @FROM@ and @TO@ (a UTC day), @CUTOFF@.
insert into analytics_rollup (resolution, bucket_start, api_id, operation, plan_id, application_id, subscription_id,
                              consumer_id, status_class, rejection_reason, request_count, latency_sum_us,
                              latency_max_us, upstream_sum_us, bytes_in, bytes_out, lat_00, lat_01, lat_02, lat_03,
                              lat_04, lat_05, lat_06, lat_07, lat_08, lat_09, lat_10, lat_11, lat_12, lat_13, lat_14,
                              lat_15)
    select '@CODE@', bucket_start, api_id, operation, plan_id, application_id, subscription_id, consumer_id,
           status_class, rejection_reason, count(*), sum(latency_us), max(latency_us), sum(upstream_us),
           sum(bytes_in), sum(bytes_out),
           sum(case when b = 0 then 1 else 0 end), sum(case when b = 1 then 1 else 0 end),
           sum(case when b = 2 then 1 else 0 end), sum(case when b = 3 then 1 else 0 end),
           sum(case when b = 4 then 1 else 0 end), sum(case when b = 5 then 1 else 0 end),
           sum(case when b = 6 then 1 else 0 end), sum(case when b = 7 then 1 else 0 end),
           sum(case when b = 8 then 1 else 0 end), sum(case when b = 9 then 1 else 0 end),
           sum(case when b = 10 then 1 else 0 end), sum(case when b = 11 then 1 else 0 end),
           sum(case when b = 12 then 1 else 0 end), sum(case when b = 13 then 1 else 0 end),
           sum(case when b = 14 then 1 else 0 end), sum(case when b = 15 then 1 else 0 end)
    from (
        select date_trunc('@UNIT@', occurred_at) bucket_start, coalesce(api_id, 0) api_id,
               coalesce(operation, '') operation, coalesce(plan_id, 0) plan_id,
               coalesce(application_id, 0) application_id, coalesce(subscription_id, 0) subscription_id,
               coalesce(consumer_id, 0) consumer_id, status / 100 status_class,
               coalesce(rejection_reason, '') rejection_reason, gateway_latency_us latency_us,
               coalesce(upstream_latency_us, 0) upstream_us, bytes_in, bytes_out,
               case when gateway_latency_us <= 250 then 0 when gateway_latency_us <= 500 then 1
                    when gateway_latency_us <= 1000 then 2 when gateway_latency_us <= 2000 then 3
                    when gateway_latency_us <= 5000 then 4 when gateway_latency_us <= 10000 then 5
                    when gateway_latency_us <= 25000 then 6 when gateway_latency_us <= 50000 then 7
                    when gateway_latency_us <= 100000 then 8 when gateway_latency_us <= 250000 then 9
                    when gateway_latency_us <= 500000 then 10 when gateway_latency_us <= 1000000 then 11
                    when gateway_latency_us <= 2500000 then 12 when gateway_latency_us <= 5000000 then 13
                    when gateway_latency_us <= 10000000 then 14 else 15 end b
        from analytics_event
        where occurred_at >= @FROM@ and occurred_at < @TO@ and id <= @CUTOFF@
    ) e
    group by bucket_start, api_id, operation, plan_id, application_id, subscription_id, consumer_id, status_class,
             rejection_reason;
