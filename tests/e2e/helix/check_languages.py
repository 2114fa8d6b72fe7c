"""ctest helix-languages: editors/helix/languages.toml parses as TOML and adds ephemera NEXT TO
each language's usual server (Helix replaces a language's `language-servers` list with the
one given, so the usual server must be in it, first, for hover and completion to stay its own)."""
import sys
import tomllib

usual = {"hcl": "terraform-ls", "tfvars": "terraform-ls", "yaml": "yaml-language-server",
         "json": "vscode-json-language-server"}
with open(sys.argv[1], "rb") as f:
    config = tomllib.load(f)
passed = failed = 0


def check(ok, what):
    global passed, failed
    passed, failed = passed + ok, failed + (not ok)
    print(("ok: " if ok else "FAILED: ") + what)


server = config.get("language-server", {}).get("ephemera", {})
check(server.get("command") == "ephemera" and server.get("args") == ["lsp"], "the ephemera server runs `ephemera lsp`")
languages = {lang["name"]: lang for lang in config.get("language", [])}
for name, first in usual.items():
    servers = languages.get(name, {}).get("language-servers", [])
    check(servers[:1] == [first] and "ephemera" in servers, f"{name}: {servers} keeps {first} first and adds ephemera")
print(f"helix-languages: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
