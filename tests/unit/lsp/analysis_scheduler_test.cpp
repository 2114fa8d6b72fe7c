// The scheduler on its own, with a stand-in analyzer: queueing, stopping and waiting.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>

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
