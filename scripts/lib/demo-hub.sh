# Sourced by the scripts that check a running hub (schemathesis.sh, ckanapi-check.sh). Sourcing it makes a
# temporary directory `work` and installs the EXIT trap that stops the hub and removes `work`; `start_demo_hub`
# harvests the bundled demo sources into "$work/demo.sqlite" and serves it with "$katalog" on a free port on
# 127.0.0.1, setting `server` (its pid) and `port`. Expects `katalog` to be set.
work=$(mktemp -d)
server=""
trap '[ -n "$server" ] && { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }; rm -rf "$work"' EXIT
start_demo_hub() {
    "$katalog" demo --harvest-only --db "$work/demo.sqlite" >/dev/null 2>"$work/demo.log"
    "$katalog" serve --db "$work/demo.sqlite" --host 127.0.0.1 --port 0 --log-level warning >/dev/null 2>"$work/serve.log" &
    server=$!
    port=""
    for _ in $(seq 1 200); do
        port=$(sed -n 's#.*listening on http://127.0.0.1:\([0-9]*\)/.*#\1#p' "$work/serve.log" | head -1)
        [ -n "$port" ] && return 0
        kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; return 1; }
        sleep 0.05
    done
    echo "$(basename "$0"): the hub did not report its port" >&2
    return 1
}
