#!/usr/bin/env bash
# Speed of pedigree extract against binwalk -Me and the decompression floor.
set -euo pipefail
cd "$(dirname "$0")/.."
exec /usr/bin/python3 bench/extract_bench.py "$@"
