#!/usr/bin/env bash
# End-to-end DCAT harvest benchmark: a generated DCAT-AP RDF/XML dump served from 127.0.0.1 is harvested
# by the release `katalog harvest` (fetch, parse, spool, map, store, index), then harvested again three times:
# answered 304 Not Modified (conditional GET); re-sent in full with a new Last-Modified but the same bytes
# (the document's digest matches the last applied one); and re-sent with the catalogue's title and one
# dataset's title changed (the bytes differ, so the dump is parsed and mapped again and the per-record
# content hashes keep the 99,999 unchanged datasets from being written). Prints wall time, datasets/s and
# peak RSS for each, and the number of dataset rows each re-harvest wrote.
# Usage: Benchmarks/run_harvest_benchmark.sh [DATASETS]   (default 100000; the dump is cached in Benchmarks/data)
#   KATALOG_BIN=path runs that binary instead of building this checkout.
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
. "$here/lib.sh"
katalog_binary "$data/build-harvest.log"

work="$(mktemp -d)"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
# Python's static file server sends Last-Modified and answers If-Modified-Since with 304.
mkdir "$work/www"
ln -s "$dump" "$work/www/dump.rdf"
python3 -m http.server 0 --bind 127.0.0.1 --directory "$work/www" >"$work/http.log" 2>&1 &
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
    url: http://127.0.0.1:$port/dump.rdf
    max_bytes: 2GiB
    timeout: 10m
YAML

run() {
    local label="$1"
    /usr/bin/time -v "$katalog" harvest --config "$work/sources.yaml" --log-level info >"$work/out.txt" 2>"$work/time.txt" || {
        cat "$work/out.txt" "$work/time.txt"; exit 1; }
    local wall rss
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
    local seconds
    seconds=$(python3 -c "import sys; p=sys.argv[1].split(':'); print(sum(float(x)*60**i for i,x in enumerate(reversed(p))))" "$wall")
    echo "== $label"
    sed 's/^/   /' "$work/out.txt"
    # Datasets found unchanged by their source digest, so not mapped (from the "harvest finished" log line).
    local unmapped
    unmapped=$(sed -n 's/.*harvest\.unchanged_unmapped=\([0-9]*\).*/\1/p' "$work/time.txt" | tail -1)
    [ -n "$unmapped" ] && echo "   datasets not mapped (source digest unchanged): $unmapped"
    python3 -c "import sys; s=float(sys.argv[1]); n=int(sys.argv[2]); print(f'   wall {s:.2f} s, {n/s:,.0f} datasets/s, peak RSS {int(sys.argv[3])/1024:.0f} MiB')" "$seconds" "$count" "$rss"
    # CPU time, and the phases the harvest logs (seconds each; parsing summed over pages), so a change can be
    # placed: on a shared machine the whole run's wall time moves more than most changes do.
    python3 - "$work/time.txt" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
def cpu(name):
    m = re.search(name + r" time \(seconds\): ([0-9.]+)", text)
    return float(m.group(1)) if m else 0.0
phases = [("parse", "page parsed into the spool"), ("index", "spool indexed"),
          ("map and stage", "datasets mapped and staged"), ("apply", "run applied")]
parts = []
for label, message in phases:
    seconds = [float(m) for line in text.splitlines() if line.endswith("] " + message)
               for m in re.findall(r"harvest\.seconds=([0-9.]+)", line)]
    if seconds:
        parts.append(f"{label} {sum(seconds):.2f} s")
print(f"   CPU user {cpu('User'):.2f} s, system {cpu('System'):.2f} s" + ("; phases: " + ", ".join(parts) if parts else ""))
PY
    echo "$seconds" >"$work/seconds-$label"
}

rows_written() {
    # Dataset rows whose change sequence moved since the first run ended.
    sqlite3 "$work/bench.sqlite" "SELECT COUNT(*) FROM datasets WHERE change_seq > $1"
}

echo "dump: $(du -hL "$dump" | cut -f1) ($count datasets), served from http://127.0.0.1:$port/"
run first
seq_after_first=$(sqlite3 "$work/bench.sqlite" "SELECT MAX(change_seq) FROM datasets")
run not-modified
echo "   dataset rows written: $(rows_written "$seq_after_first")"
touch "$dump"   # a new Last-Modified: the server sends the whole dump again, unchanged
run same-content
echo "   dataset rows written: $(rows_written "$seq_after_first")"
# The same dump with the catalogue's title and the first dataset's Danish title changed: a new document.
rm "$work/www/dump.rdf"
python3 - "$dump" "$work/www/dump.rdf" <<'PY'
import sys
source, target = sys.argv[1], sys.argv[2]
edits = [("Exempelportalen – öppna data", "Exempelportalen – öppna data (uppdaterad)"),
         ("vandstand trafik 0</dct:title>", "vandstand trafik 0 (rättad)</dct:title>")]
with open(source, encoding="utf-8") as src, open(target, "w", encoding="utf-8") as out:
    for line in src:
        for i, (old, new) in enumerate(edits):
            if old in line:
                line = line.replace(old, new, 1)
                edits.pop(i)
                break
        out.write(line)
assert not edits, f"edits not applied: {edits}"
PY
seq_before_edit=$(sqlite3 "$work/bench.sqlite" "SELECT MAX(change_seq) FROM datasets")
run one-changed
echo "   dataset rows written: $(rows_written "$seq_before_edit")"
python3 - "$work" <<'PY'
import sys
w = sys.argv[1]
first = float(open(f"{w}/seconds-first").read())
for label in ("not-modified", "same-content", "one-changed"):
    s = float(open(f"{w}/seconds-{label}").read())
    print(f"{label}: {100 * s / first:.1f}% of the first harvest's time")
PY
sqlite3 "$work/bench.sqlite" "SELECT id, status, fetched, added, updated, unchanged, errored FROM runs ORDER BY id" | sed 's/^/runs: /'
sqlite3 "$work/bench.sqlite" "PRAGMA integrity_check" | sed 's/^/integrity: /'
