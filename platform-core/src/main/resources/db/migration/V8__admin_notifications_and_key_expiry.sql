-- Admin users are told too: a new request waiting for their decision. A notification is for one consumer or for
-- one admin user, never both.
alter table notification alter column consumer_id drop not null;
alter table notification add column admin_user_id bigint references admin_user (id);
alter table notification add constraint ck_notification_one_recipient
    check ((consumer_id is null and admin_user_id is not null) or (consumer_id is not null and admin_user_id is null));
create index ix_notification_admin_user on notification (admin_user_id, read_at);

-- When the consumer was told that a key is about to stop working: each key is told once.
alter table api_key add column expiry_notified_at timestamp with time zone;
create index ix_api_key_expiring on api_key (status, expires_at);
