#!/usr/bin/env bash
# Catalog benchmark: how long the largest real-world documents take to import through the admin UI's wizard
# (preview + confirm, as an admin does it), and how long the portal takes to render their API pages.
# Starts the all-in-one platform on a throwaway H2 database, on loopback only; every request is bounded.
#
#   bench/catalog.sh [document ...]      (default: Stripe and Codat from ../shared/openapi-corpus)
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=../shared/openapi-corpus
documents=("$@")
if [ ${#documents[@]} -eq 0 ]; then
  documents=("$corpus/stripe-spec3-2023-09.yaml" "$corpus/sp-issue-2059-large-codat-lending.yaml")
fi
renders=${RENDERS:-50}

jar=all-in-one/target/gatehouse-all-in-one.jar
[ -f "$jar" ] || ./mvnw -B -q -Dmaven.test.skip=true -pl all-in-one -am package

work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
export GATEHOUSE_PORTAL_PORT=18080 GATEHOUSE_ADMIN_PORT=18081 GATEHOUSE_GATEWAY_PORT=18000 GATEHOUSE_GATEWAY_MANAGEMENT_PORT=18001
(cd "$work" && exec java -Xmx2g -jar "$OLDPWD/$jar" > "$work/platform.log" 2>&1) &
pid=$!
for _ in $(seq 1 120); do grep -q "Stop with Ctrl+C" "$work/platform.log" 2>/dev/null && break; sleep 1; done
grep -q "Stop with Ctrl+C" "$work/platform.log" || { echo "the platform did not start"; tail -50 "$work/platform.log"; exit 1; }

admin=http://127.0.0.1:$GATEHOUSE_ADMIN_PORT
portal=http://127.0.0.1:$GATEHOUSE_PORTAL_PORT
jar_cookies=$work/cookies
csrf() { curl -s -m 30 -b "$jar_cookies" -c "$jar_cookies" "$admin$1" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1; }
curl -s -m 30 -c "$jar_cookies" -b "$jar_cookies" -o /dev/null "$admin/login"
curl -s -m 30 -c "$jar_cookies" -b "$jar_cookies" -o /dev/null --data-urlencode "_csrf=$(csrf /login)" \
  --data-urlencode username=admin --data-urlencode password=gatehouse-admin "$admin/login"

printf '%-42s %9s %12s %12s %12s %13s %13s\n' document size_kB ops preview_s confirm_s page_p50_ms page_p95_ms
for document in "${documents[@]}"; do
  name=$(basename "$document")
  preview=$(curl -s -m 120 -b "$jar_cookies" -c "$jar_cookies" -w '\n%{time_total}' -F "_csrf=$(csrf /apis/import)" \
    -F source=file -F "file=@$document" "$admin/apis/import/preview")
  preview_s=$(tail -1 <<<"$preview")
  draft=$(sed -n 's/.*name="draftId" value="\([^"]*\)".*/\1/p' <<<"$preview" | head -1)
  ops=$(sed -n 's/.*id="preview-operation-count">\([0-9]*\)<.*/\1/p' <<<"$preview" | head -1)
  [ -n "$draft" ] || { echo "$name: preview refused"; grep -o '<li>[^<]*</li>' <<<"$preview" | head -5; continue; }
  context="/bench-$(date +%s%N | tail -c 7)"
  confirm=$(curl -s -m 120 -b "$jar_cookies" -c "$jar_cookies" -o /dev/null -w '%{time_total} %{redirect_url}' \
    --data-urlencode "_csrf=$(csrf /apis/import)" --data-urlencode "draftId=$draft" \
    --data-urlencode "contextPath=$context" --data-urlencode mockMode=true "$admin/apis/import/confirm")
  confirm_s=${confirm%% *}
  api_id=$(sed -n 's#.*/apis/\([0-9]*\).*#\1#p' <<<"$confirm")
  curl -s -m 30 -b "$jar_cookies" -c "$jar_cookies" -o /dev/null --data-urlencode "_csrf=$(csrf "/apis/$api_id")" \
    --data-urlencode target=PUBLISHED "$admin/apis/$api_id/lifecycle"
  # Portal API page: warm up, then time $renders renders (time to first byte on loopback = server time).
  for _ in $(seq 1 20); do curl -s -m 30 -o /dev/null "$portal/apis/$api_id"; done
  status=$(curl -s -m 30 -o /dev/null -w '%{http_code}' "$portal/apis/$api_id")
  times=$(for _ in $(seq 1 "$renders"); do curl -s -m 30 -o /dev/null -w '%{time_starttransfer}\n' "$portal/apis/$api_id"; done | sort -n)
  p50=$(awk -v n="$renders" 'NR==int(n*0.5)+0{printf "%.1f", $1*1000}' <<<"$times")
  p95=$(awk -v n="$renders" 'NR==int(n*0.95)+0{printf "%.1f", $1*1000}' <<<"$times")
  [ "$status" = 200 ] || { p50="HTTP $status"; p95="-"; }
  printf '%-42s %9d %12s %12s %12s %13s %13s\n' "$name" $(( $(stat -c %s "$document") / 1024 )) "${ops:-?}" \
    "$preview_s" "$confirm_s" "$p50" "$p95"
done
