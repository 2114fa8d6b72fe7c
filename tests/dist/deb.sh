#!/usr/bin/env bash
# make deb's package: dpkg-deb --info shows sane control fields (Depends only on libc6, from
# dpkg-shlibdeps), the files land in /usr, and extracted into a temporary root (dpkg -x)
# its binary prints the version, needs only the C library and scans examples/. Then dpkg
# itself installs and removes it in a temporary root with its own, empty package database.
# usage: deb.sh BUILD_DIR SOURCE_DIR DIST_DIR
set -euo pipefail
BUILD_DIR=$1 SOURCE_DIR=$2 DIST_DIR=$3
source "$(dirname "$0")/lib.sh"
# The Debian form of our version, by packaging/debian_version.cmake itself.
script=$(mktemp)
printf 'include("%s/packaging/debian_version.cmake")\ndebian_version("${V}" out)\nmessage("${out}")\n' "$SOURCE_DIR" > "$script"
deb_version=$(cmake -DV="$version" -P "$script" 2>&1)
rm -f "$script"
arch=$(dpkg --print-architecture)
deb="$DIST_DIR/ephemera_${deb_version}_${arch}.deb"
[ -f "$deb" ] || { echo "FAIL: no $deb"; ls "$DIST_DIR"; exit 1; }

field() { dpkg-deb --field "$deb" "$1"; }
[ "$(field Package)" = ephemera ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$deb_version" ] || fail "Version: $(field Version), expected $deb_version"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture: $(field Architecture), expected $arch"
[[ $(field Depends) =~ ^libc6\ \(\>=\ 2\.[0-9]+\)$ ]] || fail "Depends: '$(field Depends)', expected libc6 only"
[[ $(field Maintainer) =~ ^[^\<]+\ \<[^@\>]+@[^\>]+\>$ ]] || fail "Maintainer: '$(field Maintainer)'"
[ "$(field Section)" = devel ] || fail "Section: $(field Section)"
[ "$(field Priority)" = optional ] || fail "Priority: $(field Priority)"
[ -n "$(field Installed-Size)" ] || fail "no Installed-Size"
[ "$(field Homepage)" = https://github.com/ephemera-iac/ephemera ] || fail "Homepage: $(field Homepage)"
description=$(field Description)
[[ $(head -n1 <<< "$description") == "static analyzer for serverless infrastructure-as-code" ]] || fail "Description: $description"
[ "$(wc -l <<< "$description")" -gt 1 ] || fail "Description has no long text"
dpkg-deb --info "$deb" >/dev/null || fail "dpkg-deb --info"

contents=$(dpkg-deb --contents "$deb" | awk '{ print $NF }')
for f in ./usr/bin/ephemera ./usr/share/man/man1/ephemera.1 ./usr/share/bash-completion/completions/ephemera \
         ./usr/share/zsh/vendor-completions/_ephemera ./usr/share/fish/vendor_completions.d/ephemera.fish \
         ./usr/share/doc/ephemera/README.md ./usr/share/doc/ephemera/LICENSE ./usr/share/doc/ephemera/CHANGELOG.md; do
  grep -qxF "$f" <<< "$contents" || fail "the package lacks $f"
done
grep -v -E '^\./usr(/|$)|^\./$' <<< "$contents" | grep -q . && fail "files outside /usr: $(grep -v -E '^\./usr(/|$)|^\./$' <<< "$contents")"

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"
[ "$(stat -c %a "$root/usr/bin/ephemera")" = 755 ] || fail "usr/bin/ephemera mode $(stat -c %a "$root/usr/bin/ephemera")"
check_version "$root/usr/bin/ephemera"
check_only_libc "$root/usr/bin/ephemera"
check_scans_like_the_build "$root/usr/bin/ephemera"

# dpkg -i and -r in a root of its own. libc6 is not in that root's database (it is on the
# host, which runs the binary), so that one dependency is forced; dpkg must name no other.
installed=$(mktemp -d)
trap 'rm -rf "$root" "$installed"' EXIT
mkdir -p "$installed/var/lib/dpkg/info" "$installed/var/lib/dpkg/updates" "$installed/var/lib/dpkg/triggers"
touch "$installed/var/lib/dpkg/status"
if dpkg --root="$installed" --force-depends --force-script-chrootless -i "$deb" >"$installed.log" 2>&1; then
  [ "$(dpkg --root="$installed" -s ephemera | sed -n 's/^Status: //p')" = "install ok installed" ] || fail "dpkg -s after dpkg -i"
  grep -o 'depends on [^;]*' "$installed.log" | grep -v '^depends on libc6 (>= 2\.[0-9]*)$' && fail "dpkg names a dependency other than libc6"
  check_version "$installed/usr/bin/ephemera"
  dpkg --root="$installed" -r ephemera >>"$installed.log" 2>&1 || fail "dpkg -r"
  [ -e "$installed/usr/bin/ephemera" ] && fail "usr/bin/ephemera left after dpkg -r"
else
  cat "$installed.log"; fail "dpkg -i $deb"
fi
rm -f "$installed.log"
finish dist/deb
