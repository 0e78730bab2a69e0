-- A consumer may delete an application: its row stays (keys, subscriptions and the audit log refer to it) and is
-- marked deleted. Names stay unique among a consumer's applications that are not deleted; that rule moves into
-- ApplicationService, since a partial unique index is not portable between H2 and PostgreSQL.
alter table application add column deleted_at timestamp with time zone;
alter table application drop constraint uk_application_consumer_name;
create index ix_application_consumer on application (consumer_id);
