#!/usr/bin/env bash
# Speed of the component rules, measured two ways on each sample image:
#  1. the rule pass alone over an extracted tree: our scanner (tests/tools/rules_tool,
#     two threads) against the yara command line running the same compiled rules
#     (saved with yr_rules_save) with two threads, not following symbolic links
#     (the walker does not either);
#  2. the whole `pedigree scan` (unpack + rules) against `pedigree extract` alone.
# Prints the best of RUNS runs (default 3) of each, in seconds.
# Usage: bench/rules_bench.sh [BUILD_DIR] [SAMPLE...]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shift || true
samples=("$@")
[ ${#samples[@]} -gt 0 ] || samples=(mips-sysupgrade arm-nand trx kernel-initramfs)
runs=${RUNS:-3}
command -v yara >/dev/null || { echo "yara not installed (scripts/install-deps.sh)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# best_of CMD...: the shortest wall time of $runs runs.
best_of() {
  local best="" t0 t1 t
  for _ in $(seq "$runs"); do
    t0=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    t1=$(date +%s.%N)
    t=$(echo "$t1 - $t0" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
  done
  printf '%.3f' "$best"
}

"$build/tests/rules_tool" save "$work/compiled.yarc"
printf '%-18s %8s %8s %8s %10s %8s %8s %8s\n' sample files yara ours yara/ours extract scan scan/extr
for s in "${samples[@]}"; do
  image=$(ls "$build/samples/$s"/image.* 2>/dev/null | head -1)
  [ -n "$image" ] || { echo "no image for $s" >&2; continue; }
  rm -rf "$work/tree"
  "$build/pedigree" extract "$image" -C "$work/tree" --quiet >/dev/null 2>&1 || true
  files=$(find "$work/tree" -type f | wc -l)
  t_yara=$(best_of yara -C -r -N -p 2 "$work/compiled.yarc" "$work/tree")
  t_ours=$(best_of "$build/tests/rules_tool" scan -q "$work/tree")
  t_extract=$(best_of sh -c "rm -rf '$work/x' && '$build/pedigree' extract '$image' -C '$work/x' --quiet")
  t_scan=$(best_of "$build/pedigree" scan "$image" --quiet -o json="$work/report.json")
  printf '%-18s %8s %8s %8s %10.2f %8s %8s %8.2f\n' "$s" "$files" "$t_yara" "$t_ours" \
    "$(echo "$t_yara / $t_ours" | bc -l)" "$t_extract" "$t_scan" "$(echo "$t_scan / $t_extract" | bc -l)"
done
