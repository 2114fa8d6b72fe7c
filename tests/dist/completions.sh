#!/usr/bin/env bash
# The shell completions and the man page against the real CLI: the options each command's
# --help prints are exactly those bash and fish complete (asked through their own completion
# machinery), all appear in the zsh completion and the man page; the formats and severities
# offered are those --help documents and the binary accepts; rule names come from the binary.
# usage: completions.sh EPHEMERA SOURCE_DIR
set -uo pipefail
bin=$(realpath "$1")
source_dir=$2
bash_file=$source_dir/packaging/completions/ephemera.bash
zsh_file=$source_dir/packaging/completions/_ephemera
fish_file=$source_dir/packaging/completions/ephemera.fish
man_page=$source_dir/packaging/ephemera.1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/bin" && ln -s "$bin" "$tmp/bin/ephemera"
export PATH="$tmp/bin:$PATH"
failed=0
fail() { echo "FAIL: $*"; failed=1; }
sorted() { tr ' ' '\n' | grep -v '^$' | sort -u | tr '\n' ' '; }

help_flags() { ephemera "$@" --help 2>&1 | grep -oE -- '--[a-z][a-z-]*' | sort -u | tr '\n' ' '; }
bash_complete() {  # bash_complete WORD...: what bash's completion offers for the last word
  bash --norc --noprofile -c '
    source "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
    _ephemera 2>/dev/null
    printf "%s\n" "${COMPREPLY[@]}"' _ "$bash_file" "$bin" "${@:2}" | sort -u | tr '\n' ' '
}
fish_complete() { fish --no-config -c "source '$fish_file'; complete -C '$*'" | cut -f1 | sort -u | tr '\n' ' '; }

man_text=$(groff -man -Tascii -P-cbou "$man_page" 2>/dev/null)
warnings=$(groff -man -Tascii -ww -z "$man_page" 2>&1)
[ -z "$warnings" ] || fail "groff warnings in ephemera.1: $warnings"
zsh -n "$zsh_file" || fail "zsh -n $zsh_file"
fish --no-config -n "$fish_file" || fail "fish -n $fish_file"
bash -n "$bash_file" || fail "bash -n $bash_file"

# Commands: those `ephemera --help` lists.
commands=$(ephemera --help | sed -n '/^commands:/,/^$/p' | sed -n 's/^  \([a-z][a-z]*\) .*/\1/p' | sorted)
[ -n "$commands" ] || fail "no commands found in ephemera --help"
for c in $commands; do
  [[ " $(bash_complete ephemera '') " == *" $c "* ]] || fail "bash does not complete the command $c"
  [[ " $(fish_complete ephemera '') " == *" $c "* ]] || fail "fish does not complete the command $c"
  grep -q "'$c:" "$zsh_file" || fail "zsh does not complete the command $c"
  grep -qE "^ +$c( |$)" <<< "$man_text" || grep -qE "ephemera $c" <<< "$man_text" || fail "the man page does not describe $c"
done
for flag in $(help_flags); do
  grep -qF -- "$flag" <<< "$man_text" || fail "the man page lacks $flag (ephemera --help)"
done

# Options of each command, both ways for bash and fish.
for c in $commands; do
  expected=$(echo "$(help_flags "$c") --help" | sorted)
  got=$(bash_complete ephemera "$c" --)
  [ "$got" = "$expected" ] || fail "bash completes '$got' for 'ephemera $c --', ephemera $c --help has '$expected'"
  got=$(fish_complete ephemera "$c" --)
  [ "$got" = "$expected" ] || fail "fish completes '$got' for 'ephemera $c --', ephemera $c --help has '$expected'"
  for flag in $expected; do
    grep -qF -- "'$flag[" "$zsh_file" || grep -qF -- "'*$flag[" "$zsh_file" || grep -qF -- ")$flag[" "$zsh_file" ||
      fail "zsh lacks $flag of ephemera $c"
    grep -qF -- "$flag" <<< "$man_text" || fail "the man page lacks $flag of ephemera $c"
  done
done

# Values: the formats --help documents that the binary accepts.
empty=$tmp/empty && mkdir "$empty"
accepted() {  # accepted OPTION WORD...: the words `ephemera scan OPTION WORD` accepts
  local option=$1 w; shift
  for w in "$@"; do
    ephemera scan "$empty" "$option" "$w" --output /dev/null >/dev/null 2>&1
    [ $? -ne 2 ] && echo "$w"
  done | sorted
}
format_help=$(ephemera scan --help | sed -n '/^  --format/,/^  --[a-z]/p' | sed '$d')
formats=$(accepted --format $(grep -oE '\b[a-z]+\b' <<< "$format_help" | sort -u))
# The severities: those the binary names when it rejects one, and accepts (--fail-on also takes none).
severities=$(accepted --severity $(ephemera scan "$empty" --severity unknown-severity 2>&1 | grep -oE '\b[a-z]+\b' | sort -u))
fail_on=$(accepted --fail-on $(ephemera scan "$empty" --fail-on unknown-severity 2>&1 | grep -oE '\b[a-z]+\b' | sort -u))
[ -n "$formats" ] && [ -n "$severities" ] || fail "no formats or severities found in ephemera scan --help"
[ "$fail_on" = "$(echo "$severities none" | sorted)" ] || fail "--fail-on accepts '$fail_on', expected the severities and none"
for option in --format:"$formats" --fail-on:"$fail_on" --severity:"$severities"; do
  name=${option%%:*} values=${option#*:}
  got=$(bash_complete ephemera scan "$name" '')
  [ "$got" = "$values" ] || fail "bash completes '$got' after scan $name, expected '$values'"
  got=$(fish_complete ephemera scan "$name" '')
  [ "$got" = "$values" ] || fail "fish completes '$got' after scan $name, expected '$values'"
done
zsh_formats=$(sed -n "s/.*'\*--format\[[^]]*\]:format:(\([^)]*\))'.*/\1/p" "$zsh_file" | sorted)
[ "$zsh_formats" = "$formats" ] || fail "zsh offers formats '$zsh_formats', expected '$formats'"
zsh_severities=$(sed -n 's/.*local -a severities=(\([^)]*\)).*/\1/p' "$zsh_file" | sorted)
[ "$zsh_severities" = "$severities" ] || fail "zsh offers severities '$zsh_severities', expected '$severities'"
for f in $formats; do grep -qw -- "$f" <<< "$(sed -n '/^ *--format FMT/,/^ *--output/p' <<< "$man_text")" || fail "the man page's --format lacks $f"; done

# Rule names come from the binary.
for shell in bash fish; do
  got=$(${shell}_complete ephemera explain EPH30)
  [[ " $got " == *" EPH301 "* && " $got " == *" EPH302 "* ]] || fail "$shell completes '$got' for 'explain EPH30'"
  got=$(${shell}_complete ephemera explain secret-in)
  [[ " $got " == *" secret-in-env-var "* ]] || fail "$shell completes '$got' for 'explain secret-in'"
done

[ $failed -eq 0 ] && echo "dist/completions: ok"
exit $failed
