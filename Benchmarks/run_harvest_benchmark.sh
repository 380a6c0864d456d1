#!/usr/bin/env bash
# End-to-end DCAT harvest benchmark: a generated DCAT-AP RDF/XML dump served from 127.0.0.1 is harvested
# by the release `katalog harvest` (fetch, parse, spool, map, store, index), then harvested again twice:
# once answered 304 Not Modified (conditional GET), once re-sent in full with new validators but the
# same content (the per-record hash path). Prints wall time, datasets/s and peak RSS for each, and the
# number of dataset rows the re-harvests wrote.
# Usage: Benchmarks/run_harvest_benchmark.sh [DATASETS]   (default 100000; the dump is cached in Benchmarks/data)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
count="${1:-100000}"
data="$here/data"
dump="$data/dcat-$count.rdf"
mkdir -p "$data"
if [ ! -s "$dump" ]; then
    echo "generating $dump ($count datasets)"
    python3 "$here/generate_dcat_rdfxml.py" "$dump.tmp" "$count"
    mv "$dump.tmp" "$dump"
fi
echo "building katalog (release)"
if ! swift build -c release --package-path "$root" --product katalog >"$data/build-harvest.log" 2>&1; then
    cat "$data/build-harvest.log"
    exit 1
fi
katalog="$(swift build -c release --package-path "$root" --show-bin-path)/katalog"

work="$(mktemp -d)"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
# Python's static file server sends Last-Modified and answers If-Modified-Since with 304.
python3 -m http.server 0 --bind 127.0.0.1 --directory "$data" >"$work/http.log" 2>&1 &
server=$!
port=""
for _ in $(seq 1 100); do
    port=$(sed -n 's#.*Serving HTTP on 127.0.0.1 port \([0-9]*\).*#\1#p' "$work/http.log" | head -1)
    [ -n "$port" ] && break
    sleep 0.1
done
[ -n "$port" ] || { echo "the file server did not start"; cat "$work/http.log"; exit 1; }

cat >"$work/sources.yaml" <<YAML
database: $work/bench.sqlite
sources:
  - name: bench
    type: dcat
    url: http://127.0.0.1:$port/$(basename "$dump")
    max_bytes: 2GiB
    timeout: 10m
YAML

run() {
    local label="$1"
    /usr/bin/time -v "$katalog" harvest --config "$work/sources.yaml" --log-level warning >"$work/out.txt" 2>"$work/time.txt" || {
        cat "$work/out.txt" "$work/time.txt"; exit 1; }
    local wall rss
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
    local seconds
    seconds=$(python3 -c "import sys; p=sys.argv[1].split(':'); print(sum(float(x)*60**i for i,x in enumerate(reversed(p))))" "$wall")
    echo "== $label"
    sed 's/^/   /' "$work/out.txt"
    python3 -c "import sys; s=float(sys.argv[1]); n=int(sys.argv[2]); print(f'   wall {s:.2f} s, {n/s:,.0f} datasets/s, peak RSS {int(sys.argv[3])/1024:.0f} MiB')" "$seconds" "$count" "$rss"
    echo "$seconds" >"$work/seconds-$label"
}

rows_written() {
    # Dataset rows whose change sequence moved since the first run ended.
    sqlite3 "$work/bench.sqlite" "SELECT COUNT(*) FROM datasets WHERE change_seq > $1"
}

echo "dump: $(du -h "$dump" | cut -f1) ($count datasets), served from http://127.0.0.1:$port/"
run first
seq_after_first=$(sqlite3 "$work/bench.sqlite" "SELECT MAX(change_seq) FROM datasets")
run not-modified
echo "   dataset rows written: $(rows_written "$seq_after_first")"
touch "$dump"   # a new Last-Modified: the server sends the whole dump again, unchanged
run same-content
echo "   dataset rows written: $(rows_written "$seq_after_first")"
python3 - "$work" <<'PY'
import sys
w = sys.argv[1]
first = float(open(f"{w}/seconds-first").read())
for label in ("not-modified", "same-content"):
    s = float(open(f"{w}/seconds-{label}").read())
    print(f"{label}: {100 * s / first:.1f}% of the first harvest's time")
PY
sqlite3 "$work/bench.sqlite" "SELECT id, status, fetched, added, updated, unchanged, errored FROM runs ORDER BY id" | sed 's/^/runs: /'
sqlite3 "$work/bench.sqlite" "PRAGMA integrity_check" | sed 's/^/integrity: /'
