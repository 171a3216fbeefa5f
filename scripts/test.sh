#!/usr/bin/env bash
# Install, build and run the whole test suite: the warnings-as-errors build
# first, then the same tests under AddressSanitizer + UndefinedBehaviorSanitizer.
# PEDIGREE_SKIP_ASAN=1 runs only the first.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset default >/dev/null
cmake --build --preset default
ctest --preset default -j2

if [ "${PEDIGREE_SKIP_ASAN:-0}" != 1 ]; then
  cmake --preset asan >/dev/null
  cmake --build --preset asan
  # The sanitizer run reuses the samples built above instead of building them again.
  mkdir -p build-asan
  ln -sfn ../build/samples build-asan/samples
  ctest --preset asan -j2 -E build_samples --fixture-exclude-setup sample_images
fi
