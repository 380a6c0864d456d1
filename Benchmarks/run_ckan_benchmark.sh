#!/usr/bin/env bash
# End-to-end CKAN harvest benchmark: a generated CKAN portal (Benchmarks/ckan_portal.py: the fixture packages
# copied over with new ids) on 127.0.0.1 is harvested by the release `katalog harvest` through `package_search`
# (fetch, decode, map, store, index), then harvested again unchanged, then again with some packages changed (both
# incremental runs: the packages modified since the first run's newest stamp, and every id), then once more as a
# full listing (`incremental: false`), which is what every re-harvest cost before incremental runs.
# Prints wall time, datasets/s, CPU time and peak RSS for each, and the dataset rows each re-harvest wrote.
# Usage: Benchmarks/run_ckan_benchmark.sh [PACKAGES] [PAGE_SIZE] [CHANGED]   (defaults 20000, 1000, 100)
#   KATALOG_BIN=path runs that binary instead of building this checkout.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
count="${1:-20000}"
rows="${2:-1000}"
changed="${3:-100}"
data="$here/data"
mkdir -p "$data"
. "$here/lib.sh"
katalog_binary "$data/build-ckan.log"

work="$(mktemp -d)"
portal=""
stop_portal() { if [ -n "$portal" ]; then kill "$portal" 2>/dev/null || true; wait "$portal" 2>/dev/null || true; portal=""; fi; }
trap 'stop_portal; rm -rf "$work"' EXIT

start_portal() {
    rm -f "$work/port"
    python3 "$here/ckan_portal.py" "$count" "$work/port" "$@" &
    portal=$!
    for _ in $(seq 1 600); do
        [ -s "$work/port" ] && break
        kill -0 "$portal" 2>/dev/null || { echo "the portal exited"; exit 1; }
        sleep 0.1
    done
    [ -s "$work/port" ] || { echo "the portal did not start within 60 s"; exit 1; }
    port="$(cat "$work/port")"
    cat >"$work/sources.yaml" <<YAML
database: $work/bench.sqlite
sources:
  - name: bench
    type: ckan
    url: http://127.0.0.1:$port/
    page_size: $rows
    timeout: 10m
    incremental: ${incremental:-true}
YAML
    # Warm the portal's page cache, so the first harvest does not wait for Python to encode pages.
    for start in $(seq 0 "$rows" $((count - 1))); do
        curl -s -o /dev/null "http://127.0.0.1:$port/api/3/action/package_search?rows=$rows&start=$start&sort=id%20asc&include_private=false"
    done
}

run() {
    local label="$1"
    /usr/bin/time -v "$katalog" harvest --config "$work/sources.yaml" --log-level info >"$work/out.txt" 2>"$work/time.txt" || {
        cat "$work/out.txt" "$work/time.txt"; exit 1; }
    echo "== $label"
    sed 's/^/   /' "$work/out.txt"
    python3 - "$work/time.txt" "$count" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
count = int(sys.argv[2])
def field(name):
    m = re.search(re.escape(name) + r": ([0-9.:]+)", text)
    return m.group(1) if m else "0"
wall = sum(float(x) * 60 ** i for i, x in enumerate(reversed(field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":"))))
rss = int(field("Maximum resident set size (kbytes)")) / 1024
print(f"   wall {wall:.2f} s, {count / wall:,.0f} datasets/s, peak RSS {rss:.0f} MiB; "
      f"CPU user {float(field('User time (seconds)')):.2f} s, system {float(field('System time (seconds)')):.2f} s")
PY
}

rows_written() {
    sqlite3 "$work/bench.sqlite" "SELECT COUNT(*) FROM datasets WHERE change_seq > $1"
}

echo "portal: $count packages, pages of $rows"
start_portal
run "first harvest"
mark="$(sqlite3 "$work/bench.sqlite" "SELECT change_seq FROM store_state")"
run "unchanged re-harvest"
echo "   dataset rows written: $(rows_written "$mark")"
stop_portal
start_portal --changed "$changed" --port "$port"
mark="$(sqlite3 "$work/bench.sqlite" "SELECT change_seq FROM store_state")"
run "re-harvest with $changed packages changed"
echo "   dataset rows written: $(rows_written "$mark")"
mark="$(sqlite3 "$work/bench.sqlite" "SELECT change_seq FROM store_state")"
stop_portal
incremental=false start_portal --changed "$changed" --port "$port"
run "full re-listing (incremental: false)"
echo "   dataset rows written: $(rows_written "$mark")"
echo "   runs: $(sqlite3 "$work/bench.sqlite" "SELECT group_concat(id || ':' || COALESCE(changes_since, 'full'), ' ') FROM runs")"
echo "   integrity: $(sqlite3 "$work/bench.sqlite" "PRAGMA integrity_check")"
