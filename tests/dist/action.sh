#!/usr/bin/env bash
# The GitHub action (action.yml) run as a runner runs it (run_action.py), against a release
# folder laid out like GitHub's (vVERSION/ephemera-VERSION-linux-x86_64.tar.gz and .sha256)
# holding make dist's tarball, reached through a file:// release-url:
#   - the version input: the tarball is installed into runner.temp, put on the PATH, and the
#     scan runs with the inputs (paths, format, output, fail-on, args), exit code as output;
#   - no version input, the action used as @vVERSION: the same release;
#   - a tarball that does not match its .sha256: the step fails (no fallback to a build).
# The build-from-source fallback is not run here (a second full build).
# usage: action.sh BUILD_DIR SOURCE_DIR DIST_DIR
set -euo pipefail
BUILD_DIR=$1 SOURCE_DIR=$2 DIST_DIR=$3
source "$(dirname "$0")/lib.sh"
runner=$(dirname "$(realpath "$0")")/run_action.py
name="ephemera-$version-linux-x86_64"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/releases/v$version"
cp "$DIST_DIR/$name.tar.gz" "$DIST_DIR/$name.tar.gz.sha256" "$tmp/releases/v$version/"
# No other ephemera on the PATH: the scan must use the one the action installed.
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
command -v ephemera >/dev/null && { echo "FAIL: an ephemera is already on the PATH"; exit 1; }

run() {  # run NAME [--ref REF] INPUT=VALUE...: the action in the workspace $tmp/NAME (a copy of
         # examples/), runner.temp $tmp/NAME.runner, outputs in $tmp/NAME.outputs, log in $tmp/NAME.log
  local name=$1 status=0; shift
  mkdir -p "$tmp/$name" "$tmp/$name.runner"
  cp -R "$SOURCE_DIR/examples" "$tmp/$name/examples"
  (cd "$tmp/$name" && python3 "$runner" "$SOURCE_DIR/action.yml" "$tmp/$name.runner" "$@" \
      release-url="file://$tmp/releases" >"$tmp/$name.outputs" 2>"$tmp/$name.log") || status=$?
  echo "$status"
}

status=$(run given version="$version" paths=examples format=json output=given.json fail-on=critical \
             args="--format sarif --output given.sarif --threads 1")
python3 - "$tmp/given.outputs" "$tmp/given/given.json" "$tmp/given/given.sarif" "$version" "$status" <<'PY' || { cat "$tmp/given.log"; fail "action with version=$version"; }
import json, sys
outputs, report, sarif = (json.load(open(p)) for p in sys.argv[1:4])
version, status = sys.argv[4], int(sys.argv[5])
assert outputs["version"] == version, outputs
critical = [f for f in report["findings"] if f["severity"] == "critical" and not f.get("suppressed")]
expected = 1 if critical else 0
assert status == expected and outputs["exit-code"] == str(expected), (status, outputs, len(critical))
assert report["version"] == version and report["findings"], "the JSON report"
assert sarif["runs"][0]["tool"]["driver"]["version"] == version, "the SARIF report from args"
PY
[ -x "$tmp/given.runner/ephemera/bin/ephemera" ] || fail "not installed into runner.temp/ephemera"
check_only_libc "$tmp/given.runner/ephemera/bin/ephemera"

status=$(run by-ref --ref "v$version" paths=examples/orders-terraform format=text fail-on=info)
outputs=$(cat "$tmp/by-ref.outputs")
[[ $outputs == *"\"version\": \"$version\""* && $outputs == *'"exit-code": "1"'* && $status == 1 ]] ||
  { cat "$tmp/by-ref.log"; fail "action used as @v$version: status $status, outputs $outputs"; }
grep -q 'EPH[0-9]' "$tmp/by-ref.log" || fail "the text report is not in the step's log"

echo "0000000000000000000000000000000000000000000000000000000000000000  $name.tar.gz" > "$tmp/releases/v$version/$name.tar.gz.sha256"
status=$(run tampered version="$version")
[ "$status" != 0 ] && grep -q 'does not match its .sha256' "$tmp/tampered.log" ||
  { cat "$tmp/tampered.log"; fail "a tarball that does not match its checksum was accepted (status $status)"; }
[ -e "$tmp/tampered.runner/ephemera" ] && fail "a tampered tarball was unpacked"
finish dist/action
