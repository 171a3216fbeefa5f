#!/usr/bin/env bash
# Speed of the vulnerability database: imports a synthetic NVD CVE API 2.0
# feed (bench/gen_nvd_feed.py, split into yearly files) with
# `pedigree db import nvd`, one file per command as a user would, and reports
# MB/s and CVEs/s; then times looking up the 200 components of
# bench/db_components.txt against the resulting database.
#   bench/db_bench.sh [BUILD_DIR] [CVES]      (defaults: build 300000)
# The feed is generated once under $BUILD_DIR/db-bench and reused.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
cves=${2:-300000}
work=$build/db-bench
feed=$work/feed-$cves
db=$work/nvd-$cves.db

if [ ! -f "$feed/.complete" ]; then
  rm -rf "$feed"
  echo "generating $cves CVEs into $feed ..."
  python3 bench/gen_nvd_feed.py --cves "$cves" --out "$feed"
  touch "$feed/.complete"
fi
rm -f "$db"
files=("$feed"/nvdcve-2.0-*.json)
bytes=$(cat "${files[@]}" | wc -c)
cat "${files[@]}" >/dev/null  # warm the page cache: time the importer, not the disk

# Wall time, and the CPU time of the importers (user + system): on a shared
# machine the first includes waiting for a core, the second does not.
TIMEFORMAT='%R %U %S'
times=$( { time (for f in "${files[@]}"; do "$build/pedigree" db import nvd "$f" --db "$db" --quiet; done) ; } 2>&1 )
read -r wall user sys <<<"$times"

records=$(sqlite3 "$db" "SELECT count(*) FROM vulnerabilities")
ranges=$(sqlite3 "$db" "SELECT count(*) FROM cpe_ranges")
python3 - "$wall" "$user" "$sys" "$bytes" "$records" "$ranges" "${#files[@]}" "$(stat -c %s "$db")" <<'PY'
import sys
wall, user, sys_, size, records, ranges, nfiles, dbsize = map(float, sys.argv[1:])
cpu = user + sys_
print(f"import: {int(nfiles)} files, {size / 1e6:.0f} MB of JSON, {int(records)} CVEs, {int(ranges)} CPE ranges "
      f"(database {dbsize / 1e6:.0f} MB)")
print(f"  wall {wall:.1f} s: {size / 1e6 / wall:.0f} MB/s, {records / wall:.0f} CVEs/s")
print(f"  CPU  {cpu:.1f} s (user {user:.1f}, system {sys_:.1f}): {size / 1e6 / cpu:.0f} MB/s, {records / cpu:.0f} CVEs/s")
PY
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
"$build/bench/db_lookup_bench" "$db" bench/db_components.txt 7
