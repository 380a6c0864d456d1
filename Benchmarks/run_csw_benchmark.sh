#!/usr/bin/env bash
# CSW harvest benchmark: a generated CSW service of COUNT ISO 19139 records (Benchmarks/csw_service.py) on 127.0.0.1
# is harvested by the release `katalog harvest` (GetRecords pages of 100, XML tree, ISO 19139 mapping, store,
# index), then harvested again unchanged (every page fetched and read again, every record recognised by its XML's
# digest, nothing mapped or written). Prints wall time, records/s and peak RSS for each.
# Usage: Benchmarks/run_csw_benchmark.sh [COUNT]   (default 20000)
#   KATALOG_BIN=path runs that binary instead of building this checkout.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
count="${1:-20000}"
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

cat >"$work/sources.yaml" <<YAML
database: $work/bench.sqlite
sources:
  - name: bench
    type: csw
    url: http://127.0.0.1:$port/csw
    page_size: 100
YAML

run() {
    timed_harvest "$work"
    printf '%-10s wall %8.2f s  %8.0f records/s  peak RSS %4d MiB  %s\n' "$1" "$seconds" \
        "$(echo "$count $seconds" | awk '{ print $1 / $2 }')" "$rss_mib" "$summary"
}
echo "harvesting $count ISO 19139 records over CSW from 127.0.0.1:$port"
run first
run unchanged
