#!/usr/bin/env bash
# The hub's CKAN API listing a catalogue: a catalogue of COUNT datasets (harvested from Benchmarks/ckan_portal.py) is
# served by the release `katalog serve` (result cache off), and all of it is listed with `package_search` in pages of
# 1,000 in id order, ROUNDS times as whole package dicts and ROUNDS times with the fields an incremental harvester's
# identifier listing asks for (`fl=id,state,capacity,private`). Prints the wall time of each round.
# Usage: Benchmarks/run_ckan_api_listing_benchmark.sh [COUNT] [ROUNDS]   (defaults 20000, 3)
#   KATALOG_BIN=path runs that binary instead of building this checkout (to compare builds).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
count="${1:-20000}"
rounds="${2:-3}"
data="$here/data"
mkdir -p "$data"
. "$here/lib.sh"
katalog_binary "$data/build-listing.log"

work="$(mktemp -d)"
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT

python3 "$here/ckan_portal.py" "$count" "$work/portal-port" &
pids+=($!)
wait_for_file "$work/portal-port" "the portal"
cat >"$work/sources.yaml" <<YAML
database: $work/listing.sqlite
sources:
  - name: bench
    type: ckan
    url: http://127.0.0.1:$(cat "$work/portal-port")/
    page_size: 1000
YAML
echo "harvesting $count packages into a fresh catalogue"
"$katalog" harvest --config "$work/sources.yaml" 2>&1 | tail -1

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$katalog" serve --db "$work/listing.sqlite" --port "$port" --search-cache-entries 0 >"$work/serve.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 600); do curl -fs -o /dev/null "http://127.0.0.1:$port/health" && break; sleep 0.1; done

pages=$(( (count + 999) / 1000 ))
for label in whole fl; do
    extra=""
    [ "$label" = fl ] && extra="&fl=id,state,capacity,private"
    for round in $(seq 1 "$rounds"); do
        start=$(date +%s.%N)
        bytes=0
        for page in $(seq 0 $((pages - 1))); do
            size=$(curl -fs "http://127.0.0.1:$port/api/3/action/package_search?rows=1000&start=$((page * 1000))&sort=id%20asc&include_private=false$extra" | wc -c)
            bytes=$((bytes + size))
        done
        end=$(date +%s.%N)
        printf '%-6s round %d: %6.2f s for %d pages of 1,000, %d bytes\n' "$label" "$round" "$(echo "$end - $start" | bc)" "$pages" "$bytes"
    done
done
