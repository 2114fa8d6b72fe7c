#!/usr/bin/env bash
# make dist's tarball: named after the version, checksum beside it, the installed tree under
# one folder (binary, man page, completions, README, LICENSE, CHANGELOG); unpacked into a
# temporary directory, its binary prints the version, needs only the C library and scans
# examples/ as the build's binary does.
# usage: tarball.sh BUILD_DIR SOURCE_DIR DIST_DIR
set -euo pipefail
BUILD_DIR=$1 SOURCE_DIR=$2 DIST_DIR=$3
source "$(dirname "$0")/lib.sh"
name="ephemera-$version-linux-$(uname -m)"
tarball="$DIST_DIR/$name.tar.gz"
[ -f "$tarball" ] || { echo "FAIL: no $tarball"; exit 1; }
(cd "$DIST_DIR" && sha256sum --check --strict --quiet "$name.tar.gz.sha256") || fail "checksum of $name.tar.gz"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tar -xzf "$tarball" -C "$tmp"
[ "$(ls "$tmp")" = "$name" ] || fail "the tarball's top folder is '$(ls "$tmp")', expected $name"
root="$tmp/$name"
for f in bin/ephemera share/man/man1/ephemera.1 share/bash-completion/completions/ephemera \
         share/zsh/site-functions/_ephemera share/fish/vendor_completions.d/ephemera.fish \
         share/doc/ephemera/README.md share/doc/ephemera/LICENSE share/doc/ephemera/CHANGELOG.md; do
  [ -f "$root/$f" ] || fail "the tarball lacks $f"
done
unexpected=$(cd "$root" && find . -type f | sed 's|^\./||' | grep -v -E '^(bin/ephemera|share/man/man1/ephemera\.1|share/bash-completion/completions/ephemera|share/zsh/site-functions/_ephemera|share/fish/vendor_completions\.d/ephemera\.fish|share/doc/ephemera/(README\.md|LICENSE|CHANGELOG\.md))$' || true)
[ -z "$unexpected" ] || fail "unexpected files in the tarball: $unexpected"
cmp -s "$root/share/doc/ephemera/LICENSE" "$SOURCE_DIR/LICENSE" || fail "LICENSE differs from the source's"
readelf -S "$root/bin/ephemera" | grep -q '\.symtab' && fail "bin/ephemera is not stripped"

check_version "$root/bin/ephemera"
check_only_libc "$root/bin/ephemera"
check_scans_like_the_build "$root/bin/ephemera"
finish dist/tarball
