#!/bin/sh
# End-to-end with the real Neovim (Debian's `neovim`): headless, the configuration in
# editors/neovim, a CloudFormation fixture; checks the diagnostics, code actions and hover
# the editor received. Exit 77 (skipped) when nvim is not installed.
set -eu
binary=$1
source=$2
command -v nvim >/dev/null 2>&1 || { echo "nvim not installed: skipped (make bootstrap-tests installs it)"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Root detection: the nearest marker wins, here the project's .git over the .ephemera.yaml above it.
mkdir -p "$work/project/.git" "$work/project/stacks"
printf 'fail-on: low\n' > "$work/.ephemera.yaml"
fixture=$work/project/stacks/template.yaml
cp "$source/tests/lsp/fixtures/neovim/template.yaml" "$fixture"
out="$work/received.txt"
EPH_SOURCE=$source EPH_BINARY=$binary EPH_FIXTURE="$fixture" EPH_OUT=$out \
  timeout 60 nvim --headless --clean -n -i NONE -c "luafile $source/tests/lsp/neovim_e2e.lua" >"$work/nvim.log" 2>&1 || true
echo "--- received by Neovim:"
cat "$out" 2>/dev/null || { echo "no output"; cat "$work/nvim.log"; exit 1; }
expect() {
  grep -qF -- "$1" "$out" || { echo "missing: $1"; exit 1; }
}
expect "diagnostic 3:3 EPH401 ephemera severity="   # at the logical id, from the source "ephemera"
expect "action Suppress EPH401 here (ephemera:ignore with a reason)"
expect "hover **EPH401** Lambda function 'Fn'"
expect "root $(cd "$work/project" && pwd -P)"
[ "$(grep -c '^diagnostic' "$out")" = 1 ] || { echo "expected exactly one diagnostic"; exit 1; }
echo "ok"
