#!/usr/bin/env bash
# The commands other than scan: `explain` takes ids and slugs in any case and renders the
# options table from the declarations; `rules` links every rule to its documentation; a
# mistyped command, flag or rule gets one line with a suggestion, not the whole help.
# usage: commands.sh EPHEMERA_BIN
set -uo pipefail
bin=$1
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# expect NAME EXIT_CODE STREAM TEXT -- COMMAND...: COMMAND exits with EXIT_CODE and STREAM holds TEXT.
expect() {
  local name=$1 code=$2 stream=$3 text=$4
  shift 5
  local status=0
  "$@" >"$tmp/stdout" 2>"$tmp/stderr" || status=$?
  if [ "$status" != "$code" ]; then
    echo "$name: exit code $status, expected $code"; failed=1
  fi
  if ! grep -qF -- "$text" "$tmp/$stream"; then
    echo "$name: $stream lacks: $text"; echo "--- stdout"; cat "$tmp/stdout"; echo "--- stderr"; cat "$tmp/stderr"; failed=1
  fi
}
# lines STREAM N: the last command wrote exactly N lines to STREAM.
lines() {
  local n
  n=$(wc -l < "$tmp/$1")
  if [ "$n" != "$2" ]; then echo "expected $2 line(s) on $1, got $n:"; cat "$tmp/$1"; failed=1; fi
}

docs="https://github.com/ephemera-iac/ephemera/blob/v"

expect explain-lower 0 stdout "EPH301 secret-in-env-var (critical)" -- "$bin" explain eph301
expect explain-link 0 stdout "/rules/EPH301-secret-in-env-var/README.md" -- "$bin" explain eph301
expect explain-slug-case 0 stdout "EPH404 reserved-concurrency-over-budget" -- "$bin" explain Reserved-Concurrency-Over-Budget
expect explain-options 0 stdout '| `account-limit` | integer | 1000 | the account'"'"'s concurrent executions limit |' -- "$bin" explain EPH404
expect explain-unknown 2 stderr "ephemera explain: no rule 'EPH30'; did you mean EPH301?" -- "$bin" explain EPH30
lines stderr 1

expect rules-links 0 stdout "EPH301  critical  secret-in-env-var" -- "$bin" rules
expect rules-links 0 stdout "${docs}" -- "$bin" rules
# Every line of the catalog carries its rule's link.
if grep -vqF "/README.md" "$tmp/stdout"; then echo "rules: a line without a documentation link:"; grep -vF "/README.md" "$tmp/stdout"; failed=1; fi
expect rules-json-options 0 stdout '"name": "account-limit"' -- "$bin" rules --format json

expect command-typo 2 stderr "ephemera: unknown command 'scna'; did you mean scan?" -- "$bin" scna
lines stderr 1
expect rules-flag-typo 2 stderr "did you mean --format?" -- "$bin" rules --fromat json
lines stderr 1

cd "$tmp" && mkdir empty && cd empty
expect scan-flag-typo 2 stderr "ephemera scan: unknown option '--fial-on'; did you mean --fail-on?" -- "$bin" scan . --fial-on high
lines stderr 1
expect scan-rule-typo 2 stderr "unknown rule 'EPH30'; did you mean EPH301?" -- "$bin" scan . --rule EPH30
lines stderr 1
expect scan-format-typo 2 stderr "unknown format 'gitlba'; did you mean gitlab?" -- "$bin" scan . --format gitlba
lines stderr 1
expect scan-help-lists-new-options 0 stdout "--soft-fail" -- "$bin" scan --help
expect scan-help-gitlab 0 stdout "gitlab" -- "$bin" scan --help

[ $failed -eq 0 ] && echo "commands: ok"
exit $failed
