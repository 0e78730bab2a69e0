#!/usr/bin/env bash
# Gateway benchmark: what the full policy chain costs, against a direct call and against nginx set up as a minimal
# API gateway, and how fast an approval or a revocation reaches every gateway node.
#
#   bench/gateway.sh [all|throughput|propagation|rollups]      (default: all)
#
# Starts everything it measures on loopback, on a fresh PostgreSQL database gatehouse_bench (127.0.0.1:5432, user
# postgres, no password), and stops it all when done:
# - the fixed upstream: nginx answering every request with the same 294-byte JSON body;
# - the nginx peer: a key map of the same keys, limit_req per key (a rate that never triggers), proxy_pass with
#   keep-alive connections to the upstream;
# - Undertow's proxy alone (bench/UndertowProxy.java on the gateway jar's own Undertow): the stack's ceiling;
# - Gatehouse: the admin UI (which migrates the database; an API and a plan are created through its REST API with a
#   personal access token), 1,000 consumers with an application, an approved subscription and an active key each,
#   and the gateway with its full chain (request id, route, key, subscription, rate limit and quota, proxy,
#   analytics event).
# The upstream and the server under test share core 0; the load generators run on core 1 (taskset).
# Throughput: wrk, 2 threads, CONNECTIONS connections, DURATION s, ROUNDS rounds in turn, keys rotated by a Lua
# script. Latency: an open-loop load at half the gateway's measured capacity (bench/GatewayBench.java), latency
# counted from the scheduled send time. Propagation: two gateway nodes; each trial approves a pending subscription,
# then revokes its key, through the admin REST API, and polls both nodes every 10 ms. Rollups: the admin UI (whose job
# counts the events into the dashboards' rollups every 2 s) runs beside the gateway under wrk at full load for
# ROLLUP_SECONDS; every second the lag is sampled: how old the oldest event not yet counted is (0 when all are).
#
# Settings (environment): WARMUP=60 s of load before the gateway is measured (the JIT's), DURATION=10, ROUNDS=3,
# CONNECTIONS=64, FIXED_SECONDS=30 (0 skips the fixed-rate runs), FIXED_CONNECTIONS=32, KEYS=1000, TRIALS=50,
# IO_THREADS=2 (the gateway's and Undertow's proxy alone's; the gateway's default), ROLLUP_SECONDS=60,
# TARGETS="direct nginx undertow gatehouse" (a subset measures only those), FIXED_RATE (default: half the gateway's),
# PIN_POSTGRES=1 (PostgreSQL on the load generators' core while measured, as a database on a machine of its own would
# be, and put back on every core at the end; 0 leaves it on both cores, where it also takes the gateway's),
# GATEWAY_JAVA_OPTS (default below), BASE_PORT=28000 (the ports used are BASE_PORT to BASE_PORT + 200).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-all}
case "$mode" in all|throughput|propagation|rollups) ;;
  *) echo "usage: bench/gateway.sh [all|throughput|propagation|rollups]"; exit 2;; esac
warmup=${WARMUP:-60}
duration=${DURATION:-10}
rounds=${ROUNDS:-3}
connections=${CONNECTIONS:-64}
fixed_seconds=${FIXED_SECONDS:-30}
fixed_connections=${FIXED_CONNECTIONS:-32}
key_count=${KEYS:-1000}
trials=${TRIALS:-50}
io_threads=${IO_THREADS:-2}
rollup_seconds=${ROLLUP_SECONDS:-60}
pin_postgres=${PIN_POSTGRES:-1}
[ "$pin_postgres" = 0 ] && postgres_placement="not pinned" || postgres_placement="on the load generators' core"
gateway_java_opts=${GATEWAY_JAVA_OPTS:--Xms512m -Xmx512m -XX:+UseParallelGC -XX:+AlwaysPreTouch}
server_core=0
load_core=1
base_port=${BASE_PORT:-28000}
upstream_port=$((base_port + 100)) peer_port=$((base_port + 200)) admin_port=$((base_port + 81))
bare_port=$((base_port + 150))
gateway_port=$base_port gateway_management_port=$((base_port + 1))
gateway2_port=$((base_port + 10)) gateway2_management_port=$((base_port + 11))
db=gatehouse_bench

# What it needs: Debian packages, installed when run as root.
declare -A package_of=([wrk]=wrk [nginx]=nginx-light [psql]=postgresql-client [jq]=jq [curl]=curl [taskset]=util-linux
  [openssl]=openssl [java]=openjdk-17-jdk-headless)
missing=()
for tool in "${!package_of[@]}"; do command -v "$tool" > /dev/null || missing+=("${package_of[$tool]}"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -q && apt-get install -y -q "${missing[@]}"
  else
    echo "missing: ${missing[*]} (apt-get install ${missing[*]})"; exit 1
  fi
fi
[ "$(nproc)" -ge 2 ] || { echo "this benchmark needs 2 cores (server on one, load generator on the other)"; exit 1; }
for port in $upstream_port $peer_port $bare_port $admin_port $gateway_port $gateway_management_port $gateway2_port $gateway2_management_port; do
  ! ss -ltn | grep -q ":$port " || { echo "port $port is in use (BASE_PORT=$base_port: choose another)"; exit 1; }
done

psql -h 127.0.0.1 -U postgres -d postgres -qAt -c 'select 1' > /dev/null ||
  { echo "needs PostgreSQL at 127.0.0.1:5432 where user postgres connects without a password"; exit 1; }

admin_jar=$(ls admin-ui/target/admin-ui-*-exec.jar 2>/dev/null | head -1 || true)
gateway_jar=$(ls gateway-runtime/target/gateway-runtime-*-exec.jar 2>/dev/null | head -1 || true)
core_jar=$(ls platform-core/target/platform-core-*.jar 2>/dev/null | grep -v sources | head -1 || true)
if [ -z "$admin_jar" ] || [ -z "$gateway_jar" ] || [ -z "$core_jar" ]; then
  ./mvnw -B -q -Dmaven.test.skip=true -pl admin-ui,gateway-runtime -am package
  admin_jar=$(ls admin-ui/target/admin-ui-*-exec.jar | head -1)
  gateway_jar=$(ls gateway-runtime/target/gateway-runtime-*-exec.jar | head -1)
  core_jar=$(ls platform-core/target/platform-core-*.jar | grep -v sources | head -1)
fi

work=$(mktemp -d)
chmod 755 "$work"
pids=()
stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }
postgres_cores() { # cores: every PostgreSQL process (and the backends the postmaster starts later) on those
  local pid
  for pid in $(pgrep -x postgres); do taskset -a -p -c "$1" "$pid" > /dev/null 2>&1 || true; done
}
every_core="0-$(($(nproc) - 1))"
cleanup() {
  for pid in "${pids[@]}"; do stop "$pid"; done
  [ "$pin_postgres" = 0 ] || postgres_cores "$every_core"
  psql -h 127.0.0.1 -U postgres -d postgres -qAt -c "drop database if exists $db with (force)" > /dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
wait_for() { # description, seconds, command...
  local what=$1 seconds=$2; shift 2
  for _ in $(seq 1 $((seconds * 4))); do "$@" > /dev/null 2>&1 && return 0; sleep 0.25; done
  echo "$what did not come up within $seconds s"; return 1
}
sql() { psql -h 127.0.0.1 -U postgres -d "$db" -v ON_ERROR_STOP=1 -qAt "$@"; }

# ---- the fixed upstream and the nginx peer -------------------------------------------------------------------------
body='{"id":7,"name":"Gatehouse benchmark item","status":"available","tags":["bench","fixed","upstream"],"price":{"amount":1999,"currency":"EUR"},"stock":42,"updatedAt":"2026-11-24T12:00:00Z","description":"A fixed response body, so that all targets move the same bytes.","links":{"self":"/items/7"}}'
mkdir -p "$work/nginx"
nginx_conf() { # name, server block
  cat <<EOF
worker_processes 1;
daemon off;
pid $work/nginx/$1.pid;
error_log $work/nginx/$1-error.log warn;
events { worker_connections 4096; }
http {
  client_body_temp_path $work/nginx/$1-body;
  proxy_temp_path $work/nginx/$1-proxy;
  fastcgi_temp_path $work/nginx/$1-fastcgi;
  uwsgi_temp_path $work/nginx/$1-uwsgi;
  scgi_temp_path $work/nginx/$1-scgi;
  keepalive_requests 1000000;
  keepalive_timeout 60s;
$2
}
EOF
}
nginx_conf upstream "
  access_log off;
  server {
    listen 127.0.0.1:$upstream_port backlog=4096;
    default_type application/json;
    location / { return 200 '$body'; }
  }" > "$work/nginx/upstream.conf"
taskset -c $server_core nginx -e "$work/nginx/upstream-error.log" -c "$work/nginx/upstream.conf" &
pids+=($!)
wait_for "the upstream" 10 curl -sf -m 2 "http://127.0.0.1:$upstream_port/"
[ "$(curl -s -m 2 "http://127.0.0.1:$upstream_port/" | wc -c)" = 294 ] || { echo "the upstream body is not 294 bytes"; exit 1; }

# ---- Gatehouse: database, admin UI, API and plan through the REST API, consumers and keys --------------------------
psql -h 127.0.0.1 -U postgres -d postgres -qAt -c "drop database if exists $db with (force)" -c "create database $db"
export GATEHOUSE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" GATEHOUSE_DB_USER=postgres GATEHOUSE_DB_PASSWORD=
GATEHOUSE_KEYS_PEPPER=$(openssl rand -base64 36)
export GATEHOUSE_KEYS_PEPPER
admin_password=$(openssl rand -base64 18)
admin=http://127.0.0.1:$admin_port
start_admin() {
  (cd "$work" && GATEHOUSE_ADMIN_PORT=$admin_port GATEHOUSE_ADMIN_USERNAME=admin GATEHOUSE_ADMIN_PASSWORD=$admin_password \
    exec java -Xmx1g -jar "$OLDPWD/$admin_jar" --server.address=127.0.0.1 >> "$work/admin.log" 2>&1) &
  admin_pid=$!
  pids+=($admin_pid)
  wait_for "the admin UI" 180 curl -sf -m 2 "$admin/actuator/health/readiness" || { tail -40 "$work/admin.log"; exit 1; }
}
start_admin

cookies=$work/cookies
csrf() { curl -s -m 30 -b "$cookies" -c "$cookies" "$admin$1" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1; }
curl -s -m 30 -c "$cookies" -b "$cookies" -o /dev/null --data-urlencode "_csrf=$(csrf /login)" \
  --data-urlencode username=admin --data-urlencode "password=$admin_password" "$admin/login"
token=$(curl -s -m 30 -b "$cookies" -c "$cookies" --data-urlencode "_csrf=$(csrf /tokens)" --data-urlencode name=bench \
  "$admin/tokens" | sed -n 's/.*id="issued-token-value">\(gthp_[^<]*\)<.*/\1/p' | head -1)
[ -n "$token" ] || { echo "could not create an access token in the admin UI"; exit 1; }
rest() { # method, path, json body
  curl -sf -m 30 -X "$1" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$3" "$admin/api/admin/v1$2"
}
document='openapi: 3.0.3
info: {title: Gatehouse benchmark, version: "1"}
paths:
  /items/{id}:
    get:
      parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
      responses: {"200": {description: the item}}'
api_id=$(rest POST /apis "$(jq -n --arg doc "$document" --arg upstream "http://127.0.0.1:$upstream_port" \
  '{document: $doc, contextPath: "/bench/v1", mockMode: false, upstreams: [$upstream], owner: "admin"}')" | jq -r .id)
rest POST "/apis/$api_id/lifecycle" '{"target": "PUBLISHED"}' > /dev/null
# Limits that every request goes through and none trips: 1,000 req/s per subscription, 10^9 a month.
plan_id=$(rest POST "/apis/$api_id/plans" '{"name": "Bench", "rateLimit": {"requests": 1000, "period": "SECOND",
  "burst": 1000}, "quota": {"limit": 1000000000, "period": "MONTH"}, "approvalMode": "MANUAL", "offered": true}' | jq -r .id)

# Consumers 1..KEYS hold an approved subscription and an active key; the next TRIALS wait for approval (propagation).
# Keys are made and hashed by platform-core's own ApiKeyFormat and ApiKeyHasher, with the gateway's pepper.
total=$((key_count + trials))
java -cp "$core_jar" bench/GatewayBench.java keys "$total" > "$work/keys.txt"
{
  echo "begin;"
  echo "insert into consumer (email, display_name, password_hash, status, created_at)"
  echo "  select 'bench-' || g || '@example.invalid', 'Bench consumer ' || g, '-', 'ACTIVE', now() from generate_series(1, $total) g;"
  echo "insert into application (consumer_id, name, created_at)"
  echo "  select id, 'Bench application', now() from consumer where email like 'bench-%@example.invalid';"
  echo "insert into subscription (application_id, plan_id, api_id, live_api_id, status, requested_at, decided_at, decided_by, row_version)"
  echo "  select a.id, $plan_id, $api_id, $api_id, case when n <= $key_count then 'APPROVED' else 'PENDING' end, now(),"
  echo "         case when n <= $key_count then now() end, case when n <= $key_count then 'admin' end, 0"
  echo "  from (select id, split_part(split_part(email, '@', 1), '-', 2)::int n from consumer where email like 'bench-%@example.invalid') c"
  echo "  join application a on a.consumer_id = c.id;"
  echo "insert into api_key (application_id, key_id, secret_hash, last_four, status, created_at)"
  echo "  select a.id, v.key_id, v.secret_hash, v.last_four, 'ACTIVE', now() from (values"
  awk '{ printf "%s(%d, '\''%s'\'', '\''%s'\'', '\''%s'\'')\n", (NR > 1 ? "," : ""), NR, $1, $2, $3 }' "$work/keys.txt"
  echo "  ) v(n, key_id, secret_hash, last_four)"
  echo "  join consumer c on c.email = 'bench-' || v.n || '@example.invalid' join application a on a.consumer_id = c.id;"
  echo "update config_revision set revision = revision + 1, changed_at = now() where id = 1;"
  echo "commit;"
} > "$work/seed.sql"
sql -f "$work/seed.sql"
head -n "$key_count" "$work/keys.txt" | awk '{ print $4 }' > "$work/keys"
sql -F ' ' -c "select s.id, k.key_id from subscription s join api_key k on k.application_id = s.application_id
  where s.status = 'PENDING' order by s.id" | awk 'NR == FNR { plain[$1] = $4; next } { print $1, $2, plain[$2] }' \
  "$work/keys.txt" - > "$work/trials"
first_key=$(head -1 "$work/keys")

start_gateway() { # name, port, management port, core
  (cd "$work" && GATEHOUSE_GATEWAY_HOST=127.0.0.1 GATEHOUSE_GATEWAY_PORT=$2 GATEHOUSE_GATEWAY_MANAGEMENT_PORT=$3 \
    exec taskset -c "$4" java $gateway_java_opts -jar "$OLDPWD/$gateway_jar" --gatehouse.gateway.io-threads=$io_threads \
    > "$work/$1.log" 2>&1) &
  pids+=($!)
}
gateway_ready() { # management port, port
  [ "$(curl -sf -m 2 "http://127.0.0.1:$1/health" | jq -r .snapshot.keys)" = "$total" ] &&
    [ "$(curl -s -m 2 -o /dev/null -w '%{http_code}' -H "X-API-Key: $first_key" "http://127.0.0.1:$2/bench/v1/items/7")" = 200 ]
}
[ "$pin_postgres" = 0 ] || postgres_cores $load_core
start_gateway gateway $gateway_port $gateway_management_port $server_core
gateway_pid=${pids[-1]}
wait_for "the gateway" 60 gateway_ready $gateway_management_port $gateway_port || { tail -40 "$work/gateway.log"; exit 1; }

machine="$(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(free -g | awk '/Mem:/ { print $2 }') GB,"
machine="$machine $(java -version 2>&1 | head -1), $(nginx -v 2>&1 | sed 's#.*/##'), wrk $( (wrk -v 2>&1 || true) | sed -n 's/^wrk \([^ ]*\).*/\1/p')"
echo "Gateway benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $machine; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "upstream and server under test on core $server_core, load generators on core $load_core; $key_count active keys;"
echo "PostgreSQL: $postgres_placement"
echo "gateway JVM: $gateway_java_opts; IO threads of the gateway and of Undertow's proxy alone: $io_threads"

# ---- propagation: two nodes, approve -> 200 and revoke -> 401 -------------------------------------------------------
if [ "$mode" = all ] || [ "$mode" = propagation ]; then
  start_gateway gateway-2 $gateway2_port $gateway2_management_port $server_core
  gateway2_pid=${pids[-1]}
  wait_for "the second gateway" 60 gateway_ready $gateway2_management_port $gateway2_port || { tail -40 "$work/gateway-2.log"; exit 1; }
  pending=$(curl -s -m 2 -o /dev/null -w '%{http_code}' -H "X-API-Key: $(awk 'NR == 1 { print $3 }' "$work/trials")" \
    "http://127.0.0.1:$gateway_port/bench/v1/items/7")
  [ "$pending" = 403 ] || { echo "a pending subscription's key got $pending, not 403"; exit 1; }
  echo
  echo "Propagation: $trials trials on 2 gateway nodes (snapshot poll interval 250 ms), polled every 10 ms from the admin request"
  java -cp "$core_jar" bench/GatewayBench.java propagation "$admin/api/admin/v1" "$token" "$work/trials" \
    "http://127.0.0.1:$gateway_port/bench/v1/items/7" "http://127.0.0.1:$gateway2_port/bench/v1/items/7" \
    2> "$work/propagation.log"
  stop "$gateway2_pid"
fi
[ "$mode" != propagation ] || exit 0
# The admin UI is idle from here on; stop it so that only what is measured runs.
stop "$admin_pid"

# ---- throughput ----------------------------------------------------------------------------------------------------
cat > "$work/keys.lua" <<EOF
local keys = {}
for line in io.lines("$work/keys") do keys[#keys + 1] = line end
local requests = {}
local i = 0
-- Formatted once (in init, once wrk has set the Host header): wrk's own work per request stays that of a static one.
init = function(args)
  for n, key in ipairs(keys) do requests[n] = wrk.format(nil, nil, { ["X-API-Key"] = key }) end
  i = math.random(#requests)
end
request = function()
  i = i % #requests + 1
  return requests[i]
end
EOF
peer_map=$(awk '{ print "    " $1 " 1;" }' "$work/keys")
nginx_conf peer "
  access_log $work/nginx/peer-access.log combined buffer=64k flush=1s;
  map_hash_bucket_size 256;
  map_hash_max_size 16384;
  map \$http_x_api_key \$key_ok {
    default 0;
$peer_map
  }
  limit_req_zone \$http_x_api_key zone=per_key:10m rate=100000r/s;
  upstream fixed_upstream {
    server 127.0.0.1:$upstream_port;
    keepalive 128;
  }
  server {
    listen 127.0.0.1:$peer_port backlog=4096;
    location / {
      if (\$key_ok = 0) { return 401; }
      limit_req zone=per_key burst=1000 nodelay;
      proxy_pass http://fixed_upstream;
      proxy_http_version 1.1;
      proxy_set_header Connection \"\";
      proxy_set_header X-API-Key \"\";
    }
  }" > "$work/nginx/peer.conf"
taskset -c $server_core nginx -e "$work/nginx/peer-error.log" -c "$work/nginx/peer.conf" &
pids+=($!)
wait_for "the nginx peer" 10 curl -sf -m 2 -H "X-API-Key: $first_key" "http://127.0.0.1:$peer_port/bench/v1/items/7"
[ "$(curl -s -m 2 -o /dev/null -w '%{http_code}' -H 'X-API-Key: unknown' "http://127.0.0.1:$peer_port/bench/v1/items/7")" = 401 ]

# The stack's ceiling: Undertow's proxy alone on the gateway's own libraries, pinned like the gateway.
mkdir -p "$work/undertow-lib"
unzip -q -j "$gateway_jar" 'BOOT-INF/lib/undertow-*' 'BOOT-INF/lib/xnio-*' 'BOOT-INF/lib/jboss-*' \
  'BOOT-INF/lib/wildfly-*' 'BOOT-INF/lib/smallrye-*' -d "$work/undertow-lib" 2>/dev/null || true
taskset -c $server_core java $gateway_java_opts -cp "$work/undertow-lib/*" bench/UndertowProxy.java "$bare_port" \
  "http://127.0.0.1:$upstream_port" "$io_threads" > "$work/undertow.log" 2>&1 &
pids+=($!)
wait_for "Undertow's proxy alone" 60 curl -sf -m 2 "http://127.0.0.1:$bare_port/bench/v1/items/7" || { cat "$work/undertow.log"; exit 1; }

declare -A url=([direct]="http://127.0.0.1:$upstream_port/bench/v1/items/7" [undertow]="http://127.0.0.1:$bare_port/bench/v1/items/7"
  [nginx]="http://127.0.0.1:$peer_port/bench/v1/items/7" [gatehouse]="http://127.0.0.1:$gateway_port/bench/v1/items/7")
declare -A label=([direct]="direct to the upstream" [nginx]="nginx peer (map, limit_req, proxy_pass)"
  [undertow]="Undertow's proxy alone (the stack's ceiling)"
  [gatehouse]="Gatehouse (full chain)")
targets=(${TARGETS:-direct nginx undertow gatehouse})
cpu_ticks() { # CPU time (clock ticks) of the processes whose command name is $1
  awk -v name="($1)" '$2 == name { t += $14 + $15 } END { print t + 0 }' /proc/[0-9]*/stat 2>/dev/null
}
wrk_run() { # target, seconds, output file
  taskset -c $load_core wrk -t2 -c"$connections" -d"$2s" -s "$work/keys.lua" "${url[$1]}" > "$3"
  if grep -q 'Non-2xx\|Socket errors' "$3"; then echo "$1: $(grep 'Non-2xx\|Socket errors' "$3" | tr -s ' ')" >&2; fi
  awk '/^Requests\/sec/ { printf "%d", $2 }' "$3"
}
rollups() { # the admin UI's rollup job beside the gateway at full load: the lag of the counting, sampled every second
  # The counting is the database's work: PostgreSQL gets both cores back, as a database of its own would have its own.
  [ "$pin_postgres" = 0 ] || postgres_cores "$every_core"
  start_admin
  local uncounted="select count(*), coalesce(extract(epoch from clock_timestamp() - min(occurred_at)), 0)
    from analytics_event where id > (select last_event_id from analytics_rollup_cursor where id = 1)"
  counted_within() { # seconds: how many seconds until every event is counted (within that many), or -1
    local second
    for second in $(seq 0 "$1"); do
      [ "$(sql -F ' ' -c "$uncounted" | cut -d' ' -f1)" != 0 ] || { echo "$second"; return; }
      sleep 1
    done
    echo -1
  }
  # The events of the runs before (the admin UI was stopped) are counted first, so that the load starts caught up.
  local caught_up
  caught_up=$(counted_within 600)
  [ "$caught_up" -ge 0 ] || { echo "the rollup job did not count the earlier runs' events within 600 s"; exit 1; }
  local before_events before_counted
  before_events=$(sql -c "select coalesce(max(id), 0) from analytics_event")
  before_counted=$(sql -c "select last_event_id from analytics_rollup_cursor where id = 1")
  touch "$work/sampling"
  (while [ -f "$work/sampling" ]; do sql -F ' ' -c "$uncounted" >> "$work/lag"; sleep 1; done) &
  local sampler=$!
  local rps
  rps=$(wrk_run gatehouse "$rollup_seconds" "$work/wrk-rollups")
  rm -f "$work/sampling"
  wait "$sampler" || true
  local drained_in
  drained_in=$(counted_within 60)
  local after_events after_counted
  after_events=$(sql -c "select coalesce(max(id), 0) from analytics_event")
  after_counted=$(sql -c "select last_event_id from analytics_rollup_cursor where id = 1")
  echo
  echo "Rollups: the admin UI's job (a run every 2 s) beside the gateway under wrk -t2 -c$connections for ${rollup_seconds} s"
  echo "(the earlier runs' events were counted first, in $caught_up s)"
  echo "gateway: $rps req/s; events written: $((after_events - before_events)); counted: $((after_counted - before_counted))"
  local samples
  samples=$(wc -l < "$work/lag")
  sort -n -k2 "$work/lag" | awk -v n="$samples" '{ lag[NR] = $2 + 0; if ($1 + 0 > most) most = $1 + 0 }
    END { printf "lag of the counting, %d samples (s): p50 %.1f, p90 %.1f, max %.1f; at most %d events waiting\n",
      n, lag[int((n + 1) / 2)], lag[int(n * 0.9 + 0.5)], lag[n], most }'
  echo "all events counted $drained_in s after the load ended (-1: not within 60 s)"
  stop "$admin_pid"
}
if [ "$mode" = rollups ]; then
  echo
  echo "Warming up: ${warmup} s of load on the gateway"
  wrk_run gatehouse "$warmup" "$work/warm-gatehouse" > /dev/null
  rollups
  exit 0
fi
echo
echo "Warming up: ${warmup} s of load on the gateway and on Undertow's proxy alone, 5 s on each nginx"
for target in "${targets[@]}"; do
  case $target in direct|nginx) seconds=5;; *) seconds=$warmup;; esac
  wrk_run "$target" "$seconds" "$work/warm-$target" > /dev/null
done
echo
echo "Throughput: wrk -t2 -c$connections -d${duration}s, $rounds rounds in turn, keys rotated (req/s)"
declare -A results
pid_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
pg_gatehouse=0 jvm_gatehouse=0 nginx_gatehouse=0
for round in $(seq 1 "$rounds"); do
  for target in "${targets[@]}"; do
    if [ "$target" = gatehouse ]; then
      pg_before=$(cpu_ticks postgres) jvm_before=$(pid_ticks "$gateway_pid") nginx_before=$(cpu_ticks nginx)
    fi
    rps=$(wrk_run "$target" "$duration" "$work/wrk-$target-$round")
    if [ "$target" = gatehouse ]; then
      pg_gatehouse=$((pg_gatehouse + $(cpu_ticks postgres) - pg_before))
      jvm_gatehouse=$((jvm_gatehouse + $(pid_ticks "$gateway_pid") - jvm_before))
      nginx_gatehouse=$((nginx_gatehouse + $(cpu_ticks nginx) - nginx_before))
    fi
    results[$target]="${results[$target]:-} $rps"
  done
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
printf '%-42s %10s %28s %10s\n' target median rounds vs_nginx
declare -A med
for target in "${targets[@]}"; do
  med[$target]=$(median <<< "${results[$target]}")
  printf '%-42s %10d %28s %10s\n' "${label[$target]}" "${med[$target]}" "$(echo ${results[$target]})" \
    "$(awk -v a="${med[$target]}" -v b="${med[nginx]:-0}" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }')"
done
ratio=$(awk -v a="${med[gatehouse]:-0}" -v b="${med[nginx]:-0}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print 0 }')
share() { awk -v t="$1" -v hz="$(getconf CLK_TCK)" -v s=$((rounds * duration)) 'BEGIN { printf "%.0f%%", 100 * t / hz / s }'; }
echo "CPU during the Gatehouse runs, in % of a core: gateway JVM $(share "$jvm_gatehouse"), upstream nginx" \
  "$(share "$nginx_gatehouse"), PostgreSQL (analytics rows, $postgres_placement) $(share "$pg_gatehouse")"

# ---- latency at a fixed rate ---------------------------------------------------------------------------------------
[ "$fixed_seconds" -gt 0 ] || { [ "$mode" != all ] || rollups; echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"; exit 0; }
rate=${FIXED_RATE:-$((med[gatehouse] / 2))}
echo
echo "Latency at a fixed $rate req/s (half the gateway's capacity), $fixed_connections connections, ${fixed_seconds} s after 10 s"
echo "unmeasured; from the scheduled send time (ms)"
printf '%-42s %9s %8s %8s %8s %8s %8s %7s\n' target achieved p50 p90 p99 p99.9 max non2xx
declare -A p50 p99 p90
for target in "${targets[@]}"; do
  taskset -c $load_core java -Xms2g -Xmx2g -Xmn1500m -XX:+UseParallelGC -cp "$core_jar" bench/GatewayBench.java rate \
    "${url[$target]}" "$work/keys" "$rate" "$fixed_seconds" 10 "$fixed_connections" > "$work/fixed-$target"
  value() { awk -v k="$1" '$1 == k { print $2 }' "$work/fixed-$target"; }
  p50[$target]=$(value p50_ms) p90[$target]=$(value p90_ms) p99[$target]=$(value p99_ms)
  printf '%-42s %9s %8s %8s %8s %8s %8s %7s\n' "${label[$target]}" "$(value achieved_rate)" "${p50[$target]}" \
    "${p90[$target]}" "${p99[$target]}" "$(value p99_9_ms)" "$(value p100_ms)" "$(( $(value non2xx) + $(value failed) ))"
done
added() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a - b }'; }
added50=$(added "${p50[gatehouse]:-0}" "${p50[direct]:-0}") added90=$(added "${p90[gatehouse]:-0}" "${p90[direct]:-0}")
added99=$(added "${p99[gatehouse]:-0}" "${p99[direct]:-0}")
printf '%-42s %9s %8s %8s %8s\n' "added by Gatehouse (Gatehouse - direct)" "" "$added50" "$added90" "$added99"

echo
verdict() { awk -v value="$1" -v limit="$2" -v at_least="$3" \
  'BEGIN { exit !(at_least ? value + 0 >= limit + 0 : value + 0 <= limit + 0) }' && echo met || echo "NOT met"; }
echo "Targets: throughput >= 0.8x nginx: ${ratio}x, $(verdict "$ratio" 0.8 1);" \
  "added p50 <= 0.3 ms: $added50 ms, $(verdict "$added50" 0.3 0); added p99 <= 2 ms: $added99 ms, $(verdict "$added99" 2 0)"
[ "$mode" != all ] || rollups
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
