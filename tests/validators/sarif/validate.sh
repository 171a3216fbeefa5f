#!/bin/sh
# Validates SARIF files with Microsoft's SARIF multitool (`validate` verb).
# The tool is installed on first use from package-lock.json into
# node_modules/ beside this script (never globally). The Linux package is a
# self-contained .NET executable: no separate .NET runtime is needed.
# Usage: validate.sh FILE.sarif...   Exit 0 when the validator reports no error.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tool="$here/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if [ ! -x "$tool" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --ignore-scripts >/dev/null)
  chmod u+x "$tool"
fi
status=0
for f in "$@"; do
  # Errors (schema violations, SARIF1xxx rules at level error) are console
  # lines "FILE(line,col): error CODE: ..."; warnings and notes pass.
  if ! log=$(DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 "$tool" validate "$f" 2>&1); then
    echo "$f: the validator failed"
    echo "$log"
    status=1
  elif echo "$log" | grep -q '): error '; then
    echo "$f: SARIF validation errors:"
    echo "$log" | grep '): error '
    status=1
  else
    echo "$f: valid SARIF 2.1.0"
  fi
done
exit $status
