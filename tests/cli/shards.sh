#!/usr/bin/env bash
# `--shard K/N` and `ephemera merge`: for N = 2, 3 and 5, the shards are disjoint (no finding
# in two of them), and merging their JSON reports gives exactly the report and the exit code
# of the whole scan; merging their SARIF reports, the same results and exit code. Trees: the rule fixtures and the examples (many units,
# modules called from several roots, parse errors), serverless services that read one file,
# and ../shared/corpus when present.
# usage: shards.sh EPHEMERA SOURCE_DIR
set -uo pipefail
bin=$(realpath "$1")
source_dir=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() { echo "FAIL: $*"; failed=1; }

check_tree() {  # check_tree NAME DIR
  local name=$1 dir=$2 format n k status want got
  cd "$dir" || return
  for format in json sarif; do
    status=0
    "$bin" scan . --format "$format" --output "$tmp/full.$format" --threads 2 >/dev/null 2>&1 || status=$?
    want=$status
    for n in 2 3 5; do
      local reports=()
      for ((k = 1; k <= n; k++)); do
        "$bin" scan . --shard "$k/$n" --format "$format" --output "$tmp/shard-$k.$format" --threads 2 >/dev/null 2>&1
        reports+=("$tmp/shard-$k.$format")
      done
      if [ "$format" = json ]; then
        # Disjoint: no finding (rule, file, place) in two shards.
        dup=$(python3 -c '
import json, sys, collections
seen = collections.Counter()
for p in sys.argv[1:]:
    for f in json.load(open(p))["findings"]:
        seen[(f["rule"], f["file"], f["line"], f["column"], f["message"])] += 1
print(sum(1 for c in seen.values() if c > 1))' "${reports[@]}")
        [ "$dup" = 0 ] || fail "$name: $dup findings reported by two of $n shards"
      fi
      status=0
      "$bin" merge "${reports[@]}" --output "$tmp/merged.$format" >/dev/null 2>"$tmp/err" || status=$?
      [ "$status" = "$want" ] || fail "$name: merge of $n $format shards exits $status, the full scan $want ($(cat "$tmp/err"))"
      if [ "$format" = sarif ]; then
        # SARIF: the same document, results as a set (its URIs are normalised paths, which do
        # not give back the scan's order of paths as written; SARIF gives order no meaning).
        for f in full merged; do
          python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
run = d["runs"][0]
run["results"] = sorted(json.dumps(r, sort_keys=True) for r in run["results"])
for i in run.get("invocations", []):
    i["toolExecutionNotifications"] = sorted(json.dumps(n, sort_keys=True) for n in i.get("toolExecutionNotifications", []))
print(json.dumps(d, indent=1, sort_keys=True))' "$tmp/$f.sarif" > "$tmp/$f.sarif.canonical"
        done
      fi
      compared=$([ "$format" = sarif ] && echo .canonical)
      if ! diff -q "$tmp/full.$format$compared" "$tmp/merged.$format$compared" >/dev/null; then
        fail "$name: the $n merged $format shards differ from the full scan:"
        diff "$tmp/full.$format$compared" "$tmp/merged.$format$compared" | head -20
      else
        echo "ok: $name, $n $format shards merge into the full scan (exit $want)"
      fi
    done
  done
}

mkdir -p "$tmp/tree"
cp -R "$source_dir/rules" "$source_dir/examples" "$tmp/tree/"
check_tree "rule fixtures and examples" "$tmp/tree"
# Serverless services that read one file through ${file(...)}: the secret in it is one finding
# of the full scan (reached from every service), so every shard that has it has them all.
mkdir -p "$tmp/services"
printf 'stripe: sk_live_51Habc0123456789abcdefXYZ\n' > "$tmp/services/common.yml"
for svc in a b c d e f; do
  mkdir -p "$tmp/services/$svc"
  printf '%s\n' "service: svc-$svc" 'provider:' '  name: aws' '  runtime: python3.12' 'functions:' '  charge:' \
    '    handler: charge.handler' '    reservedConcurrency: 5' '    environment:' "      STRIPE_KEY: \${file(../common.yml):stripe}" \
    > "$tmp/services/$svc/serverless.yml"
done
printf 'service: lone\nprovider:\n  name: aws\n  environment:\n    DB_PASSWORD: hunter2-prod-7f3a\n' > "$tmp/services/serverless.yml"
check_tree "serverless services sharing a file" "$tmp/services"
if [ -d "$source_dir/../shared/corpus" ]; then
  check_tree corpus "$(realpath "$source_dir/../shared/corpus")"
fi

# Usage errors.
status=0; "$bin" scan "$tmp/tree" --shard 3/2 >/dev/null 2>"$tmp/err" || status=$?
[ "$status" = 2 ] && grep -q "K/N" "$tmp/err" || fail "--shard 3/2 is not a usage error"
status=0; "$bin" merge "$tmp/full.json" "$tmp/full.sarif" >/dev/null 2>"$tmp/err" || status=$?
[ "$status" = 2 ] && grep -q "one format" "$tmp/err" || fail "merging JSON with SARIF is not a usage error"
echo '{"a": 1}' > "$tmp/other.json"
status=0; "$bin" merge "$tmp/other.json" >/dev/null 2>"$tmp/err" || status=$?
[ "$status" = 2 ] && grep -q "not an ephemera JSON or SARIF report" "$tmp/err" || fail "a foreign JSON file is not refused"
exit $failed
