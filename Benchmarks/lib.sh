# Sourced by the benchmark scripts, not run: the release builds they measure.

# release_binary PACKAGE PRODUCT LOG: builds PRODUCT of the Swift package at PACKAGE in release, its output in LOG
# (shown, and the script ended, when the build fails), and sets `built` to the binary's path.
release_binary() {
    local package="$1" product="$2" log="$3"
    echo "building $product (release)"
    if ! swift build -c release --package-path "$package" --product "$product" >"$log" 2>&1; then
        cat "$log"
        exit 1
    fi
    built="$(swift build -c release --package-path "$package" --show-bin-path)/$product"
}

# katalog_binary LOG: sets `katalog` to $KATALOG_BIN when that is set (another build, to compare), else to this
# checkout's release `katalog`, built first (its output in LOG). Needs `root`, the checkout.
katalog_binary() {
    if [ -n "${KATALOG_BIN:-}" ]; then
        katalog="$KATALOG_BIN"
    else
        release_binary "$root" katalog "$1"
        katalog="$built"
    fi
}

# wait_for_file FILE WHAT: waits up to a minute for FILE to hold something (a server writes its port there once it
# listens); ends the script with "WHAT did not start" otherwise.
wait_for_file() {
    for _ in $(seq 1 600); do
        [ -s "$1" ] && return 0
        sleep 0.1
    done
    echo "$2 did not start"
    exit 1
}

# timed_harvest WORK [ARGS…]: runs `$katalog harvest --config WORK/sources.yaml ARGS…` under `/usr/bin/time -v` (output in
# WORK/out.txt and WORK/time.txt, shown, and the script ended, when the harvest fails) and sets `seconds` (wall
# time), `rss_mib` (peak RSS) and `summary` (the first source's summary line, which starts with its name `bench:`).
timed_harvest() {
    local work="$1" wall rss
    shift
    /usr/bin/time -v "$katalog" harvest --config "$work/sources.yaml" --log-level info "$@" >"$work/out.txt" 2>"$work/time.txt" || {
        cat "$work/out.txt" "$work/time.txt"; exit 1; }
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
    seconds=$(echo "$wall" | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
    rss_mib=$((rss / 1024))
    summary="$(cat "$work/out.txt" "$work/time.txt" | grep -h -m1 '^bench:' || true)"
}

# wait_for_hub LOG PID: waits up to a minute for the `katalog serve` of PID to write the address it listens on to
# LOG, and sets `port`; ends the script, showing LOG, when the server exits or does not report a port.
wait_for_hub() {
    port=""
    for _ in $(seq 1 600); do
        port="$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$1" | head -n 1)"
        [ -n "$port" ] && return 0
        if ! kill -0 "$2" 2>/dev/null; then
            echo "katalog serve exited:"; cat "$1"; exit 1
        fi
        sleep 0.1
    done
    echo "katalog serve did not report its port within 60 s:"; cat "$1"; exit 1
}
