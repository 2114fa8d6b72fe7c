// The server as the fuzz target drives it (AnalysisMode::Inline, FileAccess::BuffersOnly):
// every handle() returns with its diagnostics published, and nothing on disk is read, not
// the module's other files and not an .ephemera.yaml, while the open buffers count.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "lsp/server.h"

using nlohmann::json;
using namespace eph;

namespace {

std::string write(const std::filesystem::path& p, const std::string& text) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p) << text;
  return p.string();
}

json notification(const std::string& method, json params) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

json didopen(const std::string& path, const std::string& text) {
  return notification("textDocument/didOpen",
                      {{"textDocument", {{"uri", "file://" + path}, {"languageId", "terraform"}, {"version", 1}, {"text", text}}}});
}

// What one analysis saw.
struct Seen {
  std::vector<std::string> files;  // the unit's files, as the analyzer could read them
  std::optional<Severity> min_severity;
  std::thread::id thread;
};

}  // namespace

TEST_CASE("inline, buffers only: analyses run inside handle() and see the open documents, never the disk") {
  auto dir = std::filesystem::temp_directory_path() / ("ephemera-lsp-buffers-" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  // On disk: another file of the module and a broken configuration. Workspace mode reads both.
  write(dir / "m/on_disk.tf", "locals { x = 1 }\n");
  write(dir / ".ephemera.yaml", "no-such-key: 1\n");
  const std::string main_tf = (dir / "m/main.tf").string(), extra_tf = (dir / "m/extra.tf").string();
  const std::string config = (dir / ".ephemera.yaml").string();

  std::vector<Seen> analyses;
  std::vector<json> sent;
  lsp::ServerOptions options;
  options.analysis = lsp::AnalysisMode::Inline;
  options.files = lsp::FileAccess::BuffersOnly;
  lsp::Server server([&](const json& m) { sent.push_back(m); }, options,
                     [&](const std::vector<UnitPlan>& plans, const FileProvider& fs, const AnalysisOptions& opts) {
                       Seen seen{{}, opts.config.min_severity, std::this_thread::get_id()};
                       for (const auto& plan : plans)
                         for (const auto& f : plan.files)
                           if (fs.read(f)) seen.files.push_back(std::filesystem::path(f).filename().string());
                       analyses.push_back(seen);
                       return AnalysisResult{};
                     });
  server.handle(json{{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"},
                     {"params", {{"rootUri", "file://" + dir.string()}, {"capabilities", json::object()}}}});
  server.handle(notification("initialized", json::object()));
  sent.clear();

  server.handle(didopen(main_tf, "locals {}\n"));
  REQUIRE(analyses.size() == 1);  // no waiting: done inside handle()
  CHECK(analyses[0].thread == std::this_thread::get_id());
  CHECK(analyses[0].files == std::vector<std::string>{"main.tf"});  // not on_disk.tf
  CHECK_FALSE(analyses[0].min_severity);                              // the file on disk is not read
  for (const auto& m : sent) CHECK(m["params"]["uri"] != "file://" + config);  // so its errors are not shown
  REQUIRE(sent.size() == 1);
  CHECK(sent[0]["method"] == "textDocument/publishDiagnostics");
  CHECK(sent[0]["params"]["uri"] == "file://" + main_tf);

  // Open buffers count: a second file of the module, and an unsaved configuration.
  server.handle(didopen(extra_tf, "locals {}\n"));
  REQUIRE(analyses.size() == 2);
  CHECK(analyses[1].files == std::vector<std::string>{"extra.tf", "main.tf"});
  server.handle(notification("textDocument/didOpen",
                             {{"textDocument", {{"uri", "file://" + config}, {"languageId", "yaml"}, {"version", 1},
                                                {"text", "severity: high\n"}}}}));
  REQUIRE(analyses.size() == 3);  // the configuration changed: the open module is analysed again
  CHECK(analyses[2].min_severity == Severity::High);
  CHECK(server.wait_idle(std::chrono::milliseconds(0)));
  std::filesystem::remove_all(dir);
}
