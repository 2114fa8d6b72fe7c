#!/usr/bin/env bash
# ctest markdown-mermaid: every Mermaid diagram of the Markdown report parses with Mermaid's
# own parser (pinned in this folder's package-lock.json): the golden report (hostile
# characters in labels), the report of examples/ and of every rule's fixtures, and the
# traffic view `ephemera graph --format mermaid` draws of examples/.
# usage: check.sh EPHEMERA_BIN SOURCE_DIR
set -euo pipefail
bin=$(realpath "$1")
src=$2
here=$src/tests/e2e/mermaid
if [ ! -d "$here/node_modules/mermaid" ]; then
  # scripts/bootstrap installs it for `make test`; a plain ctest run installs it here.
  echo "markdown-mermaid: installing the pinned parser (npm ci in tests/e2e/mermaid)"
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# examples/custom-rules/ holds custom rules' fixtures, not the example project (examples/.ephemera.yaml
# excludes them; --no-config does not).
for dir in examples rules; do
  status=0
  (cd "$src/$dir" && "$bin" scan . --format markdown --output "$tmp/$dir.md" --no-config --exclude 'custom-rules/**') || status=$?
  if [ "$status" -gt 1 ]; then
    echo "markdown-mermaid: ephemera scan $dir failed with exit code $status"
    exit 1
  fi
done
# Every evidence chain of examples/ is drawn (the report is far below GitHub's limit there).
chains=$(cd "$src/examples" && "$bin" scan . --format json --no-config --exclude 'custom-rules/**' | python3 -c \
  'import json,sys; print(sum(1 for f in json.load(sys.stdin)["findings"] if f["related"]))') || true
drawn=$(grep -c '^```mermaid$' "$tmp/examples.md" || true)
[ "$chains" = "$drawn" ] || { echo "markdown-mermaid: examples/ has $chains evidence chains, the report draws $drawn"; exit 1; }
# `ephemera graph --format mermaid`, fenced as a Markdown file would hold it.
{ echo '```mermaid'; "$bin" graph "$src/examples" --format mermaid; echo '```'; } >"$tmp/graph.md"
node "$here/check_mermaid.mjs" "$tmp/graph.md" --expect-at-least 1
node "$here/check_mermaid.mjs" "$src/tests/unit/report/golden/report.md" --expect-at-least 1
node "$here/check_mermaid.mjs" "$tmp/examples.md" --expect-at-least "$chains"
node "$here/check_mermaid.mjs" "$tmp/rules.md" --expect-at-least 10
