#!/usr/bin/env bash
# scripts/new-rule in a scratch copy of the repository's rule registry: it writes the rule's
# code, its page with every section, fixtures that ephemera loads cleanly and whose fail
# cases expect the new rule, registers it in sorted order, and refuses bad or taken ids.
set -euo pipefail
bin=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/scripts" "$tmp/rules"
cp "$src/scripts/new-rule" "$tmp/scripts/"
cp "$src/rules/registry.cpp" "$tmp/rules/"
for d in "$src"/rules/EPH*/; do mkdir "$tmp/rules/$(basename "$d")"; done
fail() { echo "new-rule: $*"; exit 1; }

"$tmp/scripts/new-rule" EPH990 scratch-rule medium "A scratch rule" >/dev/null
dir="$tmp/rules/EPH990-scratch-rule"
for f in rule.cpp README.md fail.tf pass.tf fail.yaml pass.yaml fail.json fail.json.expect; do
  [ -s "$dir/$f" ] || fail "$f not written"
done
grep -q '^id: EPH990$' "$dir/README.md" || fail "README front matter"
for section in "## Why it matters" "## How to fix" "## Examples" "## Not flagged" "## Options"; do
  grep -qx "$section" "$dir/README.md" || fail "README lacks '$section'"
done
grep -q '# expect: EPH990' "$dir/fail.tf" || fail "fail.tf expects nothing"
grep -q '# expect: EPH990' "$dir/fail.yaml" || fail "fail.yaml expects nothing"
grep -q ' EPH990$' "$dir/fail.json.expect" || fail "fail.json.expect expects nothing"
! grep -q 'expect:' "$dir/pass.tf" "$dir/pass.yaml" || fail "a pass fixture expects a finding"
# The JSON sidecar's line is the resource's logical id.
line=$(cut -d' ' -f1 "$dir/fail.json.expect")
sed -n "${line}p" "$dir/fail.json" | grep -q '"Api"' || fail "fail.json.expect points at line $line, not the resource"

# Registered once, in sorted order, in both lists.
[ "$(grep -c 'make_EPH990' "$tmp/rules/registry.cpp")" = 2 ] || fail "not registered in both lists"
grep -o 'make_EPH[0-9]*();' "$tmp/rules/registry.cpp" | sort -c || fail "declarations out of order"
grep -o '{"EPH[0-9]*", rules::make' "$tmp/rules/registry.cpp" | sort -c || fail "factories out of order"

# Every fixture is input ephemera reads cleanly, and no existing rule fires on it: the fixture
# runner fails on any finding not expected, so the scaffold must expect only the new rule.
status=0
out=$("$bin" scan "$dir" --no-config --format json) || status=$?
[ "$status" = 0 ] || fail "ephemera scan of the fixtures exited $status: $out"

# Refusals: a bad id, a bad slug, a taken id.
for args in "EPH99 x medium T" "EPH991 Bad_Slug medium T" "EPH990 other-slug medium T" "EPH992 x urgent T"; do
  status=0
  # shellcheck disable=SC2086
  "$tmp/scripts/new-rule" $args >/dev/null 2>&1 || status=$?
  [ "$status" = 2 ] || fail "'new-rule $args' exited $status, not 2"
done
echo "new-rule: ok"
