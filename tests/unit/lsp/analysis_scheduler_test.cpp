// The scheduler on its own, with a stand-in analyzer: queueing, stopping and waiting.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "lsp/analysis_scheduler.h"

using nlohmann::json;
using namespace eph;
using namespace std::chrono_literals;

namespace {

lsp::AnalysisJob job_for(const std::string& path) {
  lsp::AnalysisJob job;
  job.unit_key = lsp::unit_key_of(path);
  job.document_path = path;
  return job;
}

}  // namespace

TEST_CASE("after stop, wait_idle returns at once even though an analysis was still queued") {
  std::atomic<int> analyses{0};
  lsp::AnalysisScheduler scheduler([](const std::string&, json) {},
                                   [&](const std::vector<UnitPlan>&, const FileProvider&, const AnalysisOptions&) {
                                     ++analyses;
                                     return AnalysisResult{};
                                   });
  scheduler.set_debounce(30s);
  const std::string path = "/nonexistent-ephemera-test/m/main.tf";
  scheduler.schedule(job_for(path));  // a quiet unit: runs at once
  REQUIRE(scheduler.wait_idle(10s));
  scheduler.schedule(job_for(path));  // within the debounce: queued for 30 s
  CHECK_FALSE(scheduler.wait_idle(0ms));

  scheduler.stop();  // what `shutdown` does
  auto start = std::chrono::steady_clock::now();
  CHECK(scheduler.wait_idle(5s));
  CHECK(std::chrono::steady_clock::now() - start < 1s);
  scheduler.schedule(job_for(path));  // nothing runs after stop: not queued either
  CHECK(scheduler.wait_idle(0ms));
  CHECK(analyses.load() == 1);
}

TEST_CASE("inline mode: schedule() runs each analysis at once on the caller's thread, debounce or not") {
  std::vector<std::thread::id> ran_on;
  std::vector<std::string> published;
  lsp::AnalysisScheduler scheduler(
      [&](const std::string& method, json params) {
        if (method == "textDocument/publishDiagnostics") published.push_back(params["uri"]);
      },
      [&](const std::vector<UnitPlan>&, const FileProvider&, const AnalysisOptions&) {
        ran_on.push_back(std::this_thread::get_id());
        return AnalysisResult{};
      },
      lsp::AnalysisMode::Inline, lsp::FileAccess::BuffersOnly);
  scheduler.set_debounce(30s);  // a background scheduler would hold the second job for 30 s
  const std::string path = "/nonexistent-ephemera-test/m/main.tf";
  for (int version = 1; version <= 2; ++version) {
    lsp::AnalysisJob job = job_for(path);
    job.overlays[path] = std::make_shared<SourceFile>(path, "locals {}\n");
    job.open_uris[path] = "file://" + path;
    job.versions[path] = version;
    scheduler.schedule(std::move(job));
    REQUIRE(ran_on.size() == static_cast<size_t>(version));  // done before schedule() returned
    CHECK(ran_on.back() == std::this_thread::get_id());
    CHECK(published.size() == static_cast<size_t>(version));  // an open document always gets an answer
  }
  CHECK(scheduler.wait_idle(0ms));
  scheduler.stop();
  scheduler.schedule(job_for(path));
  CHECK(ran_on.size() == 2);
}
