#!/usr/bin/env bash
# Checks the hub's CKAN-compatible API with ckanapi (PyPI), the CKAN project's own client: harvests the bundled
# demo sources into a temporary catalogue, serves it on a free port on 127.0.0.1, and runs
# scripts/check_ckanapi.py against it, with POST calls (ckanapi's default) and with GET calls.
# Usage: scripts/ckanapi-check.sh [path to a built katalog binary]
set -euo pipefail
cd "$(dirname "$0")/.."
katalog="${1:-.build/debug/katalog}"
if ! python3 -c "import ckanapi" 2>/dev/null; then
    python3 -m pip install -q "ckanapi==4.11"
fi
work=$(mktemp -d)
server=""
trap '[ -n "$server" ] && { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }; rm -rf "$work"' EXIT
"$katalog" demo --harvest-only --db "$work/demo.sqlite" >/dev/null 2>"$work/demo.log"
"$katalog" serve --db "$work/demo.sqlite" --host 127.0.0.1 --port 0 --log-level warning >/dev/null 2>"$work/serve.log" &
server=$!
port=""
for _ in $(seq 1 200); do
    port=$(sed -n 's#.*listening on http://127.0.0.1:\([0-9]*\)/.*#\1#p' "$work/serve.log" | head -1)
    [ -n "$port" ] && break
    kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
    sleep 0.05
done
[ -n "$port" ] || { echo "ckanapi-check.sh: the hub did not report its port" >&2; exit 1; }
python3 scripts/check_ckanapi.py "http://127.0.0.1:$port"
