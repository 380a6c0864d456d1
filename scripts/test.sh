#!/usr/bin/env bash
# Runs every test: unit, integration, the W3C RDF conformance suites (read from ../shared when it is
# present) and the CLI end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-system-packages.sh
if [ -d ../shared/conformance ]; then
    echo "test.sh: conformance suites found in ../shared"
else
    echo "test.sh: ../shared is absent; the conformance and shared-sample tests will report themselves skipped"
fi
swift build --build-tests
swift test --skip-build
# The HTTP API against its own OpenAPI document (schemathesis from PyPI), when Python is available.
if command -v python3 >/dev/null 2>&1; then
    scripts/schemathesis.sh .build/debug/katalog
    # The DCAT-AP export against the DCAT-AP 3 SHACL shapes of ../shared (pyshacl from PyPI).
    scripts/dcat-ap-shacl.sh .build/debug/katalog
    # The CKAN-compatible API through ckanapi, the CKAN project's own client (PyPI).
    scripts/ckanapi-check.sh .build/debug/katalog
else
    echo "test.sh: python3 is absent; the schemathesis check of /openapi.json, the SHACL check of the export and the ckanapi check of the CKAN API are skipped"
fi
