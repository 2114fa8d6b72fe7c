// The server in-process over a stand-in analyzer that behaves like a graph rule: a
// finding in one file of the module caused by a line in another, with a fix. This pins the
// server's own behaviour (units, publishing, hover, code actions, debounce) independently
// of which rules exist.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include "lsp/server.h"

using nlohmann::json;
using namespace eph;

namespace {

struct Recorder {
  std::mutex mutex;
  std::vector<json> messages;
  std::vector<json> take() {
    std::lock_guard<std::mutex> lock(mutex);
    return std::exchange(messages, {});
  }
};

// "open = true" in any file of the unit makes a finding on the first line of gateway.tf,
// with the cause as related information and a fix that closes it.
std::atomic<int> g_analyses{0};
AnalysisResult graph_like_analysis(const std::vector<UnitPlan>& plans, const FileProvider& fs,
                                   const AnalysisOptions&) {
  ++g_analyses;
  AnalysisResult result;
  SourceFilePtr gateway, cause;
  uint32_t at = 0;
  for (const auto& plan : plans)
    for (const auto& path : plan.files) {
      auto text = fs.read(path);
      if (!text) continue;
      auto file = std::make_shared<SourceFile>(path, *text);
      result.files.push_back(file);
      if (path.ends_with("/gateway.tf")) gateway = file;
      if (auto pos = text->find("open = true"); pos != std::string::npos) cause = file, at = static_cast<uint32_t>(pos);
    }
  if (gateway && cause) {
    Finding f;
    f.rule_id = "EPH000";
    f.severity = Severity::Critical;
    f.range = Range{gateway.get(), 0, 8};
    f.message = "the gateway is reachable because of an open setting";
    f.resource = "aws_nat_gateway.main";
    f.related.push_back({Range{cause.get(), at, at + 11}, "opened here"});
    f.fix = Fix{"Close it", {TextEdit{Range{cause.get(), at + 7, at + 11}, "false"}}};
    result.findings.push_back(f);
  }
  return result;
}

std::string write(const std::filesystem::path& p, const std::string& text) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p) << text;
  return p.string();
}

json didopen(const std::string& path, const std::string& text) {
  return {{"jsonrpc", "2.0"},
          {"method", "textDocument/didOpen"},
          {"params", {{"textDocument", {{"uri", "file://" + path}, {"languageId", "terraform"}, {"version", 1}, {"text", text}}}}}};
}

json didchange(const std::string& path, int version, const std::string& text) {
  return {{"jsonrpc", "2.0"},
          {"method", "textDocument/didChange"},
          {"params", {{"textDocument", {{"uri", "file://" + path}, {"version", version}}},
                      {"contentChanges", json::array({{{"text", text}}})}}}};
}

json request(int id, const std::string& method, json params) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
}

const json* published(const std::vector<json>& messages, const std::string& path) {
  const json* last = nullptr;
  for (const auto& m : messages)
    if (m.value("method", "") == "textDocument/publishDiagnostics" && m["params"]["uri"] == "file://" + path) last = &m;
  return last;
}

}  // namespace

TEST_CASE("a finding caused by another file of the module follows that file's edits") {
  auto dir = std::filesystem::temp_directory_path() / ("ephemera-lsp-server-" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  std::string gateway = write(dir / "net/gateway.tf", "resource \"aws_nat_gateway\" \"main\" {}\n");
  std::string settings = write(dir / "net/settings.tf", "locals {\n  open = false\n}\n");
  std::string elsewhere = write(dir / "other/main.tf", "locals { open = true }\n");

  Recorder out;
  lsp::ServerOptions options;
  options.debounce = std::chrono::milliseconds(0);
  lsp::Server server([&](const json& m) { std::lock_guard<std::mutex> lock(out.mutex); out.messages.push_back(m); },
                     options, graph_like_analysis);
  server.handle(request(1, "initialize", {{"rootUri", "file://" + dir.string()}, {"capabilities", json::object()}}));
  server.handle(json{{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}});
  server.handle(didopen(gateway, "resource \"aws_nat_gateway\" \"main\" {}\n"));
  REQUIRE(server.wait_idle(std::chrono::seconds(10)));
  auto messages = out.take();
  REQUIRE(published(messages, gateway));
  CHECK((*published(messages, gateway))["params"]["diagnostics"].empty());
  CHECK_FALSE(published(messages, settings));   // not open and nothing to say
  CHECK_FALSE(published(messages, elsewhere));  // another directory is another unit

  // The edit is in settings.tf (open, unsaved); the finding appears in gateway.tf.
  server.handle(didopen(settings, "locals {\n  open = false\n}\n"));
  server.handle(didchange(settings, 2, "locals {\n  open = true\n}\n"));
  REQUIRE(server.wait_idle(std::chrono::seconds(10)));
  messages = out.take();
  const json* diag = published(messages, gateway);
  REQUIRE(diag);
  REQUIRE((*diag)["params"]["diagnostics"].size() == 1);
  const json& d = (*diag)["params"]["diagnostics"][0];
  CHECK(d["severity"] == 1);
  CHECK(d["code"] == "EPH000");
  CHECK(d["range"] == json::parse(R"({"start":{"line":0,"character":0},"end":{"line":0,"character":8}})"));
  CHECK(d["relatedInformation"][0]["location"]["uri"] == "file://" + settings);
  CHECK(d["relatedInformation"][0]["location"]["range"] ==
        json::parse(R"({"start":{"line":1,"character":2},"end":{"line":1,"character":13}})"));
  CHECK(d["relatedInformation"][0]["message"] == "opened here");
  CHECK(d["data"]["resource"] == "aws_nat_gateway.main");

  // The fix is offered as a WorkspaceEdit on the file where the cause is, before the suppression.
  server.handle(request(2, "textDocument/codeAction",
                        {{"textDocument", {{"uri", "file://" + gateway}}},
                         {"range", json::parse(R"({"start":{"line":0,"character":2},"end":{"line":0,"character":2}})")},
                         {"context", {{"diagnostics", json::array()}}}}));
  messages = out.take();
  REQUIRE(messages.size() == 1);
  const json& actions = messages[0]["result"];
  REQUIRE(actions.size() == 2);
  CHECK(actions[0]["title"] == "Close it");
  CHECK(actions[0]["isPreferred"] == true);
  CHECK(actions[0]["edit"]["changes"]["file://" + settings][0]["newText"] == "false");
  CHECK(actions[0]["edit"]["changes"]["file://" + settings][0]["range"] ==
        json::parse(R"({"start":{"line":1,"character":9},"end":{"line":1,"character":13}})"));
  CHECK(actions[1]["edit"]["changes"]["file://" + gateway][0]["newText"] ==
        "# ephemera:ignore EPH000 reason=\"explain why this is acceptable\"\n");
  // Only quickfixes exist: asking for refactorings gets nothing.
  server.handle(request(3, "textDocument/codeAction",
                        {{"textDocument", {{"uri", "file://" + gateway}}},
                         {"range", json::parse(R"({"start":{"line":0,"character":0},"end":{"line":0,"character":0}})")},
                         {"context", {{"diagnostics", json::array()}, {"only", {"refactor"}}}}}));
  CHECK(out.take()[0]["result"] == json::array());

  // Undoing the edit in settings.tf clears gateway.tf.
  server.handle(didchange(settings, 3, "locals {\n  open = false\n}\n"));
  REQUIRE(server.wait_idle(std::chrono::seconds(10)));
  messages = out.take();
  REQUIRE(published(messages, gateway));
  CHECK((*published(messages, gateway))["params"]["diagnostics"].empty());

  // Closing gateway.tf keeps its finding (settings.tf, still open, causes it); closing the
  // module's last document withdraws everything the module published.
  server.handle(didchange(settings, 4, "locals {\n  open = true\n}\n"));
  REQUIRE(server.wait_idle(std::chrono::seconds(10)));
  out.take();
  server.handle(json{{"jsonrpc", "2.0"}, {"method", "textDocument/didClose"},
                     {"params", {{"textDocument", {{"uri", "file://" + gateway}}}}}});
  REQUIRE(server.wait_idle(std::chrono::seconds(10)));
  messages = out.take();
  CHECK_FALSE(published(messages, gateway));  // unchanged, not open: nothing to send
  REQUIRE(published(messages, settings));
  server.handle(json{{"jsonrpc", "2.0"}, {"method", "textDocument/didClose"},
                     {"params", {{"textDocument", {{"uri", "file://" + settings}}}}}});
  REQUIRE(server.wait_idle(std::chrono::seconds(10)));
  messages = out.take();
  REQUIRE(published(messages, gateway));
  CHECK((*published(messages, gateway))["params"]["diagnostics"].empty());
  CHECK_FALSE((*published(messages, gateway))["params"].contains("version"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("a burst of edits is analysed once when it pauses") {
  auto dir = std::filesystem::temp_directory_path() / ("ephemera-lsp-burst-" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  std::string file = write(dir / "m/main.tf", "locals {}\n");
  Recorder out;
  lsp::ServerOptions options;
  options.debounce = std::chrono::milliseconds(1000);  // long enough that a loaded machine cannot split the burst
  lsp::Server server([&](const json& m) { std::lock_guard<std::mutex> lock(out.mutex); out.messages.push_back(m); },
                     options, graph_like_analysis);
  server.handle(request(1, "initialize", {{"rootUri", "file://" + dir.string()}, {"capabilities", json::object()}}));
  server.handle(didopen(file, "locals {}\n"));
  REQUIRE(server.wait_idle(std::chrono::seconds(10)));
  out.take();
  int before = g_analyses.load();
  for (int v = 2; v < 12; ++v) server.handle(didchange(file, v, "locals { n = " + std::to_string(v) + " }\n"));
  REQUIRE(server.wait_idle(std::chrono::seconds(10)));
  CHECK(g_analyses.load() - before == 1);
  auto messages = out.take();
  REQUIRE(published(messages, file));
  CHECK((*published(messages, file))["params"]["version"] == 11);  // the last text was analysed
  std::filesystem::remove_all(dir);
}

TEST_CASE("a newer edit cancels the running analysis of its unit; only the newer result is published") {
  auto dir = std::filesystem::temp_directory_path() / ("ephemera-lsp-cancel-" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  std::string file = write(dir / "m/main.tf", "locals {}\n");
  std::atomic<bool> slow_started{false};
  // Stands in for an analysis that takes long on "slow" text and honours the cancel flag.
  auto slow_analysis = [&](const std::vector<UnitPlan>& plans, const FileProvider& fs, const AnalysisOptions& options) {
    AnalysisResult result;
    for (const auto& plan : plans)
      for (const auto& path : plan.files)
        if (auto text = fs.read(path); text && text->find("slow") != std::string::npos) {
          slow_started = true;
          auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
          while (!options.cancel->load() && std::chrono::steady_clock::now() < give_up)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
          result.cancelled = options.cancel->load();
        }
    return result;
  };
  Recorder out;
  lsp::ServerOptions options;
  options.debounce = std::chrono::milliseconds(0);
  lsp::Server server([&](const json& m) { std::lock_guard<std::mutex> lock(out.mutex); out.messages.push_back(m); },
                     options, slow_analysis);
  server.handle(request(1, "initialize", {{"rootUri", "file://" + dir.string()}, {"capabilities", json::object()}}));
  server.handle(didopen(file, "locals { slow = 1 }\n"));
  for (int i = 0; i < 1000 && !slow_started; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  REQUIRE(slow_started);
  server.handle(didchange(file, 2, "locals { fast = 1 }\n"));
  REQUIRE(server.wait_idle(std::chrono::seconds(10)));
  int publishes = 0;
  for (const auto& m : out.take()) {
    if (m.value("method", "") != "textDocument/publishDiagnostics") continue;
    ++publishes;
    CHECK(m["params"]["version"] == 2);
  }
  CHECK(publishes == 1);
  std::filesystem::remove_all(dir);
}
