#!/usr/bin/env bash
# ctest cli/changed-files: `ephemera scan --changed FILE...` (what the pre-commit hook runs)
# analyses the units the changed files belong to and reports the findings that concern them.
# Each case names the changed files and the findings expected, as "RULE FILE RESOURCE" lines.
# usage: changed_files.sh EPHEMERA_BIN SOURCE_DIR
set -euo pipefail
bin=$(realpath "$1")
src=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"

# A root module (envs/prod) that calls a local module (modules/function) and gives it a
# value from its terraform.tfvars; an unrelated module and template with findings of their own.
cp -R "$src/tests/data/module-with-tfvars/." .
mkdir -p legacy sam
cat > legacy/main.tf <<'HCL'
resource "aws_lambda_function" "old" {
  function_name = "old"
  role          = "arn:aws:iam::123456789012:role/old"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "old.zip"
}
HCL
cat > sam/template.yaml <<'YAML'
AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Resources:
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      Runtime: python3.12
      CodeUri: src/
YAML
printf 'notes\n' > README.md

passed=0
failed=0
# check NAME EXPECTED_EXIT EXPECTED_FINDINGS -- ARGS...
check() {
  local name=$1 want_exit=$2 want=$3
  shift 4
  local status=0
  "$bin" scan --format json "$@" >"$tmp/out.json" 2>"$tmp/err" || status=$?
  local got
  got=$(python3 -c '
import json, sys
for f in json.load(open(sys.argv[1]))["findings"]:
    print(f["rule"], f["file"].removeprefix("./"), f["resource"] or "-")
' "$tmp/out.json" | sort)
  if [ "$status" = "$want_exit" ] && [ "$got" = "$(printf '%s' "$want" | sort)" ]; then
    passed=$((passed + 1))
    echo "ok: $name"
  else
    failed=$((failed + 1))
    echo "FAILED: $name (exit $status, expected $want_exit)"
    echo "--- expected"; printf '%s\n' "$want"; echo "--- got"; printf '%s\n' "$got"
    echo "--- stderr"; cat "$tmp/err"
  fi
}

check "an untouched tree reports nothing" 0 "" -- --changed README.md
check "a clean .tfvars change" 0 "" -- --changed envs/prod/terraform.tfvars

# A secret put into the function by the .tfvars file alone.
printf 'db_password = "Zq8vN2pL5wXr-prod-7f3a"\n' > envs/prod/terraform.tfvars
check "a .tfvars change is analysed with its module and the module it calls" 1 \
  "EPH301 envs/prod/terraform.tfvars module.api.aws_lambda_function.this" -- --changed envs/prod/terraform.tfvars
check "the changed file written ./like/this" 1 \
  "EPH301 envs/prod/terraform.tfvars module.api.aws_lambda_function.this" -- --changed ./envs/prod/terraform.tfvars

# An .auto.tfvars file wins over terraform.tfvars: its change is analysed the same way.
printf 'db_password = "Xk4uT9wQ2mRz-auto-88c1"\n' > envs/prod/secrets.auto.tfvars
check "an .auto.tfvars change" 1 \
  "EPH301 envs/prod/secrets.auto.tfvars module.api.aws_lambda_function.this" -- --changed envs/prod/secrets.auto.tfvars
rm envs/prod/secrets.auto.tfvars

# A change to the called module is analysed in its caller's context (inputs known); the
# secret's evidence chain passes through the module's environment block.
sed -i '/reserved_concurrent_executions/d' modules/function/main.tf
check "a called module's change is analysed from the root module that calls it" 1 \
  "EPH301 envs/prod/terraform.tfvars module.api.aws_lambda_function.this
EPH401 modules/function/main.tf module.api.aws_lambda_function.this" -- --changed modules/function/main.tf
check "the untouched module's and template's findings do not concern the change" 1 \
  "EPH301 envs/prod/terraform.tfvars module.api.aws_lambda_function.this" -- --changed envs/prod/terraform.tfvars README.md

check "a changed template is analysed on its own" 1 "EPH401 sam/template.yaml Worker" -- --changed sam/template.yaml

# Deleted files: nothing to report in them, and no error.
check "deleted files" 0 "" -- --changed envs/prod/removed.tf gone/main.tf sam/removed.yaml

# The configuration in effect governs every unit: all findings concern its change.
printf 'fail-on: high\n' > .ephemera.yaml
check "a configuration change reports every finding" 1 \
  "EPH301 envs/prod/terraform.tfvars module.api.aws_lambda_function.this
EPH401 legacy/main.tf aws_lambda_function.old
EPH401 modules/function/main.tf module.api.aws_lambda_function.this
EPH401 sam/template.yaml Worker" -- --changed .ephemera.yaml
check "its settings apply" 0 "EPH401 sam/template.yaml Worker" -- --changed sam/template.yaml
rm .ephemera.yaml
check "a deleted configuration file reports every finding" 1 \
  "EPH301 envs/prod/terraform.tfvars module.api.aws_lambda_function.this
EPH401 legacy/main.tf aws_lambda_function.old
EPH401 modules/function/main.tf module.api.aws_lambda_function.this
EPH401 sam/template.yaml Worker" -- --changed .ephemera.yaml

# A nested configuration file governs the units below it (each unit gets its nearest one):
# their findings concern its change, and its settings apply to them alone.
printf 'rules:\n  EPH401:\n    severity: high\n' > sam/.ephemera.yaml
check "a nested configuration change reports the findings of the units below it" 1 \
  "EPH401 sam/template.yaml Worker" -- --changed sam/.ephemera.yaml
check "its settings apply to the units below it (EPH401 high in sam/ fails --fail-on high)" 1 \
  "EPH401 legacy/main.tf aws_lambda_function.old
EPH401 sam/template.yaml Worker" -- --changed sam/template.yaml legacy/main.tf --fail-on high
rm sam/.ephemera.yaml
status=0
"$bin" scan --changed sam/.ephemera.yaml --no-config >/dev/null 2>"$tmp/err" || status=$?
if [ "$status" = 0 ] && grep -q "sam/.ephemera.yaml does not apply to this scan" "$tmp/err"; then
  passed=$((passed + 1)); echo "ok: with --no-config a nested configuration file is named as not applying"
else
  failed=$((failed + 1)); echo "FAILED: nested configuration (exit $status)"; cat "$tmp/err"
fi

# Excluded files are not analysed, as in a scan of the whole tree.
check "an excluded changed file" 0 "" -- --changed legacy/main.tf --exclude legacy

status=0
"$bin" scan --changed ../outside.tf >/dev/null 2>"$tmp/err" || status=$?
if [ "$status" = 2 ] && grep -q "outside the current directory" "$tmp/err"; then
  passed=$((passed + 1)); echo "ok: a changed file outside the current directory is a usage error"
else
  failed=$((failed + 1)); echo "FAILED: outside file (exit $status)"; cat "$tmp/err"
fi

echo "cli/changed-files: $passed passed, $failed failed"
[ "$failed" = 0 ]
