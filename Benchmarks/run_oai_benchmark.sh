#!/usr/bin/env bash
# Incremental OAI-PMH benchmark: a generated repository of COUNT ISO 19139 records (Benchmarks/oai_repository.py) on
# 127.0.0.1 is harvested by the release `katalog harvest`:
#   first      the first run, which lists everything;
#   nothing    the next run, which asks for the records changed since the first began: none;
#   changes    after CHANGED records are revised and DELETED marked deleted: the records changed since;
#   full       after the same again, a run with `incremental: false`, which lists and reads every record.
# Prints wall time, peak RSS and the run's summary line for each.
# Usage: Benchmarks/run_oai_benchmark.sh [COUNT] [CHANGED] [DELETED]   (defaults 20000 200 20)
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
katalog_binary "$data/build-oai.log"

work="$(mktemp -d)"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
python3 "$here/oai_repository.py" "$count" "$work/port" &
server=$!
wait_for_file "$work/port" "the OAI-PMH repository"
port="$(cat "$work/port")"

config() {
    cat >"$work/sources.yaml" <<YAML
database: $work/bench.sqlite
sources:
  - name: bench
    type: oai-pmh
    url: http://127.0.0.1:$port/oai
    incremental: $1
YAML
}

run() {
    timed_harvest "$work"
    printf '%-8s wall %8.2f s  peak RSS %4d MiB  %s\n' "$1" "$seconds" "$rss_mib" "$summary"
}
touch_repository() {
    curl -fsS "http://127.0.0.1:$port/touch?count=$changed&delete=$deleted" >/dev/null
    # The repository's clock is read to the second: a change in the same second as the next run's start is still
    # at or after its `from`, but keep the runs apart for a clean reading.
    sleep 1
}

echo "harvesting $count ISO 19139 records over OAI-PMH from 127.0.0.1:$port ($changed revised and $deleted deleted between runs)"
config true
run first
sleep 1
run nothing
touch_repository
run changes
touch_repository
config false
run full
