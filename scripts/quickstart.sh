#!/usr/bin/env bash
# Install, build, build the bundled sample firmware, and scan it:
# prints the summary and writes the JSON report to build/sample-report.json.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset default >/dev/null
cmake --build --preset default
samples/build.sh build/samples
image=build/samples/mips-sysupgrade/image.bin
./build/pedigree scan "$image" -o text -o json=build/sample-report.json
echo "JSON report: build/sample-report.json"
