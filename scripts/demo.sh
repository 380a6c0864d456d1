#!/usr/bin/env bash
# Builds Katalog and runs `katalog demo`: harvests the bundled fixture portals through the real
# HTTP pipeline into a fresh catalogue, then serves the hub on 127.0.0.1 (default port 8080).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-system-packages.sh
swift build --product katalog
exec .build/debug/katalog demo "$@"
