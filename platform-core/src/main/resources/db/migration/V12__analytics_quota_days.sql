-- Calls that used quota (the gateway let them past its limits), per subscription and UTC day, kept by the rollup
-- job beside analytics_rollup: quota use is then at most 31 rows per subscription to add up, instead of every hour
-- rollup of the month. Filled here from the day rollups that already exist.
create table analytics_quota_day (
    subscription_id  bigint        not null,
    day_start        timestamp with time zone not null,
    used             bigint        not null,
    primary key (subscription_id, day_start)
);
create index ix_analytics_quota_day_start on analytics_quota_day (day_start);

insert into analytics_quota_day (subscription_id, day_start, used)
    select subscription_id, bucket_start, sum(request_count) from analytics_rollup
    where resolution = 'd' and subscription_id <> 0 and rejection_reason not in ('rate-limited', 'quota-exhausted')
    group by subscription_id, bucket_start;
