#!/usr/bin/env bash
# ctest sarif-validate: the official SARIF validator (Sarif.Multitool, pinned in this
# folder's package-lock.json) checks the schema, SARIF best practices and GitHub code
# scanning's ingestion rules on (1) the reporter's golden file, which carries related
# locations, fixes, suppressions and notifications, and (2) a real scan of every rule's
# fixtures, and (3) a scan of the real-world corpus (../shared/corpus) when it is present.
# Errors or warnings fail the test; notes are advice.
# usage: validate.sh EPHEMERA_BIN SOURCE_DIR
set -euo pipefail
bin=$(realpath "$1")
src=$2
here=$src/tests/e2e/sarif
tool=$here/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool

if [ ! -f "$tool" ]; then
  # scripts/bootstrap installs it for `make test`; a plain ctest run installs it here.
  echo "sarif-validate: installing the pinned validator (npm ci in tests/e2e/sarif)"
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
fi
[ -x "$tool" ] || chmod u+x "$tool"
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$src/tests/unit/report/golden/report.sarif" "$tmp/golden.sarif"
status=0
(cd "$src/rules" && "$bin" scan . --format sarif --output "$tmp/fixtures.sarif" --no-config) || status=$?
if [ "$status" -gt 1 ]; then
  echo "sarif-validate: ephemera scan failed with exit code $status"
  exit 1
fi

corpus=$src/../shared/corpus
if [ -d "$corpus" ]; then
  status=0
  (cd "$corpus" && "$bin" scan . --format sarif --output "$tmp/corpus.sarif" --no-config) || status=$?
  if [ "$status" -gt 1 ]; then
    echo "sarif-validate: ephemera scan of the corpus failed with exit code $status"
    exit 1
  fi
else
  echo "sarif-validate: no corpus at $corpus; validating the golden file and the fixtures only"
fi

files=("$tmp"/*.sarif)
out=$("$tool" validate "${files[@]}" --rule-kind "Gh;Sarif" --level "Error;Warning" 2>&1) || {
  echo "$out"
  echo "sarif-validate: the validator failed"
  exit 1
}
if grep -E ': (error|warning) [A-Z]+[0-9]+' <<<"$out"; then
  echo "sarif-validate: errors or warnings (above)"
  exit 1
fi
grep -q "Done. ${#files[@]} files scanned." <<<"$out" || { echo "$out"; echo "sarif-validate: not every file was validated"; exit 1; }
for f in "${files[@]}"; do echo "sarif-validate: $(basename "$f"): no errors, no warnings"; done
