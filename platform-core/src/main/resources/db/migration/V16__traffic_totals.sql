-- Traffic over every API at once: the admin's dashboard without filters charts all calls by status class, bucket by
-- bucket, and adds up their summary and failures. analytics_traffic holds a row per API, plan, status class and
-- refusal in each bucket (about 260 an hour with 20 APIs); this table drops API and plan, so the same hour is a
-- dozen rows and a week's chart by the hour a few thousand instead of 44,000. The rollup run keeps it with the
-- others (RollupTable.TOTALS), at the same three resolutions; it is filled here from analytics_traffic, in time order.
create table analytics_traffic_total (
    resolution        varchar(1)    not null,
    bucket_start      timestamp with time zone not null,
    status_class      smallint      not null,
    rejection_reason  varchar(50)   not null,
    request_count     bigint        not null,
    latency_sum_us    bigint        not null,
    latency_max_us    bigint        not null,
    upstream_sum_us   bigint        not null,
    bytes_in          bigint        not null,
    bytes_out         bigint        not null,
    lat_00 bigint not null, lat_01 bigint not null, lat_02 bigint not null, lat_03 bigint not null,
    lat_04 bigint not null, lat_05 bigint not null, lat_06 bigint not null, lat_07 bigint not null,
    lat_08 bigint not null, lat_09 bigint not null, lat_10 bigint not null, lat_11 bigint not null,
    lat_12 bigint not null, lat_13 bigint not null, lat_14 bigint not null, lat_15 bigint not null,
    primary key (resolution, bucket_start, status_class, rejection_reason)
);

insert into analytics_traffic_total (resolution, bucket_start, status_class, rejection_reason, request_count,
                                     latency_sum_us, latency_max_us, upstream_sum_us, bytes_in, bytes_out,
                                     lat_00, lat_01, lat_02, lat_03, lat_04, lat_05, lat_06, lat_07, lat_08, lat_09,
                                     lat_10, lat_11, lat_12, lat_13, lat_14, lat_15)
    select resolution, bucket_start, status_class, rejection_reason, sum(request_count), sum(latency_sum_us),
           max(latency_max_us), sum(upstream_sum_us), sum(bytes_in), sum(bytes_out),
           sum(lat_00), sum(lat_01), sum(lat_02), sum(lat_03), sum(lat_04), sum(lat_05), sum(lat_06), sum(lat_07),
           sum(lat_08), sum(lat_09), sum(lat_10), sum(lat_11), sum(lat_12), sum(lat_13), sum(lat_14), sum(lat_15)
    from analytics_traffic group by resolution, bucket_start, status_class, rejection_reason
    order by resolution, bucket_start;
