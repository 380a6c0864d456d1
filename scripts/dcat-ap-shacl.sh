#!/usr/bin/env bash
# Validates `katalog export` against the DCAT-AP 3 SHACL shapes in ../shared/samples/shacl with pyshacl (PyPI):
# harvests the bundled demo sources into a temporary catalogue, exports it as Turtle, and fails on any
# violation except a missing dct:description of a dataset whose source gave none (Katalog invents nothing).
# Usage: scripts/dcat-ap-shacl.sh [path to a built katalog binary]
set -euo pipefail
cd "$(dirname "$0")/.."
katalog="${1:-.build/debug/katalog}"
shapes=../shared/samples/shacl/dcat-ap_3_shacl_shapes.ttl
if [ ! -f "$shapes" ]; then
    echo "dcat-ap-shacl.sh: $shapes is absent; the DCAT-AP 3 validation of the export is skipped"
    exit 0
fi
if ! python3 -c "import pyshacl, rdflib" 2>/dev/null; then
    python3 -m pip install -q "pyshacl==0.40.1"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$katalog" demo --harvest-only --db "$work/demo.sqlite" >/dev/null 2>"$work/demo.log"
"$katalog" export --db "$work/demo.sqlite" --format turtle --base-url "http://127.0.0.1:8080/" >"$work/export.ttl"
python3 scripts/check_dcat_ap_shacl.py "$work/export.ttl" "$shapes"
