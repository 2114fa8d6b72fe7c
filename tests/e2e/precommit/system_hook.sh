#!/usr/bin/env bash
# ctest pre-commit-system-hook: the real `pre-commit` runs the `language: system` hook exactly
# as README.md shows it (the snippet is read from the README), with this build's `ephemera`
# first on PATH, in a throwaway git repository. A commit that changes only a .tfvars file,
# putting a secret into a function through a module, is blocked; clean commits go through.
# usage: system_hook.sh EPHEMERA_BIN SOURCE_DIR
set -euo pipefail
bin=$(realpath "$1")
src=$(realpath "$2")

if ! command -v pre-commit >/dev/null 2>&1; then
  echo "pre-commit-system-hook: pre-commit is not installed; run 'make bootstrap-tests' (scripts/bootstrap installs it)"
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME=$tmp/home PRE_COMMIT_HOME=$tmp/pre-commit-cache GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.com GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.com
unset EPHEMERA_BIN
mkdir -p "$HOME" "$tmp/path"
git config --global init.defaultBranch main
# `ephemera` on PATH is this build, as an installed binary would be.
ln -s "$bin" "$tmp/path/ephemera"
export PATH=$tmp/path:$PATH

fail() {
  echo "pre-commit-system-hook: FAILED: $*"
  exit 1
}

project=$tmp/project
mkdir -p "$project"
cd "$project"
git init -q
# The README's `repo: local` snippet, verbatim: the yaml block of the pre-commit section with `language: system`.
python3 - "$src/README.md" > .pre-commit-config.yaml <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
section = text.split("\n## pre-commit\n", 1)[1].split("\n## ", 1)[0]
blocks = [b for b in re.findall(r"```yaml\n(.*?)```", section, re.S) if "language: system" in b]
if not blocks:
    sys.exit("README.md: no `language: system` yaml block in the pre-commit section")
sys.stdout.write(blocks[0])
PY
grep -q "entry: ephemera" .pre-commit-config.yaml || fail "the README's hook does not run ephemera"
pre-commit install >/dev/null

# A root module passes a value from its terraform.tfvars to a function in a local module.
cp -R "$src/tests/data/module-with-tfvars/." .
git add -A
git commit -qm "clean project" >"$tmp/out1" 2>&1 || { cat "$tmp/out1"; fail "the clean commit was blocked"; }
grep -q "ephemera" "$tmp/out1" || { cat "$tmp/out1"; fail "the hook did not run on the clean commit"; }
echo "ok: a clean commit goes through the README's hook"

# Only the .tfvars file changes, and puts a secret into the function.
printf 'db_password = "Zq8vN2pL5wXr-prod-7f3a"\n' > envs/prod/terraform.tfvars
git add envs/prod/terraform.tfvars
if git commit -qm "rotate the password" >"$tmp/out2" 2>&1; then
  cat "$tmp/out2"
  fail "the commit that puts a secret into a function through terraform.tfvars went through"
fi
grep -q "EPH301" "$tmp/out2" || { cat "$tmp/out2"; fail "the hook output does not name EPH301"; }
grep -q "envs/prod/terraform.tfvars:1:" "$tmp/out2" || { cat "$tmp/out2"; fail "the finding is not located in the .tfvars file"; }
grep -q "1 finding" "$tmp/out2" || { cat "$tmp/out2"; fail "the summary does not count the finding"; }
lines=$(wc -l <"$tmp/out2")
[ "$lines" -le 40 ] || { cat "$tmp/out2"; fail "the hook printed $lines lines"; }
echo "ok: a commit changing only terraform.tfvars is blocked by EPH301 ($lines lines of output)"
sed -n '1,20p' "$tmp/out2"

# Back to the parameter name: the commit goes through.
printf 'db_password = "/app/prod/db-password-v2"\n' > envs/prod/terraform.tfvars
git add envs/prod/terraform.tfvars
git commit -qm "use the parameter store" >"$tmp/out3" 2>&1 || { cat "$tmp/out3"; fail "the clean .tfvars commit was blocked"; }
echo "ok: a clean .tfvars commit goes through"
echo "pre-commit-system-hook: 3 passed, 0 failed"
