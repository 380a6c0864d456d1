#!/usr/bin/env bash
# Search-hub benchmark: a generated catalogue (1,000,000 datasets by default) served by `katalog serve`,
# measured with wrk over 127.0.0.1, beside in-process timings of the same queries (library and bare FTS5).
# Usage: Benchmarks/run_hub_benchmark.sh [DATASETS] [DURATION]
#   The catalogue is generated once into Benchmarks/data/hub-DATASETS.sqlite (git-ignored) and reused.
#   KATALOG_LOG_LEVEL (default: info, the shipped default, which writes one access-log line per request)
#   sets the server's log level; its log goes to Benchmarks/data/hub-serve.log.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
count="${1:-1000000}"
duration="${2:-20s}"
data="$here/data"
db="$data/hub-$count.sqlite"
queries="$here/hub-queries.txt"
script="$here/hub_queries.lua"
mkdir -p "$data"
source "$here/lib.sh"

if ! command -v wrk >/dev/null; then
    echo "wrk is not installed (apt-get install wrk)"
    exit 1
fi

echo "building katalog and katalog-bench (release)"
if ! swift build -c release --package-path "$root" --product katalog >"$data/build-katalog.log" 2>&1; then
    cat "$data/build-katalog.log"
    exit 1
fi
katalog="$(swift build -c release --package-path "$root" --show-bin-path)/katalog"
if ! swift build -c release --package-path "$here" --product katalog-bench >"$data/build-bench.log" 2>&1; then
    cat "$data/build-bench.log"
    exit 1
fi
bench="$(swift build -c release --package-path "$here" --show-bin-path)/katalog-bench"

if [ ! -s "$db" ]; then
    echo "generating $db ($count datasets)"
    rm -f "$db.partial" "$db.partial-wal" "$db.partial-shm"
    "$bench" make-catalogue --db "$db.partial" --count "$count" --seed 1
    mv "$db.partial" "$db"
fi
if [ ! -s "$queries" ]; then
    "$bench" make-queries --out "$queries" --count 200 --seed 1
fi

log="$data/hub-serve.log"
for cache in 512 0; do
echo
echo "######## katalog serve --search-cache-entries $cache"
KATALOG_LOG_LEVEL="${KATALOG_LOG_LEVEL:-info}" "$katalog" serve --db "$db" --host 127.0.0.1 --port 0 \
    --search-cache-entries "$cache" >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
wait_for_hub "$log" "$server"
url="http://127.0.0.1:$port"
echo "server: $url (pid $server, log level ${KATALOG_LOG_LEVEL:-info})"

echo
echo "== machine"
echo "cores: $(nproc), memory: $(free -g | awk '/^Mem:/ {print $2}') GiB, $(uname -sr)"
echo "catalogue: $db ($(du -h "$db" | cut -f1)), queries: $(wc -l <"$queries") in $queries"

echo
# The in-memory facet terms are read in the background at start-up; wait for the log line that says so.
for _ in $(seq 1 1200); do
    grep -q "facet terms refreshed" "$log" && break
    sleep 0.1
done
echo "== warm-up (wrk -t2 -c16 -d5s, discarded)"
wrk -t2 -c16 -d5s --timeout 30s -s "$script" "$url" "$queries" >/dev/null

echo
echo "== wrk -t2 -c16 -d$duration --timeout 30s --latency   (load before: $(cut -d' ' -f1-3 /proc/loadavg))"
wrk -t2 -c16 -d"$duration" --timeout 30s --latency -s "$script" "$url" "$queries"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

kill "$server"
wait "$server" 2>/dev/null || true
trap - EXIT
done

echo
echo "== in-process timing of the same queries (server stopped)"
"$bench" search-timing --db "$db" --queries "$queries" --rounds 1 --variants library,fts-top20
