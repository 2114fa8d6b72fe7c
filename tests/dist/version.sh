#!/usr/bin/env bash
# cmake/version.cmake on throwaway repositories (no git, no tag, a tag, commits after it,
# uncommitted changes) and packaging/debian_version.cmake on each result; and no rewrite of
# version.cpp when the version has not changed (a rebuild recompiles nothing).
# usage: version.sh SOURCE_DIR
set -euo pipefail
source_dir=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
describe() {  # prints the version cmake/version.cmake writes for checkout $1
  cmake -DSOURCE_DIR="$1" -DFALLBACK=0.1.0 -DOUT_CPP="$tmp/version.cpp" -DOUT_TXT="$tmp/version.txt" \
        -P "$source_dir/cmake/version.cmake"
  cat "$tmp/version.txt"
}
debian() {
  printf 'include("%s/packaging/debian_version.cmake")\ndebian_version("${V}" out)\nmessage("${out}")\n' "$source_dir" > "$tmp/deb.cmake"
  cmake -DV="$1" -P "$tmp/deb.cmake" 2>&1
}
expect() {  # expect WHAT ACTUAL_VERSION REGEX DEBIAN_REGEX
  local deb
  deb=$(debian "$2")
  [[ $2 =~ ^$3$ ]] || { echo "FAIL: $1: version '$2' does not match $3"; failed=1; }
  [[ $deb =~ ^$4$ ]] || { echo "FAIL: $1: Debian version '$deb' does not match $4"; failed=1; }
  # SemVer 2.0 (SARIF's semanticVersion): MAJOR.MINOR.PATCH[-pre][+build]
  [[ $2 =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$ ]] || { echo "FAIL: $1: '$2' is not SemVer"; failed=1; }
  dpkg --compare-versions "$deb" gt 0 2>/dev/null || { echo "FAIL: $1: dpkg rejects '$deb'"; failed=1; }
}

repo=$tmp/repo
mkdir -p "$repo"
expect "no git" "$(describe "$repo")" '0\.1\.0' '0\.1\.0'
git -C "$repo" init -q
git -C "$repo" -c user.name=t -c user.email=t@t commit -q --allow-empty -m one
hash=$(git -C "$repo" rev-parse --short=12 HEAD)
expect "no tag" "$(describe "$repo")" "0\.1\.0\+g$hash" "0\.1\.0\+g$hash"
echo x > "$repo/file" && git -C "$repo" add file
expect "no tag, uncommitted" "$(describe "$repo")" "0\.1\.0\+g$hash\.dirty" "0\.1\.0\+g$hash\.dirty"
git -C "$repo" -c user.name=t -c user.email=t@t commit -q -m two
git -C "$repo" tag v1.2.3
expect "tag" "$(describe "$repo")" '1\.2\.3' '1\.2\.3'
git -C "$repo" -c user.name=t -c user.email=t@t commit -q --allow-empty -m three
expect "after the tag" "$(describe "$repo")" '1\.2\.3-1-g[0-9a-f]{12}' '1\.2\.3\+1\.g[0-9a-f]{12}'
echo y > "$repo/file"
expect "after the tag, uncommitted" "$(describe "$repo")" '1\.2\.3-1-g[0-9a-f]{12}-dirty' '1\.2\.3\+1\.g[0-9a-f]{12}\.dirty'
dpkg --compare-versions "$(debian "$(describe "$repo")")" gt 1.2.3 || { echo "FAIL: a build after v1.2.3 does not sort after it"; failed=1; }

# Unchanged version: version.cpp is not rewritten (its mtime stays), so nothing recompiles.
touch -d '2000-01-01' "$tmp/version.cpp"
describe "$repo" >/dev/null
[ "$(stat -c %Y "$tmp/version.cpp")" = "$(date -d 2000-01-01 +%s)" ] || { echo "FAIL: version.cpp rewritten with the same version"; failed=1; }
grep -q "return \"$(cat "$tmp/version.txt")\";" "$tmp/version.cpp" || { echo "FAIL: version.cpp does not return the version"; failed=1; }
[ $failed -eq 0 ] && echo "dist/version: ok"
exit $failed
