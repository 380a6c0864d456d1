#!/usr/bin/env bash
# Makes sure the C libraries Katalog links against are installed (Debian/Ubuntu).
# As root, missing packages are installed with apt-get; otherwise we say exactly what to run.
set -euo pipefail

packages=(libxml2-dev libcurl4-openssl-dev libsqlite3-dev zlib1g-dev)
missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
    echo "katalog: missing system libraries: ${missing[*]} (install libxml2, libcurl, sqlite3 and zlib development files with your package manager)" >&2
    exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "katalog: missing system packages: ${missing[*]}" >&2
    echo "katalog: install them with: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi
echo "katalog: installing ${missing[*]} with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
