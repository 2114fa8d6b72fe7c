// Bad input never crashes or hangs the server: bad headers, truncated bodies, invalid
// JSON, wrong types and out-of-range edits are answered (or reported), and the server
// goes on answering.
#include <doctest/doctest.h>

#include "lsp/lsp_client.h"
#include "lsp/session_helpers.h"

using nlohmann::json;
using namespace eph::testing;

namespace {

json expect_error(LspClient& client, const json& id, int code) {
  auto m = client.next();
  REQUIRE(m);
  CAPTURE(m->dump());
  CHECK((*m)["id"] == id);
  REQUIRE((*m).contains("error"));
  CHECK((*m)["error"]["code"] == code);
  return *m;
}

// The server still answers a request: it is alive and in step.
void expect_alive(LspClient& client) {
  int id = client.request("textDocument/hover", {{"textDocument", {{"uri", "file:///nowhere.tf"}}},
                                                 {"position", position(0, 0)}});
  auto m = client.next();
  REQUIRE(m);
  CAPTURE(m->dump());
  CHECK((*m)["id"] == id);
  CHECK((*m)["result"].is_null());
}

void initialize(LspClient& client, const ScratchDir& dir) {
  int id = client.request("initialize", initialize_params(dir));
  REQUIRE(client.response(id));
  client.notify("initialized", json::object());
}

std::string frame(const std::string& body) { return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body; }

}  // namespace

TEST_CASE("requests before initialize are refused, exit without shutdown exits 1") {
  ScratchDir dir("early");
  LspClient client({EPHEMERA_BINARY, "lsp"});
  int id = client.request("textDocument/hover", json::object());
  expect_error(client, id, -32002);
  client.notify("exit", nullptr);
  CHECK(client.wait_exit() == 1);
}

TEST_CASE("framing problems are answered with ParseError and the stream goes on") {
  ScratchDir dir("framing");
  LspClient client({EPHEMERA_BINARY, "lsp"});
  initialize(client, dir);

  SUBCASE("a Content-Length that is not a number") {
    client.send_raw("Content-Length: twelve\r\n\r\n");
    expect_error(client, nullptr, -32700);
  }
  SUBCASE("no Content-Length at all") {
    client.send_raw("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n");
    expect_error(client, nullptr, -32700);
  }
  SUBCASE("a line that is not a header, glued to the next message") {
    json glued = {{"jsonrpc", "2.0"}, {"id", 500}, {"method", "textDocument/hover"},
                           {"params", {{"textDocument", {{"uri", "file:///a.tf"}}}, {"position", position(0, 0)}}}};
    client.send_raw("{\"not\": \"a header\"}" + frame(glued.dump()));
    expect_error(client, nullptr, -32700);
    auto answered = client.next();  // the message glued to the garbage is not lost
    REQUIRE(answered);
    CHECK((*answered)["id"] == 500);
  }
  SUBCASE("a header line longer than any real one") {
    client.send_raw("X-Padding: " + std::string(20000, 'a') + "\r\nContent-Length: 2\r\n\r\n{}");
    expect_error(client, nullptr, -32700);  // the body goes with its bad header
  }
  SUBCASE("a body over the size limit is skipped") {
    std::string huge(65u << 20, ' ');
    client.send_raw("Content-Length: " + std::to_string(huge.size()) + "\r\n\r\n");
    client.send_raw(huge);
    expect_error(client, nullptr, -32700);
  }
  SUBCASE("invalid JSON") {
    client.send_raw(frame("{\"jsonrpc\": \"2.0\", \"id\": 7, \"method\": "));
    expect_error(client, nullptr, -32700);
  }
  expect_alive(client);
  client.request("shutdown", nullptr);
  client.notify("exit", nullptr);
  CHECK(client.wait_exit() == 0);
}

TEST_CASE("wrong types get InvalidRequest or InvalidParams") {
  ScratchDir dir("types");
  LspClient client({EPHEMERA_BINARY, "lsp"});
  initialize(client, dir);

  client.send_raw(frame("[1, 2, 3]"));
  expect_error(client, nullptr, -32600);
  client.send_raw(frame("{\"jsonrpc\": \"2.0\", \"id\": {\"x\": 1}, \"method\": \"shutdown\"}"));
  expect_error(client, nullptr, -32600);
  client.send_raw(frame("{\"jsonrpc\": \"2.0\", \"id\": 41, \"method\": 12}"));
  expect_error(client, 41, -32600);
  client.send_raw(frame("{\"jsonrpc\": \"1.0\", \"id\": 42, \"method\": \"shutdown\"}"));
  expect_error(client, 42, -32600);
  client.send_raw(frame("{\"jsonrpc\": \"2.0\", \"id\": 43, \"method\": \"textDocument/hover\", \"params\": 5}"));
  expect_error(client, 43, -32602);
  int id = client.request("textDocument/hover", {{"textDocument", {{"uri", 17}}}, {"position", position(0, 0)}});
  expect_error(client, id, -32602);
  id = client.request("textDocument/hover", {{"textDocument", {{"uri", "file:///a.tf"}}}, {"position", "top"}});
  expect_error(client, id, -32602);
  id = client.request("textDocument/hover", {{"textDocument", {{"uri", "file:///a.tf"}}},
                                             {"position", {{"line", -1}, {"character", 0}}}});
  expect_error(client, id, -32602);
  id = client.request("textDocument/codeAction", {{"textDocument", {{"uri", "https://example.com/a.tf"}}},
                                                  {"range", range(0, 0, 0, 0)}});
  expect_error(client, id, -32602);
  id = client.request("workspace/executeCommand", json::object());
  expect_error(client, id, -32601);
  id = client.request("initialize", initialize_params(dir));
  expect_error(client, id, -32600);

  // A notification with wrong types has no answer: the problem goes to the log.
  client.notify("textDocument/didOpen", {{"textDocument", {{"uri", dir.uri("x.tf")}, {"version", 1}, {"text", 3}}}});
  auto log = client.next();
  REQUIRE(log);
  CHECK((*log)["method"] == "window/logMessage");
  CHECK((*log)["params"]["type"] == 1);
  // Unknown notifications are ignored.
  client.notify("$/setTrace", {{"value", "off"}});
  client.notify("workspace/somethingNew", json::object());
  expect_alive(client);
  client.request("shutdown", nullptr);
  client.notify("exit", nullptr);
  CHECK(client.wait_exit() == 0);
}

TEST_CASE("out-of-range and malformed edits are refused; the document keeps its text") {
  ScratchDir dir("edits");
  std::string text = "variable \"a\" {}\n";
  dir.write("m/main.tf", text);
  std::string uri = dir.uri("m/main.tf");
  LspClient client({EPHEMERA_BINARY, "lsp"});
  initialize(client, dir);
  client.notify("textDocument/didOpen",
                {{"textDocument", {{"uri", uri}, {"languageId", "terraform"}, {"version", 1}, {"text", text}}}});
  REQUIRE(client.diagnostics(uri));

  for (json bad : {range(5, 0, 5, 0), range(0, 4, 0, 2), json({{"start", position(0, 0)}}),
                   json({{"start", position(0, 0)}, {"end", {{"line", "one"}, {"character", 0}}}})}) {
    CAPTURE(bad.dump());
    client.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 2}},},
                                             {"contentChanges", json::array({{{"range", bad}, {"text", "\u0000"}}})}});
    auto log = client.next();
    REQUIRE(log);
    CHECK((*log)["method"] == "window/logMessage");
    CHECK((*log)["params"]["message"].get<std::string>().find("rejected change") != std::string::npos);
  }
  // All or nothing: a valid change followed by an invalid one in the same notification is refused whole.
  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", uri}, {"version", 2}}},
                 {"contentChanges", json::array({{{"range", range(0, 0, 0, 0)}, {"text", std::string(1, '\0')}},
                                                 {{"range", range(9, 0, 9, 0)}, {"text", ""}}})}});
  auto log = client.next();
  REQUIRE(log);
  CHECK((*log)["method"] == "window/logMessage");
  // The text is unchanged: a save re-analyses it and finds no NUL byte.
  client.notify("textDocument/didSave", {{"textDocument", {{"uri", uri}}}});
  auto clean = client.diagnostics(uri);
  REQUIRE(clean);
  CHECK((*clean)["params"]["version"] == 1);
  CHECK((*clean)["params"]["diagnostics"].empty());
  expect_alive(client);
  client.request("shutdown", nullptr);
  client.notify("exit", nullptr);
  CHECK(client.wait_exit() == 0);
}

TEST_CASE("a cancelled request that has not run yet is answered with RequestCancelled") {
  ScratchDir dir("cancel");
  LspClient client({EPHEMERA_BINARY, "lsp"});
  initialize(client, dir);
  json hover = {{"jsonrpc", "2.0"}, {"id", 99}, {"method", "textDocument/hover"},
                {"params", {{"textDocument", {{"uri", "file:///a.tf"}}}, {"position", position(0, 0)}}}};
  json cancel = {{"jsonrpc", "2.0"}, {"method", "$/cancelRequest"}, {"params", {{"id", 99}}}};
  client.send_raw(frame(hover.dump()) + frame(cancel.dump()));  // one write: both arrive together
  expect_error(client, 99, -32800);
  expect_alive(client);
  client.request("shutdown", nullptr);
  client.notify("exit", nullptr);
  CHECK(client.wait_exit() == 0);
}

TEST_CASE("requests after shutdown are refused; a truncated body at the end of input ends the server") {
  ScratchDir dir("truncated");
  LspClient client({EPHEMERA_BINARY, "lsp"});
  initialize(client, dir);
  int id = client.request("shutdown", nullptr);
  REQUIRE(client.response(id));
  id = client.request("textDocument/hover", json::object());
  expect_error(client, id, -32600);
  client.send_raw("Content-Length: 100\r\n\r\n{\"jsonrpc\": \"2.0\"");
  client.close_input();
  CHECK(client.wait_exit() == 0);  // shutdown was received: the end of input is an orderly exit
}

TEST_CASE("the end of input without shutdown exits 1, without hanging") {
  ScratchDir dir("eof");
  LspClient client({EPHEMERA_BINARY, "lsp"});
  initialize(client, dir);
  client.send_raw("Content-Len");
  client.close_input();
  CHECK(client.wait_exit() == 1);
}
