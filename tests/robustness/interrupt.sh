#!/usr/bin/env bash
# Ctrl-C during a scan: exit 130, a message, and no report file written as if complete.
# The scan is stopped (SIGSTOP) until its SIGINT handler is installed, so the interrupt
# lands during the analysis of a large generated tree, not before or after it.
# usage: interrupt.sh EPHEMERA_BIN
set -euo pipefail
ephemera=$(realpath "$1")
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT

mkdir -p "$tmp/tree"
(cd "$tmp/tree" && mkdir $(seq -f 'm%g' 1500))
for i in $(seq 1500); do
  printf 'resource "aws_lambda_function" "f" {\n  function_name = "f%d"\n  role = "arn:aws:iam::123456789012:role/r"\n  handler = "i.h"\n  runtime = "python3.12"\n  filename = "f.zip"\n  environment {\n    variables = { A = "x", B = "y" }\n  }\n}\n' "$i" > "$tmp/tree/m$i/main.tf"
done

handler_installed() {  # SigCgt has bit 1 (SIGINT = 2) set
  local mask
  mask=$(awk '/^SigCgt:/ { print $2 }' "/proc/$1/status" 2>/dev/null) || return 1
  [ -n "$mask" ] && (( (16#$mask >> 1) & 1 ))
}

cd "$tmp/tree"
"$ephemera" scan . --format json --output "$tmp/report.json" --threads 1 --no-config 2>"$tmp/stderr" &
pid=$!
installed=0
for _ in $(seq 20000); do
  kill -STOP "$pid" 2>/dev/null || break
  if handler_installed "$pid"; then
    installed=1
    kill -INT "$pid"
    kill -CONT "$pid"
    break
  fi
  kill -CONT "$pid"
done
status=0
wait "$pid" || status=$?
pid=

failed=0
[ $installed -eq 1 ] || { echo "the scan ended before its interrupt handler was seen"; failed=1; }
[ $status -eq 130 ] || { echo "exit status: expected 130, got $status"; failed=1; }
[ ! -e "$tmp/report.json" ] || { echo "a report was written by an interrupted scan"; failed=1; }
grep -q "interrupted; no report written" "$tmp/stderr" || { echo "stderr lacks the interruption message"; cat "$tmp/stderr"; failed=1; }
[ $failed -eq 0 ] && echo "interrupt: ok"
exit $failed
