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
