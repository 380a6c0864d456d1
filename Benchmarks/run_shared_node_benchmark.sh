#!/usr/bin/env bash
# How a DCAT harvest scales when every dataset links to one big node: a data service listing every dataset it
# serves, a dataset series listing its members (against the same series without the list), a catalogue listing
# every dataset that links back to it, and a publisher with
# as many names as there are datasets. Each catalogue (Benchmarks/generate_shared_nodes.py) is served from
# 127.0.0.1 and harvested by the release `katalog` into a fresh catalogue; prints wall time and peak RSS.
# Usage: Benchmarks/run_shared_node_benchmark.sh [COUNTS]   (default "2000 5000"; KATALOG_BIN=path runs another build,
# SHAPES="series service" only those shapes)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
counts="${1:-2000 5000}"
mkdir -p "$here/data"
. "$here/lib.sh"
katalog_binary "$here/data/build-shared.log"

work="$(mktemp -d)"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
mkdir "$work/www"
python3 -m http.server 0 --bind 127.0.0.1 --directory "$work/www" >"$work/http.log" 2>&1 &
server=$!
port=""
for _ in $(seq 1 100); do
    port=$(sed -n 's#.*Serving HTTP on 127.0.0.1 port \([0-9]*\).*#\1#p' "$work/http.log" | head -1)
    [ -n "$port" ] && break
    sleep 0.1
done
[ -n "$port" ] || { echo "the file server did not start"; cat "$work/http.log"; exit 1; }

for count in $counts; do
    for shape in ${SHAPES:-plain series service catalog names}; do
        python3 "$here/generate_shared_nodes.py" "$shape" "$count" "$work/www/$shape.ttl"
        rm -f "$work"/c.sqlite*
        cat >"$work/sources.yaml" <<YAML
database: $work/c.sqlite
sources:
  - name: $shape
    type: dcat
    url: http://127.0.0.1:$port/$shape.ttl
YAML
        /usr/bin/time -f "%e %M" -o "$work/time.txt" "$katalog" harvest --config "$work/sources.yaml" >"$work/out.txt" 2>"$work/err.txt" || {
            cat "$work/out.txt" "$work/err.txt"; exit 1; }
        read -r wall rss <"$work/time.txt"
        size=$(du -k "$work/c.sqlite" | cut -f1)
        printf '%-8s %6d datasets: %7.2f s, peak RSS %4d MiB, catalogue %6d KiB  (%s)\n' "$shape" "$count" "$wall" \
            $((rss / 1024)) "$size" "$(cat "$work/out.txt" "$work/err.txt" | grep -E "succeeded|failed" | tail -1)"
    done
done
