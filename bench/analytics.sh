#!/usr/bin/env bash
# Analytics benchmark: how long the dashboards and "My usage" take to answer over a month of heavy traffic, and how
# fast the rollups count the gateway's events, on embedded H2 (the all-in-one) and on PostgreSQL.
#
#   bench/analytics.sh [all|h2|postgres]      (default: all)
#
# For each database: the platform starts once on an empty database (the admin UI migrates it) and stops; EVENTS
# gateway events over the last DAYS days, with the APIs, plans, consumers, applications and subscriptions they
# name, are generated inside the database by set-based statements (bench/analytics-data.sql, then
# bench/analytics-events.sql twice): the month evenly, then its last JOB_EVENTS events as a burst at the gateway's
# full rate (RATE a second), as the gateway writes them under full load. The platform's own rollup job
# (AnalyticsRollupScheduler: 50,000 events a chunk, up to 20 chunks a run, a run every 2 s) counts the burst, timed
# from its log (events/s); the older events are counted before it starts, a day at a time, by
# bench/analytics-rollup.sql into analytics_rollup and by the V14, V15 and V16 migrations' statements from there into
# the narrower tables (and their weeks), so that the run takes minutes instead of the job's whole month; the day (and
# week) rollups of every table must then add up to every event. Minute rollups past their retention (3 days) are
# deleted, as the hourly retention job does, and the platform starts again for the timings: each dashboard view,
# CSV panel and "My usage" page, WARMUP requests unmeasured then MEASURE measured, time to first byte over loopback
# (server time).
# H2: the all-in-one jar on a data directory under a temporary folder (admin admin / gatehouse-admin of the demo
# content). PostgreSQL: a fresh database gatehouse_bench_analytics at 127.0.0.1:5432 (user postgres, no password),
# the admin UI jar with a bootstrap admin, and the portal jar for the timings. Everything is stopped and the
# database dropped at the end. Generated consumers log in with the password gatehouse-bench-consumer.
#
# Settings (environment): EVENTS=10000000, DAYS=30, APIS=20, OPERATIONS=50, APPS=2000, WARMUP=3, MEASURE=10,
# JOB_EVENTS=300000 (the newest events, counted by the rollup job; the others set-based), RATE=32000 (events a
# second in the burst of those JOB_EVENTS, the gateway's full-chain rate rounded up), ROLLUP_TIMEOUT=3600 (s),
# JAVA_OPTS (default -Xmx2g).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-all}
case "$mode" in all|h2|postgres) ;; *) echo "usage: bench/analytics.sh [all|h2|postgres]"; exit 2;; esac
events=${EVENTS:-10000000}
days=${DAYS:-30}
api_count=${APIS:-20}
operations=${OPERATIONS:-50}
apps=${APPS:-2000}
warmup=${WARMUP:-3}
measure=${MEASURE:-10}
rollup_timeout=${ROLLUP_TIMEOUT:-3600}
job_events=${JOB_EVENTS:-300000}
burst_rate=${RATE:-32000}
java_opts=${JAVA_OPTS:--Xmx2g}
portal_port=18380 admin_port=18381 gateway_port=18300 gateway_management_port=18301
db=gatehouse_bench_analytics
chunk=50000
# BCrypt of "gatehouse-bench-consumer", in the delegating encoder's format the portal checks passwords with.
consumer_password=gatehouse-bench-consumer
consumer_password_hash='{bcrypt}$2a$10$X6mwNYlUhOJDwxSozXaLv.xn/.njpZhIac5UrDs4JjWTVayi38Nem'

for tool in java curl awk; do command -v "$tool" > /dev/null || { echo "missing: $tool"; exit 1; }; done
if [ "$mode" != h2 ]; then
  command -v psql > /dev/null || { echo "missing: psql (apt-get install postgresql-client)"; exit 1; }
  psql -h 127.0.0.1 -U postgres -d postgres -qAt -c 'select 1' > /dev/null ||
    { echo "needs PostgreSQL at 127.0.0.1:5432 where user postgres connects without a password"; exit 1; }
fi
for port in $portal_port $admin_port $gateway_port $gateway_management_port; do
  ! ss -ltn | grep -q "127.0.0.1:$port \|\*:$port \|0.0.0.0:$port " || { echo "port $port is in use"; exit 1; }
done
work=$(mktemp -d)
pids=()
stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }
cleanup() {
  for pid in "${pids[@]}"; do stop "$pid"; done
  if [ "$mode" != h2 ]; then
    psql -h 127.0.0.1 -U postgres -d postgres -qAt -c "drop database if exists $db with (force)" > /dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
# H2 took 9.3 GB for 5 M events and their rollups; PostgreSQL about 8 GB for 10 M.
free_gb=$(df -BG --output=avail "$work" | tail -1 | tr -dc 0-9)
need_gb=$(( 2 * events / 1000000 + 4 ))
[ "$free_gb" -ge "$need_gb" ] || { echo "$work has $free_gb GB free; $events events need about $need_gb GB"; exit 1; }

aio_jar=all-in-one/target/gatehouse-all-in-one.jar
admin_jar=$(ls admin-ui/target/admin-ui-*-exec.jar 2>/dev/null | head -1 || true)
portal_jar=$(ls portal/target/portal-*-exec.jar 2>/dev/null | head -1 || true)
if [ ! -f "$aio_jar" ] || [ -z "$admin_jar" ] || [ -z "$portal_jar" ]; then
  ./mvnw -B -q -Dmaven.test.skip=true -pl all-in-one -am package
  admin_jar=$(ls admin-ui/target/admin-ui-*-exec.jar | head -1)
  portal_jar=$(ls portal/target/portal-*-exec.jar | head -1)
fi

# Copies of the jars, so that a build running meanwhile cannot change them under the running processes.
cp "$aio_jar" "$work/all-in-one.jar"
cp "$admin_jar" "$work/admin-ui.jar"
cp "$portal_jar" "$work/portal.jar"
aio_jar=$work/all-in-one.jar admin_jar=$work/admin-ui.jar portal_jar=$work/portal.jar
for jar in "$aio_jar" "$admin_jar" "$portal_jar"; do unzip -Z1 "$jar" > /dev/null || { echo "$jar: incomplete (a build is writing it?)"; exit 1; }; done

wait_for() { # description, seconds, command...
  local what=$1 seconds=$2; shift 2
  for _ in $(seq 1 $((seconds * 4))); do "$@" > /dev/null 2>&1 && return 0; sleep 0.25; done
  echo "$what did not come up within $seconds s"; return 1
}
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
log() { echo "[$(date -u +%H:%M:%S)] $*"; }

# ---- the two databases: how to start the platform on each, and how to run SQL ------------------------------------
h2_dir=$work/h2
h2_url="jdbc:h2:file:$h2_dir/gatehouse;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
h2_jar=$work/h2.jar
unzip -p "$aio_jar" "$(unzip -Z1 "$aio_jar" | grep '^BOOT-INF/lib/h2-.*\.jar$')" > "$h2_jar"
admin_password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
export GATEHOUSE_PORTAL_PORT=$portal_port GATEHOUSE_ADMIN_PORT=$admin_port GATEHOUSE_GATEWAY_PORT=$gateway_port
export GATEHOUSE_GATEWAY_MANAGEMENT_PORT=$gateway_management_port GATEHOUSE_GATEWAY_HOST=127.0.0.1
export PGOPTIONS='-c client_min_messages=warning'
export GATEHOUSE_KEYS_PEPPER=$(head -c 36 /dev/urandom | base64)
# The rollup job says "Rollups are catching up" at debug level after each full chunk: the progress and the timing.
debug_rollups=--logging.level.io.gatehouse.admin.background=debug

platform_pids=()
start_platform() { # database, log name, with the portal (for the timings): 0|1
  local database=$1 name=$2 portal=$3
  platform_pids=()
  if [ "$database" = h2 ]; then
    (cd "$work" && GATEHOUSE_DATA_DIR=$h2_dir exec java $java_opts -jar "$aio_jar" $debug_rollups \
      --server.address=127.0.0.1 > "$work/$name.log" 2>&1) &
    pids+=($!) platform_pids+=($!)
    wait_for "the all-in-one platform" 600 grep -q 'Stop with Ctrl+C\|Exception in thread "main"' "$work/$name.log" &&
      grep -q "Stop with Ctrl+C" "$work/$name.log" || { grep -v '^\s*at ' "$work/$name.log" | tail -40; exit 1; }
  else
    (cd "$work" && GATEHOUSE_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db GATEHOUSE_DB_USER=postgres GATEHOUSE_DB_PASSWORD= \
      GATEHOUSE_ADMIN_USERNAME=admin GATEHOUSE_ADMIN_PASSWORD=$admin_password \
      exec java $java_opts -jar "$admin_jar" $debug_rollups --server.address=127.0.0.1 > "$work/$name.log" 2>&1) &
    pids+=($!) platform_pids+=($!)
    wait_for "the admin UI" 600 curl -sf -m 2 "http://127.0.0.1:$admin_port/actuator/health/readiness" ||
      { tail -40 "$work/$name.log"; exit 1; }
    if [ "$portal" = 1 ]; then
      (cd "$work" && GATEHOUSE_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db GATEHOUSE_DB_USER=postgres GATEHOUSE_DB_PASSWORD= \
        exec java $java_opts -jar "$portal_jar" --server.address=127.0.0.1 > "$work/$name-portal.log" 2>&1) &
      pids+=($!) platform_pids+=($!)
      wait_for "the portal" 600 curl -sf -m 2 "http://127.0.0.1:$portal_port/actuator/health/readiness" ||
        { tail -40 "$work/$name-portal.log"; exit 1; }
    fi
  fi
}
stop_platform() { for pid in "${platform_pids[@]}"; do stop "$pid"; done; platform_pids=(); }

query() { # database, SQL file or -c statement; prints result rows, columns separated by one space
  if [ "$1" = h2 ]; then
    local script=$2
    if [ "$2" = -c ]; then script=$work/statement.sql; printf '%s;\n' "$3" > "$script"; fi
    java -Xmx2g -cp "$h2_jar" org.h2.tools.RunScript -url "$h2_url" -user sa -script "$script" -showResults |
      sed -n 's/^--> //p' | tr -s ' '
  else
    if [ "$2" = -c ]; then set -- "$1" -c "$3"; else set -- "$1" -f "$2"; fi
    psql -h 127.0.0.1 -U postgres -d "$db" -v ON_ERROR_STOP=1 -qAt -F ' ' "${@:2}"
  fi
}

# ---- one database: migrate, generate, roll up, time ----------------------------------------------------------------
declare -A p50_of max_of rollup_rate
views=()
run() { # database
  local database=$1 label
  label=$([ "$database" = h2 ] && echo H2 || echo PostgreSQL)
  echo
  log "$label: migrating an empty database"
  if [ "$database" = postgres ]; then
    psql -h 127.0.0.1 -U postgres -d postgres -qAt -c "drop database if exists $db with (force)" -c "create database $db"
  fi
  start_platform "$database" "$database-migrate" 0
  stop_platform

  log "$label: generating $events events over $days days ($api_count APIs x $operations operations, $apps applications)"
  local series=generate_series start step started now_s burst_s month_events
  [ "$database" = postgres ] || series=system_range
  # The month up to the burst, then the last JOB_EVENTS events at the gateway's full rate (RATE a second).
  now_s=$(date -u +%s)
  burst_s=$(awk -v n="$job_events" -v r="$burst_rate" 'BEGIN { printf "%.3f", n / r }')
  month_events=$((events - job_events))
  start=$(date -u -d "@$((now_s - days * 86400))" '+%Y-%m-%d %H:%M:%S+00')
  step=$(awk -v d="$days" -v b="$burst_s" -v n="$month_events" 'BEGIN { printf "%.9f", (d * 86400 - b) / n }')
  sed -e "s/@SERIES@/$series/g" -e "s/@APIS@/$api_count/g" -e "s/@OPERATIONS@/$operations/g" \
    -e "s/@APPS@/$apps/g" -e "s#@PASSWORD_HASH@#$consumer_password_hash#g" bench/analytics-data.sql > "$work/data.sql"
  sed -e "s/@SERIES@/$series/g" -e "s/@APPS@/$apps/g" -e "s/@OPERATIONS@/$operations/g" -e "s/@FIRST@/1/g" \
    -e "s/@LAST@/$month_events/g" -e "s/@STEP_SECONDS@/$step/g" -e "s/@DROP@/-- drop table/g" \
    -e "s/@START@/timestamp with time zone '$start'/g" bench/analytics-events.sql >> "$work/data.sql"
  local burst_start
  burst_start=$(awk -v s="$now_s" -v b="$burst_s" 'BEGIN { printf "%d", s - b }')
  burst_start=$(date -u -d "@$burst_start" '+%Y-%m-%d %H:%M:%S+00')
  step=$(awk -v r="$burst_rate" 'BEGIN { printf "%.9f", 1 / r }')
  sed -e "s/@SERIES@/$series/g" -e "s/@APPS@/$apps/g" -e "s/@OPERATIONS@/$operations/g" \
    -e "s/@FIRST@/$((month_events + 1))/g" -e "s/@LAST@/$events/g" -e "s/@STEP_SECONDS@/$step/g" \
    -e "s/@DROP@/drop table/g" -e "s/@START@/timestamp with time zone '$burst_start'/g" \
    bench/analytics-events.sql >> "$work/data.sql"
  started=$(date +%s.%N)
  query "$database" "$work/data.sql" > /dev/null
  [ "$database" = h2 ] || query "$database" -c "vacuum analyze analytics_event" > /dev/null
  local generated total
  generated=$(elapsed "$started")
  total=$(query "$database" -c "select count(*) from analytics_event")
  log "$label: $total events generated in $generated s$([ "$database" = h2 ] && echo " (database $(du -sh "$h2_dir" | cut -f1))")"

  # The platform's rollup job counts the last JOB_EVENTS events (timed); at its rate the whole month would take
  # hours, so the events before them are counted by the same rows' set-based equivalent, a day at a time.
  local cutoff job_count
  cutoff=$(( $(query "$database" -c "select max(id) from analytics_event") - job_events ))
  [ "$cutoff" -gt 0 ] || cutoff=0
  job_count=$(query "$database" -c "select count(*) from analytics_event where id > $cutoff")
  [ "$job_count" -ge $((2 * chunk)) ] || { echo "the rollup job needs at least $((2 * chunk)) events to time"; exit 1; }
  if [ "$cutoff" -gt 0 ]; then
    log "$label: counting the first $((total - job_count)) events set-based (bench/analytics-rollup.sql)"
    local day_start i resolution
    day_start=$(date -u -d "${start%% *}" +%s)
    {
      echo "set time zone 'UTC';"
      for i in $(seq 0 "$days"); do
        for resolution in m:minute h:hour d:day; do
          # Minute rollups older than their retention (3 days) would be deleted at once.
          [ "${resolution%%:*}" != m ] || [ "$i" -ge $((days - 4)) ] || continue
          sed -e "s/@CODE@/${resolution%%:*}/" -e "s/@UNIT@/${resolution#*:}/" -e "s/@CUTOFF@/$cutoff/" \
            -e "s/@FROM@/timestamp with time zone '$(date -u -d "@$((day_start + i * 86400))" '+%F %T+00')'/" \
            -e "s/@TO@/timestamp with time zone '$(date -u -d "@$((day_start + (i + 1) * 86400))" '+%F %T+00')'/" \
            bench/analytics-rollup.sql | grep -v '^--'
        done
      done
      # The narrower tables (V14), from analytics_rollup as the migration fills them on an upgrade.
      sed -n '/^insert into/,/;$/p' platform-core/src/main/resources/db/migration/V14__narrow_analytics_rollups.sql
      # Their weeks (V15), from their days.
      sed -n '/^insert into/,/;$/p' platform-core/src/main/resources/db/migration/V15__weekly_top_list_rollups.sql
      # Every API's traffic together (V16), from analytics_traffic.
      sed -n '/^insert into/,/;$/p' platform-core/src/main/resources/db/migration/V16__traffic_totals.sql
      echo "insert into analytics_quota_day (subscription_id, day_start, used) select subscription_id, bucket_start,"
      echo "  sum(request_count) from analytics_rollup where resolution = 'd' and subscription_id <> 0"
      echo "  and rejection_reason not in ('rate-limited', 'quota-exhausted') group by subscription_id, bucket_start;"
      echo "update analytics_rollup_cursor set last_event_id = $cutoff, seen_max_id = $cutoff where id = 1;"
    } > "$work/rollup.sql"
    started=$(date +%s.%N)
    query "$database" "$work/rollup.sql" > /dev/null
    log "$label: counted set-based in $(elapsed "$started") s"
  fi

  log "$label: the admin UI's rollup job counts the last $job_count events"
  started=$(date +%s.%N)
  start_platform "$database" "$database-rollup" 0
  local rollup_log=$work/$database-rollup.log full=$((job_count / chunk)) lines=0 last_report=0 waited=0
  while :; do
    lines=$(grep -c "Rollups are catching up" "$rollup_log" || true)
    [ "$lines" -lt "$full" ] || break
    waited=$(awk -v s="$started" -v now="$(date +%s)" 'BEGIN { printf "%d", now - s }')
    [ "$waited" -lt "$rollup_timeout" ] || { echo "rollups not done within $rollup_timeout s"; exit 1; }
    if [ $((waited - last_report)) -ge 30 ]; then
      log "  $((lines * chunk)) of $job_count events counted"; last_report=$waited
    fi
    sleep 1
  done
  sleep 5 # the last, partial chunk: within the same run, or the next one 2 s later
  local first last seconds rate
  first=$(grep -m1 "Rollups are catching up" "$rollup_log" | cut -d' ' -f1)
  last=$(grep "Rollups are catching up" "$rollup_log" | tail -1 | cut -d' ' -f1)
  seconds=$(( $(date -d "$last" +%s%3N) - $(date -d "$first" +%s%3N) ))
  rate=$(awk -v n=$(( (lines - 1) * chunk )) -v ms="$seconds" 'BEGIN { printf "%d", n * 1000 / ms }')
  rollup_rate[$database]=$rate
  log "$label: the job counted $job_count events; $(( (lines - 1) * chunk )) from its first full chunk to its last in $((seconds / 1000)) s: $rate events/s"
  stop_platform

  # What the hourly retention job deletes from rollups this old (it ran only once, a minute after the start).
  local counted rows table
  local tables="analytics_rollup analytics_traffic analytics_traffic_total analytics_operation_use"
  tables="$tables analytics_application_use"
  for table in $tables; do
    query "$database" -c "delete from $table where resolution = 'm'
      and bucket_start < current_timestamp - interval '3' day" > /dev/null
    [ "$database" = h2 ] || query "$database" -c "vacuum analyze $table" > /dev/null
    counted=$(query "$database" -c "select sum(request_count) from $table where resolution = 'd'")
    [ "$counted" = "$total" ] || { echo "the day rollups of $table count $counted events, not $total"; exit 1; }
    if [ "$table" = analytics_operation_use ] || [ "$table" = analytics_application_use ]; then
      counted=$(query "$database" -c "select sum(request_count) from $table where resolution = 'w'")
      [ "$counted" = "$total" ] || { echo "the week rollups of $table count $counted events, not $total"; exit 1; }
    fi
    rows=$(query "$database" -c "select resolution, count(*) from $table group by resolution order by resolution" |
      awk '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $1, $2 }')
    log "$label: $table rows by resolution (minutes kept 3 days): $rows"
  done
  [ "$database" = h2 ] || query "$database" -c "vacuum analyze analytics_quota_day" > /dev/null
  busy_api=$(query "$database" -c "select api_id from analytics_rollup where resolution = 'd' group by api_id
    order by sum(request_count) desc fetch first 1 rows only")
  busy_app=$(query "$database" -c "select id from application where name = 'Bench app 1'")
  [ "$database" != h2 ] || log "$label: database $(du -sh "$h2_dir" | cut -f1)"

  log "$label: starting for the timings"
  started=$(date +%s.%N)
  start_platform "$database" "$database-timing" 1
  log "$label: started in $(elapsed "$started") s"
  local admin=http://127.0.0.1:$admin_port portal=http://127.0.0.1:$portal_port admin_cookies=$work/$database-admin
  local portal_cookies=$work/$database-portal password=$admin_password
  [ "$database" = postgres ] || password=gatehouse-admin
  login "$admin" "$admin_cookies" username admin "$password"
  login "$portal" "$portal_cookies" email analytics-bench-1@example.invalid "$consumer_password"

  log "$label: each view $warmup times unmeasured, then $measure times (ms, time to first byte); busiest API $busy_api,"
  log "  consumer analytics-bench-1@example.invalid with the busiest application ($busy_app, 2 subscriptions)"
  printf '%-44s %8s %8s\n' view p50_ms max_ms
  local range panel
  for range in 1h 24h 7d 30d; do
    time_view "$database" "dashboard, $range" "$admin_cookies" "$admin/analytics?range=$range"
    time_view "$database" "dashboard, $range, one API" "$admin_cookies" "$admin/analytics?range=$range&apiId=$busy_api"
  done
  for panel in traffic applications operations failures quota; do
    time_view "$database" "CSV $panel, 30d" "$admin_cookies" "$admin/analytics/export.csv?range=30d&panel=$panel"
  done
  for range in 24h 7d 30d; do
    time_view "$database" "My usage, $range" "$portal_cookies" "$portal/usage?range=$range"
  done
  for range in 24h 7d 30d; do
    time_view "$database" "My usage, application, $range" "$portal_cookies" \
      "$portal/applications/$busy_app/usage?range=$range"
  done
  stop_platform
  [ "$database" = h2 ] || psql -h 127.0.0.1 -U postgres -d postgres -qAt -c "drop database if exists $db with (force)"
  rm -rf "$h2_dir"
}

login() { # base URL, cookie jar, user field, user, password
  local token
  token=$(curl -s -m 30 -c "$2" -b "$2" "$1/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -m 30 -c "$2" -b "$2" -o /dev/null --data-urlencode "_csrf=$token" --data-urlencode "$3=$4" \
    --data-urlencode "password=$5" "$1/login"
}

time_view() { # database, view, cookie jar, URL
  local database=$1 view=$2 status times p50 max
  # A request that takes over 120 s is given up and counted as 120 s ("over 120 s" when it is the median).
  for _ in $(seq 1 "$warmup"); do curl -s -m 120 -b "$3" -o /dev/null "$4" || true; done
  status=$(curl -s -m 120 -b "$3" -o /dev/null -w '%{http_code}' "$4" || true)
  times=$(for _ in $(seq 1 "$measure"); do
    t=$(curl -s -m 120 -b "$3" -o /dev/null -w '%{time_starttransfer}' "$4") || t=120; echo "$t"; done | sort -n)
  p50=$(awk '{ v[NR] = $1 * 1000 } END { printf "%.0f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }' <<< "$times")
  max=$(tail -1 <<< "$times" | awk '{ printf "%.0f", $1 * 1000 }')
  [ "$p50" -lt 120000 ] || p50="over 120 s"
  [ "$status" = 200 ] || [ "$status" = 000 ] || { p50="HTTP $status"; max=-; }
  printf '%-44s %8s %8s\n' "$view" "$p50" "$max"
  [[ " ${views[*]} " == *" $view|"* ]] || views+=("$view|")
  p50_of[$database|$view]=$p50 max_of[$database|$view]=$max
}

machine="$(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(free -g | awk '/Mem:/ { print $2 }') GB,"
machine="$machine $(java -version 2>&1 | head -1)$([ "$mode" = h2 ] || echo ", $(psql --version | head -1)")"
echo "Analytics benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $machine; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$events events over $days days; JVM $java_opts; disk $(df -h "$work" | awk 'NR == 2 { print $4 }') free"

databases=(h2 postgres)
[ "$mode" = all ] || databases=("$mode")
for database in "${databases[@]}"; do run "$database"; done

echo
echo "Summary (ms, time to first byte; target: under 300 ms)"
printf '%-44s' "view"; for database in "${databases[@]}"; do printf ' %12s %12s' "$database p50" "$database max"; done; echo
over=0
for entry in "${views[@]}"; do
  view=${entry%|}
  printf '%-44s' "$view"
  for database in "${databases[@]}"; do
    printf ' %12s %12s' "${p50_of[$database|$view]:--}" "${max_of[$database|$view]:--}"
    awk -v v="${p50_of[$database|$view]:-0}" 'BEGIN { exit !(v + 0 >= 300 || v !~ /^[0-9]+$/) }' && over=$((over + 1))
  done
  echo
done
for database in "${databases[@]}"; do
  echo "rollups on $database: ${rollup_rate[$database]} events/s"
done
echo "views with a p50 at or over 300 ms: $over"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
