// One configuration resolution for CI and the editor: in a tree with two .ephemera.yaml
// files, `ephemera scan` of the whole tree and the language server on each document apply
// the same file to each unit (the nearest above the unit's directory).
#include <doctest/doctest.h>

#include <cstdio>
#include <map>
#include <set>

#include "lsp/lsp_client.h"
#include "lsp/session_helpers.h"

using nlohmann::json;
using namespace eph::testing;

namespace {

// A function with no concurrency ceiling (EPH401) and a literal secret (EPH301).
const char* kTemplate =
    "AWSTemplateFormatVersion: \"2010-09-09\"\n"
    "Resources:\n"
    "  Worker:\n"
    "    Type: AWS::Lambda::Function\n"
    "    Properties:\n"
    "      Runtime: python3.12\n"
    "      Handler: app.handler\n"
    "      Role: arn:aws:iam::123456789012:role/worker\n"
    "      Code: {ZipFile: \"x\"}\n"
    "      Environment:\n"
    "        Variables:\n"
    "          DB_PASSWORD: hunter2-prod-7f3a9c\n";

using Found = std::map<std::string, std::set<std::string>>;  // relative path -> "RULE severity"

Found scan_with_cli(const ScratchDir& dir) {
  std::string command = std::string("cd '") + dir.path() + "' && '" + EPHEMERA_BINARY + "' scan . --format json";
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe);
  std::string out;
  char buffer[4096];
  for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  pclose(pipe);
  INFO("ephemera scan printed: " << out);
  Found found;
  json report = json::parse(out);
  for (const auto& f : report["findings"]) {
    std::string file = f["file"];
    if (file.rfind("./", 0) == 0) file = file.substr(2);
    found[file].insert(f["rule"].get<std::string>() + " " + f["severity"].get<std::string>());
  }
  return found;
}

std::string lsp_severity(int level) {
  // finding_conversion.cpp: critical and high are errors, medium warnings, low information, info hints.
  switch (level) {
    case 1: return "error";
    case 2: return "warning";
    case 3: return "information";
    default: return "hint";
  }
}

std::string cli_to_lsp(const std::string& rule_and_severity) {
  size_t space = rule_and_severity.find(' ');
  std::string severity = rule_and_severity.substr(space + 1);
  std::string level = severity == "critical" || severity == "high" ? "error"
                      : severity == "medium"                       ? "warning"
                      : severity == "low"                          ? "information"
                                                                   : "hint";
  return rule_and_severity.substr(0, space) + " " + level;
}

}  // namespace

TEST_CASE("CLI and LSP apply the same .ephemera.yaml to each unit of a tree with two") {
  ScratchDir dir("two-configs");
  // The root's file turns EPH401 off; the team's, nearer its templates, turns EPH301 off and
  // raises EPH401 (the nearest file applies alone: EPH401 is on there).
  dir.write(".ephemera.yaml", "rules:\n  EPH401: off\n");
  dir.write("team/.ephemera.yaml", "rules:\n  EPH301: off\n  EPH401:\n    severity: high\n");
  const std::vector<std::string> templates = {"app/template.yaml", "team/svc/template.yaml", "team/template.yaml"};
  for (const auto& t : templates) dir.write(t, kTemplate);

  Found cli = scan_with_cli(dir);
  REQUIRE(cli.size() == 3);
  CHECK(cli["app/template.yaml"] == std::set<std::string>{"EPH301 critical"});
  CHECK(cli["team/svc/template.yaml"] == std::set<std::string>{"EPH401 high"});
  CHECK(cli["team/template.yaml"] == std::set<std::string>{"EPH401 high"});

  LspClient client({EPHEMERA_BINARY, "lsp"});
  REQUIRE(client.response(client.request("initialize", initialize_params(dir))));
  client.notify("initialized", json::object());
  for (const auto& t : templates) {
    CAPTURE(t);
    std::string uri = dir.uri(t);
    client.notify("textDocument/didOpen",
                  {{"textDocument", {{"uri", uri}, {"languageId", "yaml"}, {"version", 1}, {"text", kTemplate}}}});
    auto m = client.diagnostics(uri);
    REQUIRE(m);
    std::set<std::string> editor, expected;
    for (const auto& d : (*m)["params"]["diagnostics"])
      editor.insert(d["code"].get<std::string>() + " " + lsp_severity(d["severity"].get<int>()));
    for (const auto& f : cli[t]) expected.insert(cli_to_lsp(f));
    CHECK(editor == expected);
  }
}
