#!/bin/sh
# Loads an HTML report in headless Chromium (Debian's `chromium`): the page
# must load with no console error, the rendered DOM must show the key
# figures, and a screenshot is kept next to the report as a test artifact.
# Usage: html_report.sh REPORT.html EXPECTED_TEXT...
set -eu
html=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update
  --disable-sync --no-first-run --user-data-dir=$profile --window-size=1280,2000"
# shellcheck disable=SC2086
chromium $flags --enable-logging=stderr --v=0 --screenshot="${html%.html}.png" "file://$html" 2>"$profile/log" >/dev/null
# shellcheck disable=SC2086
chromium $flags --dump-dom "file://$html" 2>/dev/null >"$profile/dom"
if grep -E 'CONSOLE|Uncaught|Refused to' "$profile/log"; then
  echo "console errors while loading $html"
  exit 1
fi
[ -s "${html%.html}.png" ] || { echo "no screenshot"; exit 1; }
for text in "$@"; do
  grep -qF -- "$text" "$profile/dom" || { echo "not in the rendered page: $text"; exit 1; }
done
echo "$html: loaded without console errors; screenshot ${html%.html}.png"
