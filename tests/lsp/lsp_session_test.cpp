// A whole editor session against `ephemera lsp` as a child process, checking every message
// the server sends, in order: initialize, open, incremental edits (UTF-16 positions) that
// add and remove a finding, a change in another file of the module, hover, code action,
// close, shutdown, exit.
#include <doctest/doctest.h>

#include "lsp/lsp_client.h"
#include "lsp/session_helpers.h"

using nlohmann::json;
using namespace eph::testing;

namespace {

const char* kMain =
    "resource \"aws_s3_bucket\" \"logs\" {\n"
    "  tags = { owner = \"\xF0\x9F\x98\x80 team\" }\n"  // an emoji: two UTF-16 code units, four bytes
    "}\n";
const char* kVariables = "variable \"region\" {\n  default = \"eu-west-1\"\n}\n";

// The next message must be exactly this publishDiagnostics (uri, version when given, codes in order).
void expect_publish(LspClient& client, const std::string& uri, std::vector<std::string> codes,
                    std::optional<int> version = std::nullopt) {
  auto m = client.next();
  REQUIRE(m);
  CAPTURE(m->dump());
  CHECK((*m)["method"] == "textDocument/publishDiagnostics");
  CHECK((*m)["params"]["uri"] == uri);
  if (version) CHECK((*m)["params"]["version"] == *version);
  else CHECK_FALSE((*m)["params"].contains("version"));
  const json& list = (*m)["params"]["diagnostics"];
  REQUIRE(list.size() == codes.size());
  for (size_t i = 0; i < codes.size(); ++i) {
    CHECK(list[i]["code"] == codes[i]);
    CHECK(list[i]["source"] == "ephemera");
    CHECK(list[i]["codeDescription"]["href"].get<std::string>().find("/rules/" + codes[i]) != std::string::npos);
  }
}

void expect_quiet(LspClient& client) {
  auto extra = client.next(std::chrono::milliseconds(300));
  CHECK_MESSAGE(!extra, (extra ? extra->dump() : ""));
}

json change(const std::string& uri, int version, json range, const std::string& text) {
  return {{"textDocument", {{"uri", uri}, {"version", version}}},
          {"contentChanges", json::array({{{"range", std::move(range)}, {"text", text}}})}};
}

}  // namespace

TEST_CASE("a whole LSP session, every message checked") {
  ScratchDir dir("session");
  dir.write("mod/main.tf", kMain);
  dir.write("mod/variables.tf", kVariables);
  std::string main_uri = dir.uri("mod/main.tf"), vars_uri = dir.uri("mod/variables.tf");
  LspClient client({EPHEMERA_BINARY, "lsp", "--debounce-ms", "20"});

  int id = client.request("initialize", initialize_params(dir));
  auto init = client.next();
  REQUIRE(init);
  CHECK((*init)["id"] == id);
  const json& caps = (*init)["result"]["capabilities"];
  CHECK(caps["positionEncoding"] == "utf-16");  // the client offered nothing else
  CHECK(caps["textDocumentSync"] == json({{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}));
  CHECK(caps["hoverProvider"] == true);
  CHECK(caps["codeActionProvider"]["codeActionKinds"] == json::array({"quickfix"}));
  CHECK((*init)["result"]["serverInfo"]["name"] == "ephemera");
  client.notify("initialized", json::object());

  // Opening one file analyses its whole module. Open documents are always answered; other
  // files of the module only when their diagnostics change (here they have none).
  client.notify("textDocument/didOpen",
                {{"textDocument", {{"uri", main_uri}, {"languageId", "terraform"}, {"version", 1}, {"text", kMain}}}});
  expect_publish(client, main_uri, {}, 1);

  // Line 1 is `  tags = { owner = "😀 team" }`: UTF-16 column 22 is just after the emoji (bytes: 24). A NUL
  // byte there makes the file binary, which EPH000 reports.
  client.notify("textDocument/didChange", change(main_uri, 2, range(1, 22, 1, 22), std::string(1, '\0')));
  expect_publish(client, main_uri, {"EPH000"}, 2);

  // Hover on the finding (the NUL byte): the rule's documentation as markdown.
  id = client.request("textDocument/hover", {{"textDocument", {{"uri", main_uri}}}, {"position", position(1, 22)}});
  auto hover = client.next();
  REQUIRE(hover);
  CHECK((*hover)["id"] == id);
  CHECK((*hover)["result"]["contents"]["kind"] == "markdown");
  std::string doc = (*hover)["result"]["contents"]["value"];
  CHECK(doc.find("**EPH000**") == 0);
  CHECK(doc.find("# EPH000 parse-error") != std::string::npos);
  CHECK((*hover)["result"]["range"] == range(1, 22, 1, 23));

  // Hover away from any finding: null.
  id = client.request("textDocument/hover", {{"textDocument", {{"uri", main_uri}}}, {"position", position(2, 0)}});
  auto nothing = client.next();
  REQUIRE(nothing);
  CHECK((*nothing)["id"] == id);
  CHECK((*nothing)["result"].is_null());

  // Code action: the suppression comment, as a WorkspaceEdit on the line above the finding.
  id = client.request("textDocument/codeAction", {{"textDocument", {{"uri", main_uri}}},
                                                  {"range", range(1, 20, 1, 24)},
                                                  {"context", {{"diagnostics", json::array()}}}});
  auto actions = client.next();
  REQUIRE(actions);
  CHECK((*actions)["id"] == id);
  REQUIRE((*actions)["result"].size() == 1);
  const json& suppress = (*actions)["result"][0];
  CHECK(suppress["kind"] == "quickfix");
  CHECK(suppress["diagnostics"][0]["code"] == "EPH000");
  CHECK(suppress["edit"]["changes"][main_uri] ==
        json::array({{{"range", range(1, 0, 1, 0)},
                      {"newText", "  # ephemera:ignore EPH000 reason=\"explain why this is acceptable\"\n"}}}));

  // Removing exactly the NUL (again in UTF-16 columns) removes the finding.
  client.notify("textDocument/didChange", change(main_uri, 3, range(1, 22, 1, 23), ""));
  expect_publish(client, main_uri, {}, 3);

  // A change in another file of the module re-analyses the module and publishes every file.
  client.notify("textDocument/didOpen", {{"textDocument",
                                          {{"uri", vars_uri}, {"languageId", "terraform"}, {"version", 1}, {"text", kVariables}}}});
  expect_publish(client, main_uri, {}, 3);
  expect_publish(client, vars_uri, {}, 1);
  client.notify("textDocument/didChange", change(vars_uri, 2, range(1, 0, 1, 0), std::string(1, '\0')));
  expect_publish(client, main_uri, {}, 3);
  expect_publish(client, vars_uri, {"EPH000"}, 2);

  // An edit outside the document is refused with an error message; the text stays as it was.
  client.notify("textDocument/didChange", change(vars_uri, 3, range(40, 0, 40, 1), "x"));
  auto refused = client.next();
  REQUIRE(refused);
  CHECK((*refused)["method"] == "window/logMessage");
  CHECK((*refused)["params"]["type"] == 1);
  CHECK((*refused)["params"]["message"].get<std::string>().find("line 40 is past the end") != std::string::npos);

  // Closing one file of a module still open re-analyses it from disk (no NUL there).
  client.notify("textDocument/didClose", {{"textDocument", {{"uri", vars_uri}}}});
  expect_publish(client, main_uri, {}, 3);
  expect_publish(client, vars_uri, {});

  // Closing the last file of the module withdraws its diagnostics.
  client.notify("textDocument/didChange", change(main_uri, 4, range(0, 0, 0, 0), std::string(1, '\0')));
  expect_publish(client, main_uri, {"EPH000"}, 4);
  client.notify("textDocument/didClose", {{"textDocument", {{"uri", main_uri}}}});
  expect_publish(client, main_uri, {});
  expect_quiet(client);

  id = client.request("shutdown", nullptr);
  auto down = client.next();
  REQUIRE(down);
  CHECK((*down)["id"] == id);
  CHECK((*down)["result"].is_null());
  client.notify("exit", nullptr);
  CHECK(client.wait_exit() == 0);
}

TEST_CASE("the server negotiates UTF-8 positions when the client offers them") {
  ScratchDir dir("utf8");
  dir.write("t/main.tf", kMain);
  std::string uri = dir.uri("t/main.tf");
  LspClient client({EPHEMERA_BINARY, "lsp"});
  json params = initialize_params(dir);
  params["capabilities"]["general"] = {{"positionEncodings", {"utf-8", "utf-16"}}};
  int id = client.request("initialize", params);
  auto init = client.response(id);
  REQUIRE(init);
  CHECK((*init)["result"]["capabilities"]["positionEncoding"] == "utf-8");
  client.notify("initialized", json::object());
  client.notify("textDocument/didOpen",
                {{"textDocument", {{"uri", uri}, {"languageId", "terraform"}, {"version", 1}, {"text", kMain}}}});
  expect_publish(client, uri, {}, 1);
  // In bytes, just after the emoji is column 24 (UTF-16 would say 22).
  client.notify("textDocument/didChange", change(uri, 2, range(1, 24, 1, 24), std::string(1, '\0')));
  expect_publish(client, uri, {"EPH000"}, 2);
  client.notify("textDocument/didChange", change(uri, 3, range(1, 24, 1, 25), ""));
  expect_publish(client, uri, {}, 3);
  client.request("shutdown", nullptr);
  client.notify("exit", nullptr);
  CHECK(client.wait_exit() == 0);
}

TEST_CASE("a CloudFormation template: rule findings follow the edits, at their exact ranges") {
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
  ScratchDir dir("template");
  dir.write("stack/template.yaml", kTemplate);
  std::string uri = dir.uri("stack/template.yaml");
  LspClient client({EPHEMERA_BINARY, "lsp", "--debounce-ms", "20"});
  REQUIRE(client.response(client.request("initialize", initialize_params(dir))));
  client.notify("initialized", json::object());
  client.notify("textDocument/didOpen",
                {{"textDocument", {{"uri", uri}, {"languageId", "yaml"}, {"version", 1}, {"text", kTemplate}}}});
  // No concurrency ceiling: EPH401 at the logical id.
  auto m = client.diagnostics(uri);
  REQUIRE(m);
  REQUIRE((*m)["params"]["diagnostics"].size() == 1);
  CHECK((*m)["params"]["diagnostics"][0]["code"] == "EPH401");
  CHECK((*m)["params"]["diagnostics"][0]["range"] == range(2, 2, 2, 8));

  // Reserving concurrency (a new line after Handler) removes it.
  client.notify("textDocument/didChange",
                change(uri, 2, range(7, 0, 7, 0), "      ReservedConcurrentExecutions: 5\n"));
  m = client.diagnostics(uri);
  REQUIRE(m);
  CHECK((*m)["params"]["version"] == 2);
  CHECK((*m)["params"]["diagnostics"].empty());

  // A duplicated key is a parse error (EPH000) on the second occurrence.
  client.notify("textDocument/didChange", change(uri, 3, range(6, 0, 6, 0), "      Runtime: nodejs20.x\n"));
  m = client.diagnostics(uri);
  REQUIRE(m);
  CHECK((*m)["params"]["version"] == 3);
  REQUIRE((*m)["params"]["diagnostics"].size() == 1);
  CHECK((*m)["params"]["diagnostics"][0]["code"] == "EPH000");
  CHECK((*m)["params"]["diagnostics"][0]["range"]["start"] == position(6, 6));
  CHECK((*m)["params"]["diagnostics"][0]["severity"] == 1);

  // The suppression comment the code action offers is honoured by the engine.
  client.notify("textDocument/didChange", change(uri, 4, range(6, 0, 7, 0), ""));
  m = client.diagnostics(uri);
  REQUIRE(m);
  CHECK((*m)["params"]["diagnostics"].empty());
  client.notify("textDocument/didChange", change(uri, 5, range(7, 0, 8, 0), ""));  // drop the reservation
  m = client.diagnostics(uri);
  REQUIRE(m);
  REQUIRE((*m)["params"]["diagnostics"].size() == 1);
  int id = client.request("textDocument/codeAction", {{"textDocument", {{"uri", uri}}},
                                                      {"range", range(2, 2, 2, 2)},
                                                      {"context", {{"diagnostics", json::array()}}}});
  auto actions = client.response(id);
  REQUIRE(actions);
  REQUIRE((*actions)["result"].size() == 1);
  json edit = (*actions)["result"][0]["edit"]["changes"][uri][0];
  CHECK(edit["range"] == range(2, 0, 2, 0));
  CHECK(edit["newText"] == "  # ephemera:ignore EPH401 reason=\"explain why this is acceptable\"\n");
  client.notify("textDocument/didChange", change(uri, 6, edit["range"], edit["newText"]));
  m = client.diagnostics(uri);
  REQUIRE(m);
  CHECK((*m)["params"]["version"] == 6);
  CHECK((*m)["params"]["diagnostics"].empty());

  client.request("shutdown", nullptr);
  client.notify("exit", nullptr);
  CHECK(client.wait_exit() == 0);
}

TEST_CASE("a serverless.yml: findings as you type, in the service file, and its suppression comment") {
  const std::string kService =
      "service: shop\n"
      "provider:\n"
      "  name: aws\n"
      "  runtime: nodejs20.x\n"
      "functions:\n"
      "  hook:\n"
      "    handler: hook.handler\n"
      "    reservedConcurrency: 5\n"
      "    url: true\n";
  ScratchDir dir("serverless");
  dir.write("svc/serverless.yml", kService);
  std::string uri = dir.uri("svc/serverless.yml");
  LspClient client({EPHEMERA_BINARY, "lsp", "--debounce-ms", "20"});
  REQUIRE(client.response(client.request("initialize", initialize_params(dir))));
  client.notify("initialized", json::object());
  client.notify("textDocument/didOpen",
                {{"textDocument", {{"uri", uri}, {"languageId", "yaml"}, {"version", 1}, {"text", kService}}}});
  // `url: true` is a function URL without authorization: EPH601 on `true`.
  auto m = client.diagnostics(uri);
  REQUIRE(m);
  REQUIRE((*m)["params"]["diagnostics"].size() == 1);
  CHECK((*m)["params"]["diagnostics"][0]["code"] == "EPH601");
  CHECK((*m)["params"]["diagnostics"][0]["range"] == range(8, 9, 8, 13));

  // An authorizer (typed as a new key under url) removes it.
  client.notify("textDocument/didChange", change(uri, 2, range(8, 9, 8, 13), "\n      authorizer: aws_iam"));
  m = client.diagnostics(uri);
  REQUIRE(m);
  CHECK((*m)["params"]["version"] == 2);
  CHECK((*m)["params"]["diagnostics"].empty());

  // Back to `url: true`: the code action's comment is a YAML comment the engine honours.
  client.notify("textDocument/didChange", change(uri, 3, range(8, 8, 9, 25), " true"));
  m = client.diagnostics(uri);
  REQUIRE(m);
  REQUIRE((*m)["params"]["diagnostics"].size() == 1);
  int id = client.request("textDocument/codeAction", {{"textDocument", {{"uri", uri}}},
                                                      {"range", range(8, 9, 8, 9)},
                                                      {"context", {{"diagnostics", json::array()}}}});
  auto actions = client.response(id);
  REQUIRE(actions);
  REQUIRE((*actions)["result"].size() == 1);
  json edit = (*actions)["result"][0]["edit"]["changes"][uri][0];
  CHECK(edit["newText"] == "    # ephemera:ignore EPH601 reason=\"explain why this is acceptable\"\n");
  client.notify("textDocument/didChange", change(uri, 4, edit["range"], edit["newText"]));
  m = client.diagnostics(uri);
  REQUIRE(m);
  CHECK((*m)["params"]["version"] == 4);
  CHECK((*m)["params"]["diagnostics"].empty());

  client.request("shutdown", nullptr);
  client.notify("exit", nullptr);
  CHECK(client.wait_exit() == 0);
}

TEST_CASE("a Terraform module: rule findings, a graph finding across files, hover, code action; every message") {
  auto function = [](const std::string& name, int reserved) {
    return "resource \"aws_lambda_function\" \"" + name + "\" {\n"
           "  function_name                  = \"" + name + "\"\n"
           "  role                           = \"arn:aws:iam::123456789012:role/" + name + "\"\n"
           "  runtime                        = \"python3.12\"\n"
           "  handler                        = \"app.handler\"\n"
           "  filename                       = \"" + name + ".zip\"\n"
           "  reserved_concurrent_executions = " + std::to_string(reserved) + "\n"
           "}\n";
  };
  ScratchDir dir("module");
  std::string api = function("api", 500), worker = function("worker", 300);
  dir.write("fn/api.tf", api);
  dir.write("fn/worker.tf", worker);
  std::string api_uri = dir.uri("fn/api.tf"), worker_uri = dir.uri("fn/worker.tf");
  LspClient client({EPHEMERA_BINARY, "lsp", "--debounce-ms", "20"});
  REQUIRE(client.response(client.request("initialize", initialize_params(dir))));
  client.notify("initialized", json::object());

  client.notify("textDocument/didOpen",
                {{"textDocument", {{"uri", api_uri}, {"languageId", "terraform"}, {"version", 1}, {"text", api}}}});
  expect_publish(client, api_uri, {}, 1);

  // Deleting the reservation (line 6) leaves the function without a ceiling: EPH401 on its header.
  client.notify("textDocument/didChange", change(api_uri, 2, range(6, 0, 7, 0), ""));
  auto m = client.next();
  REQUIRE(m);
  CHECK((*m)["params"]["uri"] == api_uri);
  CHECK((*m)["params"]["version"] == 2);
  REQUIRE((*m)["params"]["diagnostics"].size() == 1);
  CHECK((*m)["params"]["diagnostics"][0]["code"] == "EPH401");
  CHECK((*m)["params"]["diagnostics"][0]["range"] == range(0, 0, 0, 36));
  client.notify("textDocument/didChange",
                change(api_uri, 3, range(6, 0, 6, 0), "  reserved_concurrent_executions = 500\n"));
  expect_publish(client, api_uri, {}, 3);

  // A syntax error is EPH000 where the parser stopped: deleting the runtime's value makes
  // the next attribute unexpected.
  client.notify("textDocument/didChange", change(api_uri, 4, range(3, 35, 3, 47), ""));
  m = client.next();
  REQUIRE(m);
  CHECK((*m)["params"]["version"] == 4);
  REQUIRE((*m)["params"]["diagnostics"].size() == 1);
  CHECK((*m)["params"]["diagnostics"][0]["code"] == "EPH000");
  CHECK((*m)["params"]["diagnostics"][0]["range"]["start"] == position(4, 2));
  client.notify("textDocument/didChange", change(api_uri, 5, range(3, 35, 3, 35), "\"python3.12\""));
  expect_publish(client, api_uri, {}, 5);

  // Raising worker.tf's reservation to 600 takes the module over the account budget: EPH404
  // (a graph finding over every function of the module) at the largest reservation, with
  // api.tf's reservation as related information.
  client.notify("textDocument/didOpen",
                {{"textDocument", {{"uri", worker_uri}, {"languageId", "terraform"}, {"version", 1}, {"text", worker}}}});
  expect_publish(client, api_uri, {}, 5);
  expect_publish(client, worker_uri, {}, 1);
  client.notify("textDocument/didChange", change(worker_uri, 2, range(6, 35, 6, 38), "600"));
  expect_publish(client, api_uri, {}, 5);
  m = client.next();
  REQUIRE(m);
  CHECK((*m)["params"]["uri"] == worker_uri);
  CHECK((*m)["params"]["version"] == 2);
  REQUIRE((*m)["params"]["diagnostics"].size() == 1);
  const json d = (*m)["params"]["diagnostics"][0];
  CHECK(d["code"] == "EPH404");
  CHECK(d["severity"] == 2);
  CHECK(d["range"] == range(6, 35, 6, 38));
  REQUIRE(d["relatedInformation"].size() == 1);
  CHECK(d["relatedInformation"][0]["location"]["uri"] == api_uri);
  CHECK(d["relatedInformation"][0]["location"]["range"]["start"] == position(6, 35));

  int id = client.request("textDocument/hover", {{"textDocument", {{"uri", worker_uri}}}, {"position", position(6, 36)}});
  m = client.next();
  REQUIRE(m);
  CHECK((*m)["id"] == id);
  std::string doc = (*m)["result"]["contents"]["value"];
  CHECK(doc.find("**EPH404**") == 0);
  CHECK(doc.find("# EPH404 reserved-concurrency-over-budget") != std::string::npos);

  id = client.request("textDocument/codeAction", {{"textDocument", {{"uri", worker_uri}}},
                                                  {"range", range(6, 36, 6, 36)},
                                                  {"context", {{"diagnostics", json::array({d})}}}});
  m = client.next();
  REQUIRE(m);
  CHECK((*m)["id"] == id);
  REQUIRE(!(*m)["result"].empty());
  const json suppress = (*m)["result"].back();
  CHECK(suppress["title"] == "Suppress EPH404 here (ephemera:ignore with a reason)");
  CHECK(suppress["edit"]["changes"][worker_uri][0]["range"] == range(6, 0, 6, 0));
  CHECK(suppress["edit"]["changes"][worker_uri][0]["newText"] ==
        "  # ephemera:ignore EPH404 reason=\"explain why this is acceptable\"\n");

  // Lowering api.tf's reservation (another file) clears the finding in worker.tf.
  client.notify("textDocument/didChange", change(api_uri, 6, range(6, 35, 6, 38), "100"));
  expect_publish(client, api_uri, {}, 6);
  expect_publish(client, worker_uri, {}, 2);
  // Raising it again brings it back; applying the suppression edit silences it.
  client.notify("textDocument/didChange", change(api_uri, 7, range(6, 35, 6, 38), "500"));
  expect_publish(client, api_uri, {}, 7);
  expect_publish(client, worker_uri, {"EPH404"}, 2);
  client.notify("textDocument/didChange", change(worker_uri, 3, suppress["edit"]["changes"][worker_uri][0]["range"],
                                                 suppress["edit"]["changes"][worker_uri][0]["newText"]));
  expect_publish(client, api_uri, {}, 7);
  expect_publish(client, worker_uri, {}, 3);
  expect_quiet(client);

  id = client.request("shutdown", nullptr);
  m = client.next();
  REQUIRE(m);
  CHECK((*m)["id"] == id);
  client.notify("exit", nullptr);
  CHECK(client.wait_exit() == 0);
}

TEST_CASE("a JSON template: the suppression goes into Metadata and the engine honours it") {
  const std::string text =
      "{\n"
      "  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n"
      "  \"Resources\": {\n"
      "    \"Worker\": {\n"
      "      \"Type\": \"AWS::Lambda::Function\",\n"
      "      \"Properties\": {\"Runtime\": \"python3.12\", \"Handler\": \"app.handler\",\n"
      "                     \"Role\": \"arn:aws:iam::123456789012:role/w\", \"Code\": {\"ZipFile\": \"x\"}}\n"
      "    }\n"
      "  }\n"
      "}\n";
  ScratchDir dir("json-template");
  dir.write("stack/template.json", text);
  std::string uri = dir.uri("stack/template.json");
  LspClient client({EPHEMERA_BINARY, "lsp", "--debounce-ms", "20"});
  REQUIRE(client.response(client.request("initialize", initialize_params(dir))));
  client.notify("initialized", json::object());
  client.notify("textDocument/didOpen",
                {{"textDocument", {{"uri", uri}, {"languageId", "json"}, {"version", 1}, {"text", text}}}});
  auto m = client.diagnostics(uri);
  REQUIRE(m);
  REQUIRE((*m)["params"]["diagnostics"].size() == 1);
  const json d = (*m)["params"]["diagnostics"][0];
  CHECK(d["code"] == "EPH401");
  int id = client.request("textDocument/codeAction", {{"textDocument", {{"uri", uri}}},
                                                      {"range", d["range"]},
                                                      {"context", {{"diagnostics", json::array({d})}}}});
  auto actions = client.response(id);
  REQUIRE(actions);
  REQUIRE((*actions)["result"].size() == 1);
  CHECK((*actions)["result"][0]["title"] == "Suppress EPH401 for Worker (Metadata, with a reason)");
  json edit = (*actions)["result"][0]["edit"]["changes"][uri][0];
  CHECK(edit["range"] == range(3, 15, 3, 15));
  client.notify("textDocument/didChange", change(uri, 2, edit["range"], edit["newText"]));
  m = client.diagnostics(uri);
  REQUIRE(m);
  CHECK((*m)["params"]["version"] == 2);
  CHECK((*m)["params"]["diagnostics"].empty());
  client.request("shutdown", nullptr);
  client.notify("exit", nullptr);
  CHECK(client.wait_exit() == 0);
}
