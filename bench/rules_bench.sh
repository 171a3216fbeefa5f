#!/usr/bin/env bash
# Speed of the component rules, measured two ways on each sample image:
#  1. the rule pass alone over an extracted tree: our scanner (tests/tools/rules_tool,
#     two threads) against the yara command line running the same compiled rules
#     (saved with yr_rules_save) with two threads, not following symbolic links
#     (the walker does not either);
#  2. the whole `pedigree scan` (unpack + rules) against `pedigree extract` alone.
# Prints the best of RUNS runs (default 3) of each: wall and user+sys seconds,
# and the ratios of both (yara/ours above 1: ours is faster).
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

# best_of CMD...: "WALL CPU", the shortest wall time and the shortest user+sys
# time of $runs runs (CPU time is the steadier figure on a loaded machine).
best_of() {
  local wall="" cpu="" t
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$work/time" -f "%e %U %S" "$@" >/dev/null 2>&1 || true
    read -r e u s <"$work/time"
    t=$(echo "$u + $s" | bc -l)
    if [ -z "$wall" ] || [ "$(echo "$e < $wall" | bc -l)" = 1 ]; then wall=$e; fi
    if [ -z "$cpu" ] || [ "$(echo "$t < $cpu" | bc -l)" = 1 ]; then cpu=$t; fi
  done
  printf '%.2f %.2f' "$wall" "$cpu"
}

ratio() { printf '%.2f' "$(echo "$1 / $2" | bc -l)"; }

"$build/tests/rules_tool" save "$work/compiled.yarc"
printf '%-17s %5s | %-11s %-11s %-9s | %-11s %-11s %-9s\n' sample files "yara w/cpu" "ours w/cpu" "yara/ours" \
  "extract" "scan" "scan/extr"
for s in "${samples[@]}"; do
  image=$(ls "$build/samples/$s"/image.* 2>/dev/null | head -1)
  [ -n "$image" ] || { echo "no image for $s" >&2; continue; }
  rm -rf "$work/tree"
  "$build/pedigree" extract "$image" -C "$work/tree" >/dev/null 2>&1 || true
  files=$(find "$work/tree" -type f | wc -l)
  read -r yw yc <<<"$(best_of yara -C -r -N -p 2 "$work/compiled.yarc" "$work/tree")"
  read -r ow oc <<<"$(best_of "$build/tests/rules_tool" scan -q "$work/tree")"
  read -r ew ec <<<"$(best_of sh -c "rm -rf '$work/x' && exec '$build/pedigree' extract '$image' -C '$work/x'")"
  read -r sw sc <<<"$(best_of "$build/pedigree" scan "$image" --quiet -o json="$work/report.json")"
  printf '%-17s %5s | %-11s %-11s %-9s | %-11s %-11s %-9s\n' "$s" "$files" "$yw/$yc" "$ow/$oc" \
    "$(ratio "$yw" "$ow")/$(ratio "$yc" "$oc")" "$ew/$ec" "$sw/$sc" "$(ratio "$sw" "$ew")/$(ratio "$sc" "$ec")"
done
