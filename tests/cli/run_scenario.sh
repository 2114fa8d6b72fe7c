#!/usr/bin/env bash
# One CLI scenario: copies SCENARIO/input to a temp dir, runs SCENARIO/before.sh there if
# present (with $EPHEMERA set), then `ephemera scan $(cat SCENARIO/args)` and compares:
#   expected_exit    the exit code
#   expected.json    stdout, exactly (when present)
#   expected_stdout  lines that must each appear in stdout (when present; for output that
#                    carries other rules' messages, which their authors may reword)
#   expected_stderr  lines that must each appear in stderr (when present)
#   forbidden_output lines that must appear in neither stdout nor stderr (when present; e.g.
#                    the content of a file outside the scanned tree)
# usage: run_scenario.sh EPHEMERA_BIN SCENARIO_DIR
set -euo pipefail
export EPHEMERA=$(realpath "$1")
scenario=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
work=$tmp/work
mkdir -p "$work"
[ -d "$scenario/input" ] && cp -R "$scenario/input/." "$work/"
cd "$work"
[ -f "$scenario/before.sh" ] && bash "$scenario/before.sh"
read -r -a args < "$scenario/args"
status=0
"$EPHEMERA" scan "${args[@]}" >"$tmp/stdout" 2>"$tmp/stderr" || status=$?

failed=0
expected_exit=$(cat "$scenario/expected_exit")
if [ "$status" != "$expected_exit" ]; then
  echo "exit code: expected $expected_exit, got $status"
  failed=1
fi
# The version changes with every release; the rest of the output must not.
sed -E -i 's/^  "version": "[^"]*"/  "version": "VERSION"/' "$tmp/stdout"
if [ -f "$scenario/expected.json" ] && ! diff -u "$scenario/expected.json" "$tmp/stdout"; then
  echo "stdout differs from expected.json (above)"
  failed=1
fi
for stream in stdout stderr; do
  [ -f "$scenario/expected_$stream" ] || continue
  while IFS= read -r line; do
    [ -z "$line" ] && continue
    grep -qF -- "$line" "$tmp/$stream" || { echo "$stream lacks: $line"; failed=1; }
  done < "$scenario/expected_$stream"
done
if [ -f "$scenario/forbidden_output" ]; then
  while IFS= read -r line; do
    [ -z "$line" ] && continue
    if grep -qF -- "$line" "$tmp/stdout" "$tmp/stderr"; then echo "output has: $line"; failed=1; fi
  done < "$scenario/forbidden_output"
fi
if [ $failed -ne 0 ]; then
  echo "--- stdout"; cat "$tmp/stdout"; echo "--- stderr"; cat "$tmp/stderr"
  exit 1
fi
echo "$(basename "$scenario"): ok"
