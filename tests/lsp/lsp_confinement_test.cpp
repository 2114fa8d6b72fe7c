// The language server reads nothing outside its workspace folders, symbolic links resolved: a
// module opened in the editor whose file() and module source are links leading out gets EPH001
// at each, never what lies behind them; links that stay inside keep working.
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <set>

#include "lsp/lsp_client.h"
#include "lsp/session_helpers.h"

using nlohmann::json;
using namespace eph::testing;

namespace {

const char* kModule =
    "resource \"aws_security_group\" \"from_file\" {\n"
    "  name   = \"from-file\"\n"
    "  vpc_id = \"vpc-1\"\n"
    "  ingress {\n"
    "    from_port   = 22\n"
    "    to_port     = 22\n"
    "    protocol    = \"tcp\"\n"
    "    cidr_blocks = [jsondecode(file(\"${path.module}/cidr.json\")).cidr]\n"
    "  }\n"
    "}\n"
    "module \"net\" {\n"
    "  source = \"./net\"\n"
    "}\n";

const char* kOpenGroup =
    "resource \"aws_security_group\" \"open\" {\n"
    "  name   = \"OUTSIDE-SECRET-7f3a\"\n"
    "  vpc_id = \"vpc-1\"\n"
    "  ingress {\n"
    "    from_port   = 22\n"
    "    to_port     = 22\n"
    "    protocol    = \"tcp\"\n"
    "    cidr_blocks = [\"0.0.0.0/0\"]\n"
    "  }\n"
    "}\n";

void link(const ScratchDir& dir, const std::string& at, const std::string& target) {
  std::filesystem::create_symlink(target, std::filesystem::path(dir.path()) / at);
}

bool is_publish(const json& msg) { return msg.value("method", "") == "textDocument/publishDiagnostics"; }

std::vector<std::string> codes(const json& publish) {
  std::vector<std::string> out;
  for (const auto& d : publish["params"]["diagnostics"]) out.push_back(d["code"]);
  return out;
}

}  // namespace

TEST_CASE("LSP: the workspace folders are the roots; links leading out of them are not read") {
  ScratchDir dir("confine");
  // ws/ is the workspace folder; outside/ is next to it, under the rootUri the client also sends.
  dir.write("outside/cidr.json", "{\"cidr\": \"0.0.0.0/0\", \"note\": \"OUTSIDE-SECRET-7f3a\"}\n");
  dir.write("outside/net/main.tf", kOpenGroup);
  dir.write("ws/bad/main.tf", kModule);
  link(dir, "ws/bad/cidr.json", "../../outside/cidr.json");
  link(dir, "ws/bad/net", "../../outside/net");
  // The same module with links that stay inside the workspace.
  dir.write("ws/shared/cidr.json", "{\"cidr\": \"0.0.0.0/0\"}\n");
  dir.write("ws/shared/net/main.tf", kOpenGroup);
  dir.write("ws/good/main.tf", kModule);
  link(dir, "ws/good/cidr.json", "../shared/cidr.json");
  link(dir, "ws/good/net", "../shared/net");

  LspClient client({EPHEMERA_BINARY, "lsp"});
  json init = initialize_params(dir);  // rootUri: the parent of ws/ and outside/
  init["workspaceFolders"] = json::array({{{"uri", dir.uri("ws")}, {"name", "ws"}}});
  REQUIRE(client.response(client.request("initialize", init)));
  client.notify("initialized", json::object());

  std::string bad = dir.uri("ws/bad/main.tf");
  client.notify("textDocument/didOpen",
                {{"textDocument", {{"uri", bad}, {"languageId", "terraform"}, {"version", 1}, {"text", kModule}}}});
  auto m = client.diagnostics(bad);
  REQUIRE(m);
  CHECK(codes(*m) == std::vector<std::string>{"EPH001", "EPH001"});
  std::string messages;
  for (const auto& d : (*m)["params"]["diagnostics"]) messages += d["message"].get<std::string>() + "\n";
  CHECK(messages.find("cidr.json\" is not read: a symbolic link") != std::string::npos);
  CHECK(messages.find("module source './net' is not read: a symbolic link") != std::string::npos);
  CHECK((*m)["params"]["diagnostics"][0]["range"]["start"]["line"] == 7);  // at the file() call
  CHECK((*m)["params"]["diagnostics"][1]["range"]["start"]["line"] == 11);  // at the module source

  std::string good = dir.uri("ws/good/main.tf");
  client.notify("textDocument/didOpen",
                {{"textDocument", {{"uri", good}, {"languageId", "terraform"}, {"version", 1}, {"text", kModule}}}});
  // Findings in the files behind the inside links: the policy of cidr.json and the child module.
  std::set<std::string> uris_with_eph103;
  for (int i = 0; i < 2; ++i) {
    auto found = client.wait_for([&](const json& msg) {
      if (!is_publish(msg)) return false;
      std::string uri = msg["params"]["uri"];
      auto c = codes(msg);
      return uri.find("/ws/good/") != std::string::npos && !uris_with_eph103.count(uri) &&
             std::find(c.begin(), c.end(), "EPH103") != c.end();
    });
    REQUIRE(found);
    uris_with_eph103.insert((*found)["params"]["uri"].get<std::string>());
  }
  CHECK(uris_with_eph103 == std::set<std::string>{dir.uri("ws/good/cidr.json"), dir.uri("ws/good/net/main.tf")});

  client.request("shutdown", nullptr);
  client.notify("exit", nullptr);
  CHECK(client.wait_exit() == 0);
  // Nothing from outside the workspace folder was ever sent to the client.
  for (const auto& msg : client.backlog()) CHECK(msg.dump().find("OUTSIDE-SECRET-7f3a") == std::string::npos);
}

TEST_CASE("LSP: a document outside every workspace folder is confined to its own directory") {
  ScratchDir dir("confine-elsewhere");
  dir.write("outside/cidr.json", "{\"cidr\": \"0.0.0.0/0\", \"note\": \"OUTSIDE-SECRET-7f3a\"}\n");
  dir.write("outside/net/main.tf", kOpenGroup);
  dir.write("ws/readme.txt", "the workspace\n");
  dir.write("elsewhere/main.tf", kModule);
  link(dir, "elsewhere/cidr.json", "../outside/cidr.json");
  link(dir, "elsewhere/net", "../outside/net");

  LspClient client({EPHEMERA_BINARY, "lsp"});
  json init = initialize_params(dir);
  init["workspaceFolders"] = json::array({{{"uri", dir.uri("ws")}, {"name", "ws"}}});
  REQUIRE(client.response(client.request("initialize", init)));
  client.notify("initialized", json::object());
  std::string doc = dir.uri("elsewhere/main.tf");
  client.notify("textDocument/didOpen",
                {{"textDocument", {{"uri", doc}, {"languageId", "terraform"}, {"version", 1}, {"text", kModule}}}});
  auto m = client.diagnostics(doc);
  REQUIRE(m);
  CHECK(codes(*m) == std::vector<std::string>{"EPH001", "EPH001"});
  client.request("shutdown", nullptr);
  client.notify("exit", nullptr);
  CHECK(client.wait_exit() == 0);
  for (const auto& msg : client.backlog()) CHECK(msg.dump().find("OUTSIDE-SECRET-7f3a") == std::string::npos);
}
