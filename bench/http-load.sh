#!/usr/bin/env bash
# HTTP throughput of every public reading page on a Release build, measured with autocannon on loopback, beside a
# static file in the same run (what the machine can serve at all while the run lasts).
# Usage: bench/http-load.sh [seconds-per-url] [connections] [extra paths...]
# Seeds: the network's own content; set BENCH_DATA to reuse a data folder seeded by the search benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
connections=${2:-32}
shift $(( $# > 2 ? 2 : $# )) || true
paths=("/assets/site.css" "/" "/about" "/how-we-work" "/human-rights-cities" "/privacy" "/members" "/members/cities/graz"
    "/directory" "/directory/leading-cities" "/knowledge" "/practices" "/knowledge/five-dimensions-of-the-work-method"
    "/links" "/news" "/answers" "/search?q=human+rights" "/search?q=housing&kind=link" "$@")

[ -d node_modules/autocannon ] || npm ci --no-audit --no-fund --loglevel=error
dotnet publish HrcCommunity.Web -c Release -o artifacts/bench-app --nologo -v quiet

data=${BENCH_DATA:-$(mktemp -d)}
port=5177
ASPNETCORE_ENVIRONMENT=Production Hrc__DataFolder="$data" Hrc__Scheduler__Enabled=false Logging__LogLevel__Default=Warning \
    artifacts/bench-app/HrcCommunity.Web --urls "http://127.0.0.1:$port" &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null' EXIT
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done

printf '%-28s %10s %8s %8s %8s %8s\n' path "req/s" "p50 ms" "p97.5" "p99 ms" "non-2xx"
for path in "${paths[@]}"; do
    # Warm up the page (JIT, caches), then measure.
    npx autocannon -c "$connections" -d 3 "http://127.0.0.1:$port$path" >/dev/null 2>&1
    npx autocannon -c "$connections" -d "$seconds" -j "http://127.0.0.1:$port$path" 2>/dev/null | node -e '
        const r = JSON.parse(require("fs").readFileSync(0, "utf8"));
        const row = [process.argv[1].padEnd(28), r.requests.average.toFixed(0).padStart(10), String(r.latency.p50).padStart(8),
            String(r.latency.p97_5).padStart(8), String(r.latency.p99).padStart(8), String(r.non2xx).padStart(8)];
        console.log(row.join(" "));' "$path"
done
# Every request a different search, so the results cache never answers.
node bench/search-uncached.js "http://127.0.0.1:$port" 3 "$connections" >/dev/null 2>&1 || true
node bench/search-uncached.js "http://127.0.0.1:$port" "$seconds" "$connections"
# The app's memory after all of the above: resident now and at its peak (SQLite's page caches included).
awk '/VmRSS|VmHWM/ { printf "app memory: %s %.0f MB\n", $1, $2 / 1024 }' "/proc/$app/status"
