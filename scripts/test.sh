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
