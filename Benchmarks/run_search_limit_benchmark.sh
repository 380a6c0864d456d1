#!/usr/bin/env bash
# The search hub while a few clients send searches that rank most of the catalogue.
#
# Usage: Benchmarks/run_search_limit_benchmark.sh [LIMIT_MS…]   (default: 0 500 1000 2000)
#   For each search time limit (`katalog serve --search-time-limit-ms`; 0 = none), starts `katalog serve` on the
#   catalogue of Benchmarks/run_hub_benchmark.sh (Benchmarks/data/hub-1000000.sqlite, which that script generates),
#   warms it with the issue-6 query mix for 5 s, then runs for 20 s, at once:
#   - the issue-6 mix, wrk -t2 -c16 (Benchmarks/hub_queries.lua with Benchmarks/hub-queries.txt), and
#   - HOSTILE (default 4) connections each sending 32 two-letter prefixes ORed (`st* OR sk* OR … OR ja*`), a new
#     `limit` each time so the result cache never answers them,
#   and prints the mix's requests/s, p50 and p99, and how many hostile searches ended and how (status counts).
#   HOSTILE=0 runs the mix alone. KATALOG_BIN measures another build; SERVE_ARGS adds options to `katalog serve`
#   (e.g. SERVE_ARGS='--long-search-ms 0' lets every search run at once, as before long searches took turns).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
source "$here/lib.sh"
data="$here/data"
db="$data/hub-1000000.sqlite"
hostile="${HOSTILE:-4}"
limits=("$@")
[ ${#limits[@]} -gt 0 ] || limits=(0 500 1000 2000)

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
[ -s "$db" ] || { echo "$db is missing: run Benchmarks/run_hub_benchmark.sh first"; exit 1; }
katalog_binary "$data/build-katalog.log"

prefixes="st* OR sk* OR ma* OR mi* OR da* OR ko* OR re* OR tr* OR be* OR fo* OR sa* OR la* OR ve* OR ar* OR pa* OR ka*"
prefixes="$prefixes OR ba* OR bi* OR bo* OR br* OR de* OR di* OR en* OR er* OR fa* OR fi* OR ga* OR ha* OR he* OR hu*"
prefixes="$prefixes OR in* OR ja*"
encoded="$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$prefixes")"
lua="$data/hostile_search.lua"
cat >"$lua" <<LUA
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/api/v1/search?q=$encoded&limit=" .. (counter % 100 + 1))
end
LUA

log="$data/search-limit-serve.log"
for limit in "${limits[@]}"; do
    "$katalog" serve --db "$db" --host 127.0.0.1 --port 0 --search-time-limit-ms "$limit" --slow-request-ms 0 --log-level warning ${SERVE_ARGS:-} >"$log" 2>&1 &
    server=$!
    trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
    wait_for_hub "$log" "$server"
    url="http://127.0.0.1:$port"
    wrk -t2 -c16 -d5s --timeout 30s -s "$here/hub_queries.lua" "$url" "$here/hub-queries.txt" >/dev/null
    if [ "$hostile" -gt 0 ]; then
        wrk -t1 -c"$hostile" -d25s --timeout 60s --latency -s "$lua" "$url" >"$data/hostile-wrk.txt" 2>&1 &
        attacker=$!
    fi
    mix="$(wrk -t2 -c16 -d20s --timeout 30s --latency -s "$here/hub_queries.lua" "$url" "$here/hub-queries.txt")"
    line="limit ${limit} ms, hostile connections ${hostile} | mix: $(echo "$mix" | awk '/Requests\/sec/ {print $2}') req/s,"
    line="$line p50 $(echo "$mix" | awk '$1=="50%" {print $2}'), p99 $(echo "$mix" | awk '$1=="99%" {print $2}')"
    line="$line, non-2xx $(echo "$mix" | sed -n 's/.*Non-2xx or 3xx responses: \([0-9]*\).*/\1/p')"
    if [ "$hostile" -gt 0 ]; then
        wait "$attacker"
        ended="$(awk '/requests in/ {print $1}' "$data/hostile-wrk.txt")"
        refused="$(sed -n 's/.*Non-2xx or 3xx responses: \([0-9]*\).*/\1/p' "$data/hostile-wrk.txt")"
        line="$line | hostile searches: ${ended} ended, ${refused:-0} of them stopped (503), p50 $(awk '$1=="50%" {print $2}' "$data/hostile-wrk.txt")"
    fi
    echo "$line   (load $(cut -d' ' -f1 /proc/loadavg))"
    # What the hub counted: searches stopped at the limit, and long searches by outcome (when they take turns).
    curl -s "$url/metrics" | awk '/^katalog_searches_stopped_total|^katalog_long_searches_total/ {printf "  %s %s", $1, $2} END {print ""}'
    kill "$server"
    wait "$server" 2>/dev/null || true
    trap - EXIT
done
