-- Weeks in the tables of the top lists: seven days from a Thursday (counted from the epoch, as 1970-01-01 was one),
-- in UTC. A 30-day top list adds the whole weeks inside its range and the days around them: about ten rows per key
-- instead of thirty. The rollup job keeps them from now on; these statements add the weeks of the days kept so far.

insert into analytics_operation_use (resolution, bucket_start, api_id, plan_id, operation, request_count, error_count,
                                     latency_max_us, lat_00, lat_01, lat_02, lat_03, lat_04, lat_05, lat_06, lat_07,
                                     lat_08, lat_09, lat_10, lat_11, lat_12, lat_13, lat_14, lat_15)
    select 'w', w.week_start, w.api_id, w.plan_id, w.operation, sum(w.request_count), sum(w.error_count),
           max(w.latency_max_us), sum(w.lat_00), sum(w.lat_01), sum(w.lat_02), sum(w.lat_03), sum(w.lat_04),
           sum(w.lat_05), sum(w.lat_06), sum(w.lat_07), sum(w.lat_08), sum(w.lat_09), sum(w.lat_10), sum(w.lat_11),
           sum(w.lat_12), sum(w.lat_13), sum(w.lat_14), sum(w.lat_15)
    from (select timestamp with time zone '1970-01-01 00:00:00+00'
                     + floor(extract(epoch from bucket_start) / 604800) * 604800 * interval '1' second week_start, d.*
          from analytics_operation_use d where d.resolution = 'd') w
    group by w.week_start, w.api_id, w.plan_id, w.operation
    order by w.week_start;

insert into analytics_application_use (resolution, bucket_start, api_id, plan_id, application_id, consumer_id,
                                       request_count, error_count)
    select 'w', w.week_start, w.api_id, w.plan_id, w.application_id, w.consumer_id, sum(w.request_count),
           sum(w.error_count)
    from (select timestamp with time zone '1970-01-01 00:00:00+00'
                     + floor(extract(epoch from bucket_start) / 604800) * 604800 * interval '1' second week_start, d.*
          from analytics_application_use d where d.resolution = 'd') w
    group by w.week_start, w.api_id, w.plan_id, w.application_id, w.consumer_id
    order by w.week_start;
