#!/usr/bin/env bash
# One failing file never changes the findings of the others, and the output is the same
# whatever the thread count. Scans every rule's fixtures (minus the folders that are broken
# on purpose), then the same tree with hostile files mixed in, and compares.
# usage: isolation.sh EPHEMERA_BIN SOURCE_DIR
set -euo pipefail
ephemera=$(realpath "$1")
source_dir=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp/clean"
for folder in "$source_dir"/rules/EPH*/; do
  name=$(basename "$folder")
  case "$name" in EPH000-*|EPH001-*) continue ;; esac
  cp -R "$folder" "$tmp/clean/$name"
done
cp -R "$tmp/clean" "$tmp/mixed"

# Hostile files: inside existing Terraform modules, beside templates, and on their own.
cd "$tmp/mixed"
first_module=$(dirname "$(ls -1 */*.tf | head -1)")
printf 'resource "aws_sqs_queue" "q" {\n  name = "a\000b"\n}\n' > "$first_module/zz-binary.tf"
printf 'locals {\n  name = "caf\351"\n}\n' > "$first_module/zz-latin1.tf"
ln -s nowhere.tf "$first_module/zz-dangling.tf"
mkdir -p broken-hcl && printf 'resource "aws_lambda_function" "f" {\n  runtime = [[[\n' > broken-hcl/main.tf
printf '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Q": {' > truncated-template.json
open=$(printf '[%.0s' $(seq 10000)); close=$(printf ']%.0s' $(seq 10000))
printf '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"Tags": %s%s}}}}\n' "$open" "$close" > deep-template.json
printf 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags: %s%s\n' "$open" "$close" > deep-template.yaml
{ printf 'AWSTemplateFormatVersion: "2010-09-09"\nMappings:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n'
  for i in $(seq 1 9); do
    printf '  a%d: &a%d [' "$i" "$i"; for k in $(seq 10); do printf '*a%d, ' $((i - 1)); done; printf ']\n'
  done
  printf 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags: *a9\n'; } > alias-bomb.yaml
mkdir -p huge-count && printf 'resource "aws_sqs_queue" "many" {\n  count = 100000000\n}\n' > huge-count/main.tf
mkdir -p cycle/a cycle/b
printf 'module "b" {\n  source = "../b"\n}\n' > cycle/a/main.tf
printf 'module "a" {\n  source = "../a"\n}\n' > cycle/b/main.tf
ln -s .. cycle/a/loop

scan() {  # DIR THREADS -> stdout: the JSON report
  (cd "$1" && "$ephemera" scan . --format json --no-config --threads "$2") || [ $? -le 1 ]
}
scan "$tmp/clean" 2 > "$tmp/clean.json"
scan "$tmp/mixed" 1 > "$tmp/mixed-1.json"
scan "$tmp/mixed" 2 > "$tmp/mixed-2.json"
scan "$tmp/mixed" 7 > "$tmp/mixed-7.json"

failed=0
for n in 2 7; do
  if ! cmp -s "$tmp/mixed-1.json" "$tmp/mixed-$n.json"; then
    echo "output with --threads $n differs from --threads 1:"
    diff "$tmp/mixed-1.json" "$tmp/mixed-$n.json" | head -20
    failed=1
  fi
done

python3 - "$tmp/clean.json" "$tmp/mixed-1.json" "$tmp/clean" <<'PY' || failed=1
import json, os, sys
clean = json.load(open(sys.argv[1]))["findings"]
mixed = json.load(open(sys.argv[2]))["findings"]
clean_root = sys.argv[3]
key = lambda f: (f["file"], f["line"], f["column"], f["rule"], f["message"], f["fingerprint"])
if len(clean) < 50:
    sys.exit(f"only {len(clean)} findings on the clean tree: the fixtures were not scanned")
# The findings in files of the clean tree must be exactly the same with the hostile files around.
others = [f for f in mixed if os.path.exists(os.path.join(clean_root, f["file"]))]
a, b = sorted(map(key, clean)), sorted(map(key, others))
if a != b:
    print("findings in the good files changed when broken files were added:")
    for k in sorted(set(a) - set(b))[:10]: print("  lost:", k)
    for k in sorted(set(b) - set(a))[:10]: print("  new: ", k)
    sys.exit(1)
hostile = {f["file"] for f in mixed} - {f["file"] for f in clean}
for expected in ["./broken-hcl/main.tf", "./truncated-template.json", "./deep-template.json",
                 "./deep-template.yaml", "./alias-bomb.yaml", "./huge-count/main.tf"]:
    if expected not in hostile:
        sys.exit(f"no finding for the hostile file {expected}")
print(f"{len(a)} findings in good files unchanged; {len(hostile)} hostile files reported")
PY
[ $failed -eq 0 ] && echo "isolation: ok"
exit $failed
