#!/bin/sh
# The HTML report in headless Chromium: a hostile file name (markup in it)
# must show as text, not run; a sample image's report must show its key
# figures. Screenshots stay in ARTIFACTS.
# Usage: html_tests.sh PEDIGREE SAMPLES_DIR ARTIFACTS_DIR
set -eu
pedigree=$1 samples=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$out/hostile" && mkdir -p "$out/hostile/www"
name='<script>alert(1)<img src=x onerror=alert(2)>.cgi'
printf '#!/bin/sh\n' >"$out/hostile/www/$name"
chmod 4777 "$out/hostile/www/$name"  # setuid and world-writable: findings that name the file
tar -C "$out/hostile" -cf "$out/hostile.tar" www
"$pedigree" scan "$out/hostile.tar" -q --now 2026-11-30 -o html="$out/hostile.html"
"$here/html_report.sh" "$out/hostile.html" 'Pedigree report: hostile.tar' \
  '&lt;script&gt;alert(1)&lt;img src=x onerror=alert(2)&gt;.cgi'
if grep -q '<script>alert' "$out/hostile.html"; then
  echo "unescaped markup from a file name in the HTML report"
  exit 1
fi
"$pedigree" scan "$samples/mips-sysupgrade/image.bin" -q --now 2026-11-30 -o html="$out/mips-sysupgrade.html"
"$here/html_report.sh" "$out/mips-sysupgrade.html" 'Pedigree report: image.bin' 'highest severity' \
  'Vendors by country' 'evidence of non-conformity' 'rules SHA-256' 'Account with a well-known default password'
