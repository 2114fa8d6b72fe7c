#!/usr/bin/env bash
# ctest vscode-vsix: packages the VS Code extension with the pinned @vscode/vsce
# (editors/vscode/package-lock.json, installed by scripts/bootstrap for `make test`) and checks
# the .vsix: what it holds, and the manifest VS Code reads from it (restricted settings in
# untrusted workspaces, activation only on infrastructure files).
# usage: package_vsix.sh SOURCE_DIR
set -euo pipefail
src=$(realpath "$1")
ext=$src/editors/vscode
if [ ! -x "$ext/node_modules/.bin/vsce" ]; then
  echo "vscode-vsix: @vscode/vsce is not installed; run 'make bootstrap-tests' (scripts/bootstrap installs it)"
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Package a copy, so that the compiled out/ and the .vsix stay out of the source tree.
mkdir "$tmp/ext"
(cd "$ext" && tar cf - --exclude=./node_modules --exclude=./out --exclude='./*.vsix' .) | tar xf - -C "$tmp/ext"
# npm reads a symlinked node_modules as foreign packages: hard links (or a copy) instead.
cp -al "$ext/node_modules" "$tmp/ext/node_modules" 2>/dev/null || cp -R "$ext/node_modules" "$tmp/ext/node_modules"
cd "$tmp/ext"
# No LICENSE inside the extension's folder: the repository's applies (package.json: "license").
if ! ./node_modules/.bin/vsce package --skip-license --out "$tmp/ephemera.vsix" </dev/null >"$tmp/vsce.log" 2>&1; then
  cat "$tmp/vsce.log"
  echo "vscode-vsix: FAILED: vsce package"
  exit 1
fi

python3 - "$tmp/ephemera.vsix" "$ext/package.json" <<'PY'
import json, re, sys, zipfile

vsix, source_manifest = sys.argv[1], sys.argv[2]
names = zipfile.ZipFile(vsix).namelist()
passed = failed = 0

def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
        print("ok:", what)
    else:
        failed += 1
        print("FAILED:", what)

for must in ["extension.vsixmanifest", "extension/package.json", "extension/out/extension.js",
             "extension/node_modules/vscode-languageclient/package.json"]:
    check(must in names, f"the vsix holds {must}")
own = [n for n in names if not n.startswith("extension/node_modules/")]
check(not any(n.endswith(".ts") or n.endswith(".map") or "/src/" in n for n in own),
      "no TypeScript sources or source maps: " + ", ".join(own))
modules = {n.split("/")[2] for n in names if n.startswith("extension/node_modules/")}
check(not modules & {"typescript", "@vscode", "@types"}, "no build-time packages: " + ", ".join(sorted(modules)))

with zipfile.ZipFile(vsix) as z:
    manifest = json.loads(z.read("extension/package.json"))
    vsixmanifest = z.read("extension.vsixmanifest").decode()
    extension_js = z.read("extension/out/extension.js").decode()
source = json.load(open(source_manifest))
check(all(manifest.get(k) == source[k] for k in ("activationEvents", "capabilities", "contributes", "main")),
      "the packaged package.json is the source's")
check(re.search(r'<Identity [^>]*Id="ephemera"[^>]*Version="%s"[^>]*Publisher="ephemera-iac"' % re.escape(manifest["version"]),
                vsixmanifest) is not None, "extension.vsixmanifest names ephemera-iac.ephemera " + manifest["version"])

# ephemera.path runs a program: an untrusted workspace must not be able to set it (or its arguments).
trust = manifest.get("capabilities", {}).get("untrustedWorkspaces", {})
restricted = trust.get("restrictedConfigurations", [])
declared = manifest["contributes"]["configuration"]["properties"]
check(trust.get("supported") == "limited", "untrusted workspaces: supported 'limited'")
check({"ephemera.path", "ephemera.args"} <= set(restricted), "restricted settings: " + ", ".join(restricted))
check(all(r in declared for r in restricted), "every restricted setting is declared")

# Activation: Terraform languages and infrastructure file patterns only, never every YAML/JSON file.
events = manifest["activationEvents"]
check("*" not in events and "onStartupFinished" not in events, "no eager activation")
check(not any(e in ("onLanguage:yaml", "onLanguage:json", "onLanguage:jsonc") for e in events),
      "not activated by any YAML or JSON file")
for e in ["onLanguage:terraform", "onLanguage:hcl", "workspaceContains:**/*.tf", "workspaceContains:**/*.tfvars",
          "workspaceContains:**/*.template", "workspaceContains:**/template.{yaml,yml,json}"]:
    check(e in events, "activated by " + e)
check(all(e.startswith(("onLanguage:", "workspaceContains:", "onCommand:")) for e in events),
      "only language and workspace-content activation events")
check("template" in extension_js and "tfvars" in extension_js, "the compiled client selects .template and .tfvars files")

print(f"vscode-vsix: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
