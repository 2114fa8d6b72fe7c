#!/usr/bin/env bash
# The corpus tests with the corpus path pointing nowhere: each must exit 77 (ctest's
# SKIP_RETURN_CODE: reported as skipped), never 0 (a pass that checked nothing).
# usage: skips_when_absent.sh UNIT_TESTS CORPUS_SWEEP FINDINGS_SNAPSHOT SNAPSHOT_TSV
set -u
nowhere=$(mktemp -d)/no-corpus
status=0
expect_skip() {
  local what=$1; shift
  "$@" >/dev/null 2>&1
  local rc=$?
  if [ "$rc" -ne 77 ]; then
    echo "FAIL: $what exited $rc without the corpus (expected 77: skipped)"
    status=1
  else
    echo "ok: $what reports skipped"
  fi
}
expect_skip "unit-corpus" env EPHEMERA_CORPUS_DIR="$nowhere" "$1" --test-suite=corpus
expect_skip "corpus-sweep" "$2" "$nowhere" 10
expect_skip "corpus-snapshot" "$3" "$nowhere" "$4"
rmdir "$(dirname "$nowhere")"
exit $status
