#!/usr/bin/env bash
# Custom rules end to end through the CLI: the examples' fixtures pass `ephemera test-rules`
# and a wrong expectation fails it; bad rule files exit 2 with file:line:col; every report
# format carries the custom rules' metadata; suppressions, baselines, --rule, the
# configuration's custom-rules: and rules:, `ephemera rules` and `explain` know them.
# usage: custom_rules.sh EPHEMERA_BIN SOURCE_DIR
set -euo pipefail
bin=$(realpath "$1")
src=$(realpath "$2")
examples=$src/examples/custom-rules
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
expect_status() {  # expect_status WANT WHAT COMMAND...
  local want=$1 what=$2 status=0
  shift 2
  "$@" >"$tmp/out" 2>"$tmp/err" || status=$?
  [ "$status" = "$want" ] || { fail "$what: exit $status, expected $want"; cat "$tmp/out" "$tmp/err"; }
}
contains() {  # contains FILE TEXT WHAT
  grep -qF -- "$2" "$1" || { fail "$3: '$2' not in $1:"; cat "$1"; }
}

# 1. The examples' fixtures, and a fixture whose expectation is wrong.
expect_status 0 "test-rules on the examples" "$bin" test-rules "$examples"
contains "$tmp/out" "0 failed" "test-rules summary"
cp -R "$examples/X902-deprecated-runtime" "$tmp/wrong"
sed -i 's/runtime       = "go1.x" # expect: X902/runtime       = "go1.x"/' "$tmp/wrong/fail.tf"
expect_status 1 "test-rules with a missing expectation" "$bin" test-rules "$tmp/wrong"
contains "$tmp/out" "unexpected: $tmp/wrong/fail.tf:26 X902" "the mismatch is named"

# 2. Bad rule files: every error at file:line:col, exit 2, whatever the command.
mkdir -p "$tmp/bad"
cat >"$tmp/bad/bad.rule.yaml" <<'RULE'
id: ACME1
slug: bad-rule
title: Bad
severity: high
docs: {what: w, why: y, fix: f}
match: function
where:
  - field: runtime
    equals: 3
message: "{address}"
RULE
expect_status 2 "scan with a bad rule" "$bin" scan "$examples/X902-deprecated-runtime" --rules-dir "$tmp/bad"
contains "$tmp/err" "$tmp/bad/bad.rule.yaml:9:13: 'runtime' is a string; a number can never equal it" "type error position"
expect_status 2 "rules with a bad rule" "$bin" rules --rules-dir "$tmp/bad"
expect_status 2 "test-rules with a bad rule" "$bin" test-rules "$tmp/bad"

# 3. Reports: every format names the custom rule and carries its metadata.
# (a copy: examples/.ephemera.yaml keeps the fixtures themselves out of scans)
mkdir -p "$tmp/code"
cp "$examples/X902-deprecated-runtime/fail.tf" "$tmp/code/main.tf"
fixture=$tmp/code/main.tf
expect_status 1 "json" "$bin" scan "$fixture" --rules-dir "$examples" --rule X902 --format json
contains "$tmp/out" '"rule": "X902"' "json rule"
contains "$tmp/out" '"slug": "deprecated-runtime"' "json slug"
expect_status 1 "sarif" "$bin" scan "$fixture" --rules-dir "$examples" --rule X902 --format sarif
python3 - "$tmp/out" <<'PY' || fail "sarif tool.driver.rules"
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
r = rules["X902"]
assert r["name"] == "deprecated-runtime", r
assert r["helpUri"].startswith("file://") and r["helpUri"].endswith("deprecated-runtime.rule.yaml"), r
assert "runtime" in r["shortDescription"]["text"], r
assert "X601" in rules and "EPH301" in rules
assert {res["ruleId"] for res in run["results"]} == {"X902"}
PY
for format in text junit github gitlab; do
  expect_status 1 "$format" "$bin" scan "$fixture" --rules-dir "$examples" --rule X902 --format $format
  contains "$tmp/out" "X902" "$format names the rule"
done

# 4. Suppressions and baselines.
mkdir -p "$tmp/suppressed"
sed 's|runtime       = "python3.8" # expect: X902|runtime       = "python3.8" # ephemera:ignore X902 reason="retired next sprint"|' \
  "$fixture" >"$tmp/suppressed/main.tf"
expect_status 1 "suppressed" "$bin" scan "$tmp/suppressed" --rules-dir "$examples" --rule X902 --format json
python3 -c 'import json,sys; f=json.load(open(sys.argv[1]))["findings"]; assert len(f)==2 and all(x["rule"]=="X902" for x in f), f' "$tmp/out" \
  || fail "the suppression hides one X902 finding"
cp "$fixture" "$tmp/suppressed/main.tf"
expect_status 0 "write baseline" "$bin" scan "$tmp/suppressed" --rules-dir "$examples" --rule X902 --write-baseline "$tmp/baseline.json"
expect_status 0 "baseline" "$bin" scan "$tmp/suppressed" --rules-dir "$examples" --rule X902 --baseline "$tmp/baseline.json"

# 5. The configuration: custom-rules: loads them, rules: configures them, paths stay inside.
mkdir -p "$tmp/project/policies"
cp -R "$examples/X902-deprecated-runtime" "$tmp/project/policies/"
cp "$fixture" "$tmp/project/main.tf"
printf 'custom-rules: [policies]\nexclude: ["policies/**"]\nrules:\n  deprecated-runtime:\n    severity: info\n' >"$tmp/project/.ephemera.yaml"
(cd "$tmp/project" && expect_status 0 "config" "$bin" scan . --rule X902 --format json --fail-on low)
contains "$tmp/out" '"severity": "info"' "rules: sets the custom rule's severity"
printf 'custom-rules: [../elsewhere]\n' >"$tmp/project/.ephemera.yaml"
(cd "$tmp/project" && expect_status 2 "config outside" "$bin" scan .)
contains "$tmp/err" ".ephemera.yaml:1:15: custom-rules: '../elsewhere' must be a directory below" "custom-rules confined"

# 6. rules and explain.
expect_status 0 "rules" "$bin" rules --rules-dir "$examples"
contains "$tmp/out" "X601" "rules lists X601"
contains "$tmp/out" "X103" "rules lists X103"
expect_status 0 "explain" "$bin" explain x903 --rules-dir "$examples"
contains "$tmp/out" "X903 queue-without-failure-destination (medium)" "explain header"
contains "$tmp/out" "## Why it matters" "explain docs"
expect_status 2 "explain unknown" "$bin" explain X999 --rules-dir "$examples"

[ "$failures" = 0 ] || { echo "$failures failure(s)"; exit 1; }
echo "custom rules: all checks passed"
