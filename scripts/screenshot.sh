#!/usr/bin/env bash
# Takes docs/screenshot.png: the hub's search page with results and facets, in headless Chromium.
# Builds katalog (debug), harvests the bundled fixture portals into a temporary catalogue
# (`katalog demo --harvest-only`), serves it on a free 127.0.0.1 port, and screenshots a Swedish query.
# Usage: scripts/screenshot.sh [QUERY]        (default query: badplatser, whose hits include one a second source also carries)
#   KATALOG_BUILD=release uses a release build instead of the default debug one.
set -euo pipefail
cd "$(dirname "$0")/.."
query="${1:-badplatser}"
out="docs/screenshot.png"

if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "screenshot: installing chromium with apt-get" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq chromium >/dev/null
    else
        echo "screenshot: chromium is not installed; install it with: sudo apt-get install -y chromium" >&2
        exit 1
    fi
fi

scripts/ensure-system-packages.sh
configuration="${KATALOG_BUILD:-debug}"
swift build -c "$configuration" --product katalog
katalog="$(swift build -c "$configuration" --show-bin-path)/katalog"

work="$(mktemp -d)"
server=""
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

"$katalog" demo --harvest-only --db "$work/katalog.sqlite" --port 0
"$katalog" serve --db "$work/katalog.sqlite" --host 127.0.0.1 --port 0 >"$work/serve.log" 2>&1 &
server=$!
port=""
for _ in $(seq 1 300); do
    port="$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$work/serve.log" | head -n 1)"
    [ -n "$port" ] && break
    if ! kill -0 "$server" 2>/dev/null; then echo "katalog serve exited:" >&2; cat "$work/serve.log" >&2; exit 1; fi
    sleep 0.1
done
if [ -z "$port" ]; then echo "katalog serve did not report its port within 30 s" >&2; cat "$work/serve.log" >&2; exit 1; fi

encoded="$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$query")"
url="http://127.0.0.1:$port/?q=$encoded&lang=sv"
mkdir -p docs
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/chromium" \
    --screenshot="$out" --window-size=1280,1600 "$url" 2>"$work/chromium.log" || {
    cat "$work/chromium.log" >&2
    exit 1
}
[ -s "$out" ] || { echo "screenshot: chromium wrote no $out" >&2; cat "$work/chromium.log" >&2; exit 1; }
echo "screenshot: $out ($url)"
