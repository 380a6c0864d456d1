#!/usr/bin/env bash
# CSW harvest benchmark: a generated CSW service of COUNT ISO 19139 records (Benchmarks/csw_service.py) on 127.0.0.1
# is harvested by the release `katalog harvest` (GetRecords pages of 100, XML tree, ISO 19139 mapping, store, index):
#   first      the first run, which lists everything;
#   unchanged  `katalog harvest --full`: every page fetched and read again, every record recognised by its XML's
#              digest, nothing mapped or written;
#   nothing    an incremental run (the Modified probe, records modified since the day before, brief listing): none;
#   changes    after CHANGED records are revised and DELETED removed: the records modified since, and the listing;
#   full       after the same again, a run with `incremental: false`, which lists and reads every record.
# Prints wall time, records/s (of COUNT), peak RSS and the run's summary line for each.
# Usage: Benchmarks/run_csw_benchmark.sh [COUNT] [CHANGED] [DELETED]   (defaults 20000 200 20)
#   KATALOG_BIN=path runs that binary instead of building this checkout.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
count="${1:-20000}"
changed="${2:-200}"
deleted="${3:-20}"
data="$here/data"
mkdir -p "$data"
. "$here/lib.sh"
katalog_binary "$data/build-csw.log"

work="$(mktemp -d)"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
python3 "$here/csw_service.py" "$count" "$work/port" &
server=$!
wait_for_file "$work/port" "the CSW service"
port="$(cat "$work/port")"

config() {
    cat >"$work/sources.yaml" <<YAML
database: $work/bench.sqlite
sources:
  - name: bench
    type: csw
    url: http://127.0.0.1:$port/csw
    page_size: 100
    incremental: $1
YAML
}

run() {
    local name="$1"
    shift
    timed_harvest "$work" "$@"
    printf '%-10s wall %8.2f s  %8.0f records/s  peak RSS %4d MiB  %s\n' "$name" "$seconds" \
        "$(echo "$count $seconds" | awk '{ print $1 / $2 }')" "$rss_mib" "$summary"
}
touch_service() {
    curl -fsS "http://127.0.0.1:$port/touch?count=$changed&delete=$deleted" >/dev/null
}

echo "harvesting $count ISO 19139 records over CSW from 127.0.0.1:$port ($changed revised and $deleted removed between runs)"
config true
run first
run unchanged --full
run nothing
touch_service
run changes
touch_service
config false
run full
