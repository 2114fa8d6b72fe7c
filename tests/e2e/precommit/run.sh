#!/usr/bin/env bash
# ctest pre-commit-e2e: the real `pre-commit` (Debian package, installed by
# scripts/bootstrap for `make test`) runs this repository's hook in a throwaway git
# repository. A commit with a finding is blocked; once the file is fixed it goes through;
# a finding in a file the commit does not touch does not block it.
# usage: run.sh EPHEMERA_BIN SOURCE_DIR
set -euo pipefail
bin=$(realpath "$1")
src=$(realpath "$2")

if ! command -v pre-commit >/dev/null 2>&1; then
  echo "pre-commit-e2e: pre-commit is not installed; run 'make bootstrap-tests' (scripts/bootstrap installs it)"
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Nothing from the developer's own git or pre-commit setup leaks in.
export HOME=$tmp/home PRE_COMMIT_HOME=$tmp/pre-commit-cache GIT_CONFIG_NOSYSTEM=1 EPHEMERA_BIN=$bin
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.com GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.com
mkdir -p "$HOME"
git config --global init.defaultBranch main
git config --global protocol.file.allow always

# The hook repository: this checkout's hook definition and script, as a repository would
# reference them (`repo:` + `rev:`), including uncommitted edits.
hooks=$tmp/hooks
mkdir -p "$hooks/scripts"
cp "$src/.pre-commit-hooks.yaml" "$hooks/"
cp "$src/scripts/pre-commit-hook" "$hooks/scripts/"
git -C "$hooks" init -q
git -C "$hooks" add -A
git -C "$hooks" commit -qm hooks
rev=$(git -C "$hooks" rev-parse HEAD)

project=$tmp/project
mkdir -p "$project/network" "$project/api"
cd "$project"
git init -q
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: ephemera
YAML
printf 'locals {\n  name = "network"\n}\n' > network/main.tf
git add -A
git commit -qm "initial commit, before the hook" --no-verify
pre-commit install >/dev/null

fail() {
  echo "pre-commit-e2e: FAILED: $*"
  exit 1
}

# 1. A file ephemera cannot read (NUL bytes: EPH000, a parse error) blocks the commit.
printf 'resource "aws_lambda_function" "api" {\0}\n' > api/main.tf
git add api/main.tf
if git commit -qm "add api" >"$tmp/out1" 2>&1; then
  cat "$tmp/out1"
  fail "the commit with a parse error went through"
fi
grep -q "EPH000" "$tmp/out1" || { cat "$tmp/out1"; fail "the hook output does not name EPH000"; }
echo "ok: commit blocked by EPH000 in api/main.tf"
sed -n '1,12p' "$tmp/out1"

# 2. Fixed, the same commit goes through.
printf 'locals {\n  api = "api"\n}\n' > api/main.tf
git add api/main.tf
git commit -qm "add api" >"$tmp/out2" 2>&1 || { cat "$tmp/out2"; fail "the fixed commit was blocked"; }
echo "ok: commit allowed once fixed"

# 3. A suppression without a reason is itself a finding (EPH003); with a reason and nothing
#    left to suppress it is reported as unused (EPH002); removed, the commit goes through.
printf '# ephemera:ignore EPH000\nlocals {\n  api = "v2"\n}\n' > api/main.tf
git add api/main.tf
if git commit -qm "suppression without reason" >"$tmp/out3" 2>&1; then
  cat "$tmp/out3"
  fail "a suppression without a reason went through"
fi
grep -q "EPH003" "$tmp/out3" || { cat "$tmp/out3"; fail "the hook output does not name EPH003"; }
echo "ok: commit blocked by a suppression without a reason (EPH003)"
printf 'locals {\n  api = "v2"\n}\n' > api/main.tf
git add api/main.tf
git commit -qm "no suppression" >"$tmp/out4" 2>&1 || { cat "$tmp/out4"; fail "the clean commit was blocked"; }
echo "ok: commit allowed once the stray suppression is gone"

# 4. A Lambda function with no concurrency ceiling (EPH401) blocks the commit; suppressed
#    on its declaration with a reason, the commit goes through.
lambda_body='    Type: AWS::Lambda::Function
    Properties:
      Handler: app.handler
      Runtime: python3.12
      Role: arn:aws:iam::123456789012:role/app
      Code: {ZipFile: "def handler(e, c): pass"}'
printf 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Worker:\n%s\n' "$lambda_body" > template.yaml
git add template.yaml
if git commit -qm "add worker" >"$tmp/out6" 2>&1; then
  cat "$tmp/out6"
  fail "the commit with an EPH401 finding went through"
fi
grep -q "EPH401" "$tmp/out6" || { cat "$tmp/out6"; fail "the hook output does not name EPH401"; }
echo "ok: commit blocked by EPH401 in template.yaml"
printf 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  # ephemera:ignore EPH401 reason="one caller, serial by design"\n  Worker:\n%s\n' "$lambda_body" > template.yaml
git add template.yaml
git commit -qm "add worker, suppressed" >"$tmp/out7" 2>&1 || { cat "$tmp/out7"; fail "the suppressed commit was blocked"; }
echo "ok: commit allowed once suppressed with a reason"

# 5. A finding in a file the commit does not touch does not block it, even in the module
#    (directory) that the hook analyses.
printf 'x\0y' > api/legacy.tf
git add api/legacy.tf
git commit -qm "broken, committed without the hook" --no-verify
printf 'locals {\n  api = "v3"\n}\n' > api/main.tf
git add api/main.tf
git commit -qm "unrelated change" >"$tmp/out5" 2>&1 || { cat "$tmp/out5"; fail "an unrelated finding blocked the commit"; }
echo "ok: a finding in an untouched file does not block the commit"
echo "pre-commit-e2e: 7 passed, 0 failed"
