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
source scripts/lib/demo-hub.sh
start_demo_hub
python3 scripts/check_ckanapi.py "http://127.0.0.1:$port"
