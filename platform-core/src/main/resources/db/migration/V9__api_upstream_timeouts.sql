-- Per-Api upstream timeouts in milliseconds; null means the gateway's default
-- (gatehouse.gateway.upstream-connect-timeout, gatehouse.gateway.upstream-timeout).
alter table api add column upstream_connect_timeout_ms integer;
alter table api add column upstream_response_timeout_ms integer;
