// Workspace-level notifications: client settings (workspace/didChangeConfiguration) and
// files changed outside the editor (workspace/didChangeWatchedFiles).
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "lsp/lsp_client.h"
#include "lsp/session_helpers.h"

using nlohmann::json;
using namespace eph::testing;

namespace {

const char* kTemplate =
    "AWSTemplateFormatVersion: \"2010-09-09\"\n"
    "Resources:\n"
    "  Worker:\n"
    "    Type: AWS::Lambda::Function\n"
    "    Properties:\n"
    "      Runtime: python3.12\n"
    "      Handler: app.handler\n"
    "      Role: arn:aws:iam::123456789012:role/worker\n"
    "      Code: {ZipFile: \"x\"}\n";

std::vector<std::string> codes(const json& publish) {
  std::vector<std::string> out;
  for (const auto& d : publish["params"]["diagnostics"]) out.push_back(d["code"]);
  return out;
}

}  // namespace

TEST_CASE("client settings re-analyse open documents: disabled rules and a severity floor") {
  ScratchDir dir("settings");
  dir.write("stack/template.yaml", kTemplate);
  std::string uri = dir.uri("stack/template.yaml");
  LspClient client({EPHEMERA_BINARY, "lsp"});
  json init = initialize_params(dir);
  init["initializationOptions"] = {{"disabledRules", {"EPH401"}}};
  REQUIRE(client.response(client.request("initialize", init)));
  client.notify("initialized", json::object());
  client.notify("textDocument/didOpen",
                {{"textDocument", {{"uri", uri}, {"languageId", "yaml"}, {"version", 1}, {"text", kTemplate}}}});
  auto m = client.diagnostics(uri);
  REQUIRE(m);
  CHECK(codes(*m).empty());  // EPH401 disabled from the start

  client.notify("workspace/didChangeConfiguration", {{"settings", {{"ephemera", {{"disabledRules", json::array()}}}}}});
  m = client.diagnostics(uri);
  REQUIRE(m);
  CHECK(codes(*m) == std::vector<std::string>{"EPH401"});

  // The EPH401 here is below `critical`: a severity floor hides it.
  client.notify("workspace/didChangeConfiguration", {{"settings", {{"ephemera", {{"minSeverity", "critical"}}}}}});
  m = client.diagnostics(uri);
  REQUIRE(m);
  CHECK(codes(*m).empty());

  // A mistyped setting is reported and ignored.
  client.notify("workspace/didChangeConfiguration", {{"settings", {{"ephemera", {{"minSeverity", 3}}}}}});
  auto log = client.wait_for([](const json& msg) { return msg.value("method", "") == "window/logMessage"; });
  REQUIRE(log);
  CHECK((*log)["params"]["message"].get<std::string>().find("minSeverity") != std::string::npos);
  m = client.diagnostics(uri);
  REQUIRE(m);
  CHECK(codes(*m) == std::vector<std::string>{"EPH401"});

  client.request("shutdown", nullptr);
  client.notify("exit", nullptr);
  CHECK(client.wait_exit() == 0);
}

TEST_CASE("a module file changed on disk (not open) is re-read when the client reports it") {
  ScratchDir dir("watched");
  dir.write("mod/main.tf", "locals {}\n");
  dir.write("mod/other.tf", "locals {}\n");
  std::string main_uri = dir.uri("mod/main.tf"), other_uri = dir.uri("mod/other.tf");
  LspClient client({EPHEMERA_BINARY, "lsp"});
  REQUIRE(client.response(client.request("initialize", initialize_params(dir))));
  client.notify("initialized", json::object());
  client.notify("textDocument/didOpen",
                {{"textDocument", {{"uri", main_uri}, {"languageId", "terraform"}, {"version", 1}, {"text", "locals {}\n"}}}});
  REQUIRE(client.diagnostics(main_uri));

  // other.tf becomes binary on disk (a bad checkout): EPH000 on it once the change is reported.
  dir.write("mod/other.tf", std::string("locals {}\n\0", 11));
  client.notify("workspace/didChangeWatchedFiles", {{"changes", json::array({{{"uri", other_uri}, {"type", 2}}})}});
  auto m = client.diagnostics(other_uri);
  REQUIRE(m);
  CHECK(codes(*m) == std::vector<std::string>{"EPH000"});

  // Deleted: its diagnostics go away with it.
  std::filesystem::remove(dir.path() + "/mod/other.tf");
  client.notify("workspace/didChangeWatchedFiles", {{"changes", json::array({{{"uri", other_uri}, {"type", 3}}})}});
  m = client.diagnostics(other_uri);
  REQUIRE(m);
  CHECK(codes(*m).empty());

  client.request("shutdown", nullptr);
  client.notify("exit", nullptr);
  CHECK(client.wait_exit() == 0);
}

TEST_CASE("a client that can watch files is asked to, after initialized") {
  ScratchDir dir("register");
  LspClient client({EPHEMERA_BINARY, "lsp"});
  json init = initialize_params(dir);
  init["capabilities"]["workspace"] = {{"didChangeWatchedFiles", {{"dynamicRegistration", true}}}};
  REQUIRE(client.response(client.request("initialize", init)));
  client.notify("initialized", json::object());
  auto reg = client.next();
  REQUIRE(reg);
  CHECK((*reg)["method"] == "client/registerCapability");
  const json& registration = (*reg)["params"]["registrations"][0];
  CHECK(registration["method"] == "workspace/didChangeWatchedFiles");
  // One pattern per source format (formats/registry.cpp) and the configuration file.
  std::set<std::string> globs;
  for (const auto& w : registration["registerOptions"]["watchers"]) globs.insert(w["globPattern"].get<std::string>());
  CHECK(globs.count("**/.ephemera.yaml"));
  CHECK(globs.count("**/*.{tf,tf.json,tfvars,tfvars.json}"));
  CHECK(globs.count("**/*.{yaml,yml,json,template}"));
  CHECK(globs.count("**/serverless.{yml,yaml,json}"));
  client.send({{"jsonrpc", "2.0"}, {"id", (*reg)["id"]}, {"result", nullptr}});  // the client's answer
  client.request("shutdown", nullptr);
  client.notify("exit", nullptr);
  CHECK(client.wait_exit() == 0);
}

TEST_CASE(".ephemera.yaml applies, its unsaved edits too, and its errors are shown in it") {
  ScratchDir dir("config");
  dir.write(".ephemera.yaml", "rules:\n  EPH401: off\n");
  dir.write("stack/template.yaml", kTemplate);
  std::string uri = dir.uri("stack/template.yaml"), config_uri = dir.uri(".ephemera.yaml");
  LspClient client({EPHEMERA_BINARY, "lsp"});
  REQUIRE(client.response(client.request("initialize", initialize_params(dir))));
  client.notify("initialized", json::object());
  client.notify("textDocument/didOpen",
                {{"textDocument", {{"uri", uri}, {"languageId", "yaml"}, {"version", 1}, {"text", kTemplate}}}});
  auto m = client.diagnostics(uri);
  REQUIRE(m);
  CHECK(codes(*m).empty());  // EPH401 is off in the workspace configuration

  auto edit_config = [&](int version, const std::string& text) {
    client.notify("textDocument/didChange", {{"textDocument", {{"uri", config_uri}, {"version", version}}},
                                             {"contentChanges", json::array({{{"text", text}}})}});
  };
  client.notify("textDocument/didOpen", {{"textDocument", {{"uri", config_uri}, {"languageId", "yaml"}, {"version", 1},
                                                           {"text", "rules:\n  EPH401: off\n"}}}});
  m = client.diagnostics(uri);
  REQUIRE(m);
  CHECK(codes(*m).empty());
  edit_config(2, "rules:\n  EPH401: on\n");  // unsaved: the buffer wins over the disk
  m = client.diagnostics(uri);
  REQUIRE(m);
  CHECK(codes(*m) == std::vector<std::string>{"EPH401"});

  edit_config(3, "rules:\n  EPH401: off\n  EPH999: off\n");
  auto errors = client.diagnostics(config_uri);
  REQUIRE(errors);
  CHECK((*errors)["params"]["version"] == 3);
  REQUIRE((*errors)["params"]["diagnostics"].size() == 1);
  const json& e = (*errors)["params"]["diagnostics"][0];
  CHECK(e["code"] == "config");
  CHECK(e["range"]["start"] == position(2, 2));
  CHECK(e["message"].get<std::string>().find("EPH999") != std::string::npos);
  m = client.diagnostics(uri);  // a broken file is not half-applied: defaults meanwhile
  REQUIRE(m);
  CHECK(codes(*m) == std::vector<std::string>{"EPH401"});

  edit_config(4, "rules:\n  EPH401: off\n");
  errors = client.diagnostics(config_uri);
  REQUIRE(errors);
  CHECK((*errors)["params"]["diagnostics"].empty());
  m = client.diagnostics(uri);
  REQUIRE(m);
  CHECK(codes(*m).empty());

  client.request("shutdown", nullptr);
  client.notify("exit", nullptr);
  CHECK(client.wait_exit() == 0);
}

TEST_CASE("files excluded by .ephemera.yaml get no diagnostics, alone or as part of a module") {
  ScratchDir dir("exclude");
  std::string config = "exclude:\n  - legacy\n  - \"**/generated.tf\"\n";
  dir.write(".ephemera.yaml", config);
  dir.write("legacy/template.yaml", kTemplate);
  dir.write("stack/template.yaml", kTemplate);
  const char* function_tf =
      "resource \"aws_lambda_function\" \"worker\" {\n"
      "  function_name = \"worker\"\n"
      "  role          = \"arn:aws:iam::123456789012:role/worker\"\n"
      "  handler       = \"app.handler\"\n"
      "  runtime       = \"python3.12\"\n"
      "  filename      = \"worker.zip\"\n"
      "}\n";
  const char* main_tf = "locals {\n  name = \"worker\"\n}\n";
  dir.write("module/generated.tf", function_tf);
  dir.write("module/main.tf", main_tf);
  std::string legacy = dir.uri("legacy/template.yaml"), stack = dir.uri("stack/template.yaml"),
              main_uri = dir.uri("module/main.tf"), generated = dir.uri("module/generated.tf");
  LspClient client({EPHEMERA_BINARY, "lsp"});
  REQUIRE(client.response(client.request("initialize", initialize_params(dir))));
  client.notify("initialized", json::object());
  auto open = [&](const std::string& uri, const std::string& language, const std::string& text) {
    client.notify("textDocument/didOpen",
                  {{"textDocument", {{"uri", uri}, {"languageId", language}, {"version", 1}, {"text", text}}}});
  };

  open(stack, "yaml", kTemplate);
  auto m = client.diagnostics(stack);
  REQUIRE(m);
  CHECK(codes(*m) == std::vector<std::string>{"EPH401"});
  open(legacy, "yaml", kTemplate);
  m = client.diagnostics(legacy);
  REQUIRE(m);
  CHECK(codes(*m).empty());  // under an excluded directory

  // The module is analysed without its excluded file: the function in it is not seen.
  open(main_uri, "terraform", main_tf);
  m = client.diagnostics(main_uri);
  REQUIRE(m);
  CHECK(codes(*m).empty());
  for (const auto& msg : client.backlog()) {
    bool about_generated = msg.value("method", "") == "textDocument/publishDiagnostics" && msg["params"]["uri"] == generated;
    CHECK_FALSE((about_generated && !msg["params"]["diagnostics"].empty()));
  }

  // Without the exclusions (an unsaved edit of the configuration), both are analysed again.
  std::string config_uri = dir.uri(".ephemera.yaml");
  open(config_uri, "yaml", config);
  client.notify("textDocument/didChange", {{"textDocument", {{"uri", config_uri}, {"version", 2}}},
                                           {"contentChanges", json::array({{{"text", "exclude: []\n"}}})}});
  m = client.wait_for([&](const json& msg) {
    return msg.value("method", "") == "textDocument/publishDiagnostics" && msg["params"]["uri"] == legacy &&
           !msg["params"]["diagnostics"].empty();
  });
  REQUIRE(m);
  CHECK(codes(*m) == std::vector<std::string>{"EPH401"});
  m = client.wait_for([&](const json& msg) {
    return msg.value("method", "") == "textDocument/publishDiagnostics" && msg["params"]["uri"] == generated &&
           !msg["params"]["diagnostics"].empty();
  });
  REQUIRE(m);
  CHECK(codes(*m) == std::vector<std::string>{"EPH401"});

  client.request("shutdown", nullptr);
  client.notify("exit", nullptr);
  CHECK(client.wait_exit() == 0);
}

TEST_CASE("custom rules apply in the editor; a broken rule file stops only itself; editing one re-analyses") {
  ScratchDir dir("custom-rules");
  dir.write(".ephemera.yaml", "custom-rules: [policies]\nrules:\n  EPH401: off\n");
  const std::string rule =
      "id: ACME1\nslug: acme-runtime\ntitle: Runtime policy\nseverity: high\n"
      "docs: {what: w, why: y, fix: f}\nmatch: function\nwhere:\n  - field: runtime\n    equals: python3.12\n"
      "message: '{address} runs {runtime}'\n";
  dir.write("policies/runtime.rule.yaml", rule);
  dir.write("policies/broken.rule.yaml", "id: ACME2\nslug: broken\ntitle: Broken\nseverity: low\n"
                                         "docs: {what: w, why: y, fix: f}\nmatch: lambda\nmessage: m\n");
  dir.write("stack/template.yaml", kTemplate);
  std::string uri = dir.uri("stack/template.yaml"), rule_uri = dir.uri("policies/runtime.rule.yaml");
  std::string broken_uri = dir.uri("policies/broken.rule.yaml");
  LspClient client({EPHEMERA_BINARY, "lsp"});
  REQUIRE(client.response(client.request("initialize", initialize_params(dir))));
  client.notify("initialized", json::object());
  client.notify("textDocument/didOpen",
                {{"textDocument", {{"uri", uri}, {"languageId", "yaml"}, {"version", 1}, {"text", kTemplate}}}});
  auto broken = client.diagnostics(broken_uri);
  REQUIRE(broken);
  REQUIRE((*broken)["params"]["diagnostics"].size() == 1);
  CHECK((*broken)["params"]["diagnostics"][0]["code"] == "custom-rule");
  CHECK((*broken)["params"]["diagnostics"][0]["range"]["start"] == position(5, 7));
  auto m = client.diagnostics(uri);
  REQUIRE(m);
  CHECK(codes(*m) == std::vector<std::string>{"ACME1"});  // the other rule runs
  CHECK((*m)["params"]["diagnostics"][0]["range"]["start"] == position(5, 15));

  // An unsaved edit of the rule file applies at once.
  client.notify("textDocument/didOpen", {{"textDocument", {{"uri", rule_uri}, {"languageId", "yaml"}, {"version", 1},
                                                           {"text", rule}}}});
  m = client.diagnostics(uri);
  REQUIRE(m);
  std::string edited = rule;
  edited.replace(edited.find("python3.12"), 10, "python3.8");
  client.notify("textDocument/didChange", {{"textDocument", {{"uri", rule_uri}, {"version", 2}}},
                                           {"contentChanges", json::array({{{"text", edited}}})}});
  m = client.diagnostics(uri);
  REQUIRE(m);
  CHECK(codes(*m).empty());

  client.request("shutdown", nullptr);
  client.notify("exit", nullptr);
  CHECK(client.wait_exit() == 0);
}
