#!/usr/bin/env bash
# Installs the schema validators the SBOM tests use (package.json and
# package-lock.json beside this script, pinned) into DEST/node_modules, from
# the npm registry, only when DEST does not already hold that exact set.
#   install.sh DEST
set -euo pipefail
src="$(cd "$(dirname "$0")" && pwd)"
dest="$1"
mkdir -p "$dest"
if cmp -s "$src/package-lock.json" "$dest/package-lock.json" &&
  [ -f "$dest/node_modules/@cyclonedx/cyclonedx-library/package.json" ]; then
  exit 0
fi
cp "$src/package.json" "$src/package-lock.json" "$dest/"
npm ci --prefix "$dest" --no-audit --no-fund --ignore-scripts --loglevel=error
