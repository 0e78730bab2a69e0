-- Rollups of analytics_event at three resolutions (m: minute, h: hour, d: day), all maintained from the raw events
-- by one writer at a time (the row of analytics_rollup_cursor is its lock). Dimensions use 0 (ids) or '' (text)
-- for "none", so that they can form the primary key. lat_00..lat_15 count calls per latency bucket (bounds in
-- LatencyBuckets); percentiles are read from their sums. Replaces V1's analytics_rollup_minute, which nothing wrote.
drop table analytics_rollup_minute;

create table analytics_rollup (
    resolution        varchar(1)    not null,
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
    lat_12 bigint not null, lat_13 bigint not null, lat_14 bigint not null, lat_15 bigint not null,
    primary key (resolution, bucket_start, api_id, operation, plan_id, application_id, subscription_id, consumer_id,
                 status_class, rejection_reason)
);
create index ix_analytics_rollup_api on analytics_rollup (resolution, api_id, bucket_start);
create index ix_analytics_rollup_application on analytics_rollup (resolution, application_id, bucket_start);
create index ix_analytics_rollup_subscription on analytics_rollup (resolution, subscription_id, bucket_start);

-- How far the rollups have read: events with ids up to last_event_id are counted. seen_max_id is the highest id
-- seen at the previous run: a run reads only up to it, so that a batch still being committed when the previous run
-- looked (ids are handed out before commit) is not skipped.
create table analytics_rollup_cursor (
    id             integer       not null primary key,
    last_event_id  bigint        not null,
    seen_max_id    bigint        not null,
    updated_at     timestamp with time zone not null
);
insert into analytics_rollup_cursor (id, last_event_id, seen_max_id, updated_at)
    values (1, 0, 0, current_timestamp);
