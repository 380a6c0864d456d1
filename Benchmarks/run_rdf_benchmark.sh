#!/usr/bin/env bash
# RDF/XML parse benchmark: Katalog's RDFXMLParser (release build) against rapper, on the same file.
# Usage: Benchmarks/run_rdf_benchmark.sh [DATASETS]   (generates Benchmarks/data/dcat-DATASETS.rdf once)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
count="${1:-75000}"
data="$here/data/dcat-$count.rdf"
mkdir -p "$here/data"
if [ ! -s "$data" ]; then
    echo "generating $data ($count datasets)"
    python3 "$here/generate_dcat_rdfxml.py" "$data.tmp" "$count"
    mv "$data.tmp" "$data"
fi
echo "building katalog-bench (release)"
if ! swift build -c release --package-path "$here" --product katalog-bench >"$here/data/build.log" 2>&1; then
    cat "$here/data/build.log"
    exit 1
fi
bench="$(swift build -c release --package-path "$here" --show-bin-path)/katalog-bench"

echo
echo "== Katalog RDFXMLParser"
"$bench" rdfxml "$data"

echo
echo "== rapper -i rdfxml -c"
if command -v rapper >/dev/null; then
    /usr/bin/time -v rapper -i rdfxml -c "$data" 2>&1 \
        | grep -E "rapper: Parsing returned|Elapsed \(wall clock\)|Maximum resident set size" | sed 's/^\s*//'
else
    echo "rapper not installed (apt-get install raptor2-utils)"
fi
