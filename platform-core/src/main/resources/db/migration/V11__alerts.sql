-- Quota alerts: the shares of a quota (80, 90, 100, comma-separated) at which a consumer wants to be told; empty:
-- never. Each threshold is told once per subscription and quota window: the primary key of quota_alert_sent.
alter table consumer add column quota_alerts varchar(20) default '' not null;
create table quota_alert_sent (
    subscription_id  bigint        not null references subscription (id),
    window_start     timestamp with time zone not null,
    threshold        integer       not null,
    sent_at          timestamp with time zone not null,
    primary key (subscription_id, window_start, threshold)
);

-- Error-rate alerts per API: told when, over the last window_minutes, at least min_calls were made and 5xx answers
-- reached threshold_percent of them; told again only after the rate has fallen back below (firing = false).
create table api_error_alert (
    api_id             bigint        not null primary key references api (id) on delete cascade,
    threshold_percent  integer       not null,
    window_minutes     integer       not null,
    min_calls          integer       not null,
    firing             boolean       not null,
    last_fired_at      timestamp with time zone,
    updated_by         varchar(320)  not null,
    updated_at         timestamp with time zone not null
);
