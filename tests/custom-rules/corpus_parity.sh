#!/usr/bin/env bash
# X601 and X103 (examples/custom-rules) re-express EPH601 and EPH103: on the real corpus
# each reports exactly the locations its built-in rule reports. Skips when the corpus is absent.
# usage: corpus_parity.sh EPHEMERA_BIN SOURCE_DIR
set -euo pipefail
bin=$(realpath "$1")
src=$(realpath "$2")
corpus=$src/../shared/corpus
[ -d "$corpus" ] || { echo "SKIP: no corpus at $corpus"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
(cd "$corpus" && "$bin" scan . --no-config --rules-dir "$src/examples/custom-rules" --rule EPH601 --rule X601 \
  --rule EPH103 --rule X103 --format json --output "$tmp/findings.json") || status=$?
[ "$status" -le 1 ] || { echo "scan failed with exit $status"; exit 1; }
python3 - "$tmp/findings.json" <<'PY'
import json, sys
findings = json.load(open(sys.argv[1]))["findings"]
# Distinct locations: where one place is reached from several module instances the built-in
# rule may word one finding per instance, which the engine merges only when the messages agree.
def places(rule):
    return sorted({(f["file"], f["line"], f["column"]) for f in findings if f["rule"] == rule})
failed = False
for builtin, custom in (("EPH601", "X601"), ("EPH103", "X103")):
    b, c = places(builtin), places(custom)
    print(f"{builtin}: {len(b)} locations, {custom}: {len(c)} locations")
    if b != c:
        failed = True
        for p in sorted(set(b) - set(c)): print(f"  only {builtin}: {p}")
        for p in sorted(set(c) - set(b)): print(f"  only {custom}: {p}")
    if not b:
        failed = True
        print(f"  {builtin} reports nothing on the corpus: the comparison proves nothing")
sys.exit(1 if failed else 0)
PY
