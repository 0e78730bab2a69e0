-- Analytics benchmark events (bench/analytics.sh), run after bench/analytics-data.sql has made the APIs, plans,
-- consumers, applications and subscriptions: events @FIRST@ to @LAST@ of the mix described there, from @START@ on,
-- one every @STEP_SECONDS@ s. The script runs it twice: the month, then a burst at the gateway's full rate. The
-- last run drops the helper tables (@DROP@ is "drop table" then, a comment before).

insert into analytics_event (occurred_at, request_id, api_id, operation, plan_id, application_id, subscription_id,
                             consumer_id, key_id, method, path, status, gateway_latency_us, upstream_latency_us,
                             bytes_in, bytes_out, client_address, rejection_reason)
    select e.occurred_at, 'bench-' || e.x, s.api_id, e.method || ' /items-' || e.op_n || '/{id}',
           case when e.reason = 'api-key-invalid' then null else s.plan_id end,
           case when e.reason = 'api-key-invalid' then null else s.application_id end,
           case when e.reason = 'api-key-invalid' then null else s.subscription_id end,
           case when e.reason = 'api-key-invalid' then null else s.consumer_id end,
           case when e.reason = 'api-key-invalid' then null else 'bench' || s.app_n end,
           e.method, '/analytics-bench/' || s.api_n || '/items-' || e.op_n || '/' || e.x, e.status,
           case when e.proxied = 1 then e.latency_us + 400 else e.latency_us end,
           case when e.proxied = 1 then e.latency_us end,
           case when e.method in ('POST', 'PUT') then 300 + cast(e.u_bytes * 2000 as int) else 0 end,
           case when e.status < 300 then 200 + cast(e.u_bytes * 20000 as int) else 300 end,
           '10.0.' || mod(s.app_n, 250) || '.' || (1 + mod(s.app_n, 200)), e.reason
    from (
        select d.x, d.occurred_at, d.app_n, d.u_sub, d.op_n, d.u_bytes,
               case mod(d.op_n, 5) when 3 then 'POST' when 4 then 'PUT' else 'GET' end method,
               case when d.u_status < 0.930 then case mod(d.op_n, 5) when 3 then 201 else 200 end
                    when d.u_status < 0.950 then 404 when d.u_status < 0.955 then 400
                    when d.u_status < 0.975 then 429 when d.u_status < 0.985 then 401
                    when d.u_status < 0.993 then 500 when d.u_status < 0.997 then 504
                    when d.u_status < 0.999 then 502 else 503 end status,
               case when d.u_status < 0.955 then null when d.u_status < 0.970 then 'rate-limited'
                    when d.u_status < 0.975 then 'quota-exhausted' when d.u_status < 0.985 then 'api-key-invalid'
                    when d.u_status < 0.993 then null when d.u_status < 0.997 then 'upstream-timeout'
                    when d.u_status < 0.999 then 'upstream-unavailable' else 'circuit-open' end reason,
               case when d.u_status < 0.955 or (d.u_status >= 0.985 and d.u_status < 0.993) then 1 else 0 end proxied,
               case when d.u_status >= 0.993 and d.u_status < 0.997 then 30000000
                    when d.u_status < 0.955 or (d.u_status >= 0.985 and d.u_status < 0.993)
                        then cast(exp(ln(25000) + 0.8 * d.z) as bigint)
                    else cast(exp(ln(300) + 0.5 * d.z) as bigint) end latency_us
        from (
            select r.x, @START@ + (r.x - @FIRST@) * @STEP_SECONDS@ * interval '1' second occurred_at,
                   1 + cast(floor(@APPS@ * power(r.u_app, 3)) as int) app_n, r.u_sub,
                   -- application n calls operations n, n + 1, ... n + 9 of its API (mod @OPERATIONS@), the first most
                   1 + mod(cast(floor(@APPS@ * power(r.u_app, 3)) as int) * 7 + cast(floor(10 * power(r.u_op, 2)) as int),
                           @OPERATIONS@) op_n,
                   r.u_status, r.u_bytes, (r.n1 + r.n2 + r.n3 + r.n4 - 2) * 1.7320508 z
            from (
                select x,
                       x * 1.4142135623730951 - floor(x * 1.4142135623730951) u_app,
                       x * 1.7320508075688772 - floor(x * 1.7320508075688772) u_sub,
                       x * 2.2360679774997896 - floor(x * 2.2360679774997896) u_op,
                       x * 2.6457513110645907 - floor(x * 2.6457513110645907) u_status,
                       x * 3.3166247903554 - floor(x * 3.3166247903554) n1,
                       x * 3.605551275463989 - floor(x * 3.605551275463989) n2,
                       x * 4.123105625617661 - floor(x * 4.123105625617661) n3,
                       x * 4.358898943540674 - floor(x * 4.358898943540674) n4,
                       x * 4.795831523312719 - floor(x * 4.795831523312719) u_bytes
                from @SERIES@(@FIRST@, @LAST@) g(x)
            ) r
        ) d
    ) e
    join bench_subscription s on s.app_n = e.app_n
        and s.j = cast(floor(e.u_sub * (1 + mod(e.app_n, 3))) as int);

@DROP@ bench_subscription;
@DROP@ bench_app;
@DROP@ bench_api;
