-- Rollups narrowed to what the dashboards' views over all of a viewer's APIs group by. analytics_rollup keys a row
-- by API, operation, plan, application, subscription, consumer, status class and refusal, so that a bucket holds a
-- row per application and operation: a month over all APIs is then millions of rows to add up. These tables keep
-- only the dimensions of one panel each, so the same month is a few thousand rows; analytics_rollup stays for the
-- views narrowed to one application, consumer or subscription, which read it by index. All are kept by the same
-- rollup run (RollupTable), at the same three resolutions, and filled here from analytics_rollup, in time order as
-- the rollup run writes them, so that a range's rows lie together on disk.

-- Series, summary and failures.
create table analytics_traffic (
    resolution        varchar(1)    not null,
    bucket_start      timestamp with time zone not null,
    api_id            bigint        not null,
    plan_id           bigint        not null,
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
    primary key (resolution, bucket_start, api_id, plan_id, status_class, rejection_reason)
);
create index ix_analytics_traffic_api on analytics_traffic (resolution, api_id, bucket_start);

-- Top operations.
create table analytics_operation_use (
    resolution        varchar(1)    not null,
    bucket_start      timestamp with time zone not null,
    api_id            bigint        not null,
    plan_id           bigint        not null,
    operation         varchar(300)  not null,
    request_count     bigint        not null,
    error_count       bigint        not null,
    latency_max_us    bigint        not null,
    lat_00 bigint not null, lat_01 bigint not null, lat_02 bigint not null, lat_03 bigint not null,
    lat_04 bigint not null, lat_05 bigint not null, lat_06 bigint not null, lat_07 bigint not null,
    lat_08 bigint not null, lat_09 bigint not null, lat_10 bigint not null, lat_11 bigint not null,
    lat_12 bigint not null, lat_13 bigint not null, lat_14 bigint not null, lat_15 bigint not null,
    primary key (resolution, bucket_start, api_id, plan_id, operation)
);
create index ix_analytics_operation_use_api on analytics_operation_use (resolution, api_id, bucket_start);

-- Top applications and their consumers.
create table analytics_application_use (
    resolution        varchar(1)    not null,
    bucket_start      timestamp with time zone not null,
    api_id            bigint        not null,
    plan_id           bigint        not null,
    application_id    bigint        not null,
    consumer_id       bigint        not null,
    request_count     bigint        not null,
    error_count       bigint        not null,
    primary key (resolution, bucket_start, api_id, plan_id, application_id, consumer_id)
);
create index ix_analytics_application_use_api on analytics_application_use (resolution, api_id, bucket_start);

-- A rollup run's events grouped by minute and every dimension: the rows each table above is then made from, so that
-- the run reads and groups its events once. Empty between runs (RollupTable.STAGE).
create table analytics_rollup_stage (
    bucket_start      timestamp with time zone not null,
    api_id            bigint        not null,
    operation         varchar(300)  not null,
    plan_id           bigint        not null,
    application_id    bigint        not null,
    subscription_id   bigint        not null,
    consumer_id       bigint        not null,
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
    lat_12 bigint not null, lat_13 bigint not null, lat_14 bigint not null, lat_15 bigint not null
);

-- "My usage" over all of a consumer's applications reads analytics_rollup by consumer. A view of one subscription is
-- always narrowed to its application as well, so the subscription index only cost the rollup job its upkeep.
create index ix_analytics_rollup_consumer on analytics_rollup (resolution, consumer_id, bucket_start);
drop index ix_analytics_rollup_subscription;

insert into analytics_traffic (resolution, bucket_start, api_id, plan_id, status_class, rejection_reason,
                               request_count, latency_sum_us, latency_max_us, upstream_sum_us, bytes_in, bytes_out,
                               lat_00, lat_01, lat_02, lat_03, lat_04, lat_05, lat_06, lat_07, lat_08, lat_09,
                               lat_10, lat_11, lat_12, lat_13, lat_14, lat_15)
    select resolution, bucket_start, api_id, plan_id, status_class, rejection_reason, sum(request_count),
           sum(latency_sum_us), max(latency_max_us), sum(upstream_sum_us), sum(bytes_in), sum(bytes_out),
           sum(lat_00), sum(lat_01), sum(lat_02), sum(lat_03), sum(lat_04), sum(lat_05), sum(lat_06), sum(lat_07),
           sum(lat_08), sum(lat_09), sum(lat_10), sum(lat_11), sum(lat_12), sum(lat_13), sum(lat_14), sum(lat_15)
    from analytics_rollup group by resolution, bucket_start, api_id, plan_id, status_class, rejection_reason
    order by resolution, bucket_start;

insert into analytics_operation_use (resolution, bucket_start, api_id, plan_id, operation, request_count, error_count,
                                     latency_max_us, lat_00, lat_01, lat_02, lat_03, lat_04, lat_05, lat_06, lat_07,
                                     lat_08, lat_09, lat_10, lat_11, lat_12, lat_13, lat_14, lat_15)
    select resolution, bucket_start, api_id, plan_id, operation, sum(request_count),
           sum(case when status_class >= 4 then request_count else 0 end), max(latency_max_us),
           sum(lat_00), sum(lat_01), sum(lat_02), sum(lat_03), sum(lat_04), sum(lat_05), sum(lat_06), sum(lat_07),
           sum(lat_08), sum(lat_09), sum(lat_10), sum(lat_11), sum(lat_12), sum(lat_13), sum(lat_14), sum(lat_15)
    from analytics_rollup group by resolution, bucket_start, api_id, plan_id, operation
    order by resolution, bucket_start;

insert into analytics_application_use (resolution, bucket_start, api_id, plan_id, application_id, consumer_id,
                                       request_count, error_count)
    select resolution, bucket_start, api_id, plan_id, application_id, consumer_id, sum(request_count),
           sum(case when status_class >= 4 then request_count else 0 end)
    from analytics_rollup group by resolution, bucket_start, api_id, plan_id, application_id, consumer_id
    order by resolution, bucket_start;
