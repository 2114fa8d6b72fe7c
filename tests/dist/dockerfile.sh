#!/usr/bin/env bash
# The Dockerfile, without a Docker daemon (CI has none): parsed and validated by the Docker
# language server's libraries (dockerfile/check.js, pinned by its package-lock.json); a
# debian:12 builder stage that runs the project's own build and installs with cmake --install,
# whose prefix is where the final debian:12-slim stage copies the binary from; that install
# command, run on this build, yields a binary that needs only the C library (which
# debian:12-slim has); the build context leaves out build trees.
# usage: dockerfile.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
BUILD_DIR=$1 SOURCE_DIR=$2 DIST_DIR=
source "$(dirname "$0")/lib.sh"
check_dir=$(dirname "$(realpath "$0")")/dockerfile
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
node "$check_dir/check.js" "$SOURCE_DIR/Dockerfile" > "$tmp/stages.json" || fail "the Dockerfile has diagnostics (above)"

# The install prefix of the builder's RUN, and the path the final stage copies.
read -r prefix copied entrypoint <<< "$(python3 - "$tmp/stages.json" <<'PY'
import json, re, shlex, sys
stages = json.load(open(sys.argv[1]))
assert len(stages) == 2, f"{len(stages)} stages, expected a builder and a final stage"
build, final = stages
assert build["image"] == "debian:12" and build["name"], f"builder: {build['image']} AS {build['name']}"
assert final["image"] == "debian:12-slim", f"final stage: {final['image']}"
runs = " && ".join(i["text"] for i in build["instructions"] if i["keyword"] == "RUN")
assert re.search(r"\bmake build\b", runs), "the builder does not run make build (the project's bootstrap and build)"
install = re.search(r"cmake --install (\S+) --prefix (\S+)", runs)
assert install, "the builder does not run cmake --install"
build_dir = re.search(r"BUILD_DIR=(\S+)", runs)
assert build_dir and build_dir.group(1) == install.group(1), "cmake --install does not install make build's tree"
copies = [i for i in final["instructions"] if i["keyword"] == "COPY"]
assert len(copies) == 1 and copies[0]["from"] == build["name"], f"final stage copies: {copies}"
source, target = copies[0]["arguments"]
entry = json.loads([i for i in final["instructions"] if i["keyword"] == "ENTRYPOINT"][0]["text"])
assert entry == [target.rsplit("/", 1)[1]] and target.rsplit("/", 1)[0] in ("/usr/local/bin", "/usr/bin"), \
    f"ENTRYPOINT {entry} does not run {target} from the PATH"
print(install.group(2), source, entry[0])
PY
)" || fail "the Dockerfile's stages"

# The builder's install command on this build: the file the final stage copies exists and
# needs only the C library.
if [ -n "${prefix:-}" ]; then
  cmake --install "$BUILD_DIR" --prefix "$tmp/prefix" --strip >/dev/null
  binary=$tmp/prefix/${copied#"$prefix"/}
  [ -x "$binary" ] || fail "cmake --install --prefix $prefix does not make $copied"
  [ -x "$binary" ] && check_only_libc "$binary" && check_version "$binary"
fi

# The build context: build trees and npm installs are left out, the sources are not.
for ignored in build/ dist/ grammars/node_modules/; do
  grep -qxF "$ignored" "$SOURCE_DIR/.dockerignore" || fail ".dockerignore does not leave out $ignored"
done
grep -qE '^(src|CMakeLists.txt|Makefile|scripts|\*)' "$SOURCE_DIR/.dockerignore" && fail ".dockerignore leaves out sources"
finish dist/dockerfile
