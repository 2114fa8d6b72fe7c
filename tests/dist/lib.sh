# Shared by the dist/* tests. Sourced; expects BUILD_DIR, SOURCE_DIR and DIST_DIR set.
version=$(head -n1 "$BUILD_DIR/version.txt")
reference_bin=$(realpath "$BUILD_DIR/ephemera")
failed=0
fail() { echo "FAIL: $*"; failed=1; }

# The binary needs no shared library beyond the C library: its NEEDED entries are glibc's
# (libc; libm, which glibc 2.36 still ships as its own file; the dynamic loader, which the
# static libgcc's unwinder names for _dl_find_object), and every library the loader resolves
# belongs to Debian's libc6 package.
check_only_libc() {
  local bin=$1 needed lib path
  needed=$(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
  [ -n "$needed" ] || fail "$bin: no NEEDED entries (readelf -d)"
  for lib in $needed; do
    case $lib in
      libc.so.6|libm.so.6|ld-linux-x86-64.so.2) ;;
      *) fail "$bin needs $lib (only glibc's libc.so.6, libm.so.6 and ld-linux-x86-64.so.2 are allowed)" ;;
    esac
  done
  [ -n "${libc6_files:-}" ] || libc6_files=$(dpkg-query -L libc6)
  while read -r path; do
    # dpkg lists a file by the path its package ships (/lib or /usr/lib under merged /usr).
    grep -qxF "$path" <<< "$libc6_files" || grep -qxF "$(realpath "$path")" <<< "$libc6_files" ||
      fail "$bin loads $path, which Debian's libc6 does not ship"
  done < <(ldd "$bin" | grep -o '/[^ ]*')
}

# Runs BIN on a copy of examples/ as JSON and compares the findings with the build's own
# binary: the packaged binary analyses exactly as the tested one does.
check_scans_like_the_build() {
  local bin=$1 work status expected
  work=$(mktemp -d)
  cp -R "$SOURCE_DIR/examples" "$work/examples"
  status=0
  (cd "$work" && "$bin" scan examples --format json --output packaged.json) || status=$?
  [ "$status" = 1 ] || fail "$bin scan examples: exit $status, expected 1 (findings)"
  expected=0
  (cd "$work" && "$reference_bin" scan examples --format json --output reference.json) || expected=$?
  python3 - "$work/packaged.json" "$work/reference.json" "$version" <<'PY' || fail "$bin: scan of examples/ differs from the build's"
import json, sys
packaged, reference = (json.load(open(p)) for p in sys.argv[1:3])
assert packaged["version"] == sys.argv[3], f"version {packaged['version']!r}, expected {sys.argv[3]!r}"
assert packaged["findings"], "no findings in examples/"
assert packaged["findings"] == reference["findings"], "findings differ"
assert packaged["summary"] == reference["summary"], "summaries differ"
PY
  rm -rf "$work"
}

check_version() {
  local bin=$1 printed
  printed=$("$bin" --version) || fail "$bin --version failed"
  [ "$printed" = "ephemera $version" ] || fail "$bin --version printed '$printed', expected 'ephemera $version'"
}

finish() {
  if [ $failed -ne 0 ]; then exit 1; fi
  echo "$1: ok"
}
