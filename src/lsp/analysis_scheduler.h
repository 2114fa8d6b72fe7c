#pragma once
// Runs analyses off the message loop: debounced per unit (an edit after a quiet period
// runs at once, a burst of edits runs once when it pauses for as long as the unit's analysis
// takes, see debounce_policy.h), a newer edit cancels the run
// of its unit, and the results are published as diagnostics for every file of the unit.
// AnalysisMode::Inline instead runs each analysis at once, inside schedule().
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "engine/analyzer.h"
#include "lsp/buffer_file_provider.h"
#include "lsp/debounce_policy.h"
#include "lsp/finding_conversion.h"
#include "lsp/hcl_document_trees.h"
#include "lsp/positions.h"

namespace eph::lsp {

// Everything one analysis needs, copied when it is scheduled: the worker never reads
// state the message loop changes.
struct AnalysisJob {
  std::string unit_key;                            // see unit_key_of()
  std::string document_path;                       // an open document of the unit
  bool clear_only = false;                         // the unit's last document closed: withdraw its diagnostics
  std::map<std::string, SourceFilePtr> overlays;   // every open document: path -> unsaved text
  std::map<std::string, std::string> open_uris;    // path -> the URI the client uses
  std::map<std::string, int64_t> versions;         // path -> document version
  std::shared_ptr<const HclTreeSnapshot> trees;    // parsed HCL of the open .tf documents
  Config config;
  std::vector<std::string> roots;                  // workspace folders: nothing outside them is read
  PositionEncoding encoding = PositionEncoding::Utf16;
};

// A Terraform document's unit is its directory; anything else is analysed on its own.
std::string unit_key_of(const std::string& path);

// Where and when analyses run.
enum class AnalysisMode {
  Background,  // on the scheduler's own thread: debounced, a newer edit cancels the running analysis
  Inline,      // inside schedule(), on the caller's thread, to completion: deterministic (tests, fuzzing)
};

using AnalyzeFunction =
    std::function<AnalysisResult(const std::vector<UnitPlan>&, const FileProvider&, const AnalysisOptions&)>;
using NotifyFunction = std::function<void(const std::string& method, nlohmann::json params)>;

class AnalysisScheduler {
 public:
  explicit AnalysisScheduler(NotifyFunction notify, AnalyzeFunction analyze_fn = eph::analyze,
                             AnalysisMode mode = AnalysisMode::Background, FileAccess files = FileAccess::Workspace);
  ~AnalysisScheduler();
  AnalysisScheduler(const AnalysisScheduler&) = delete;
  AnalysisScheduler& operator=(const AnalysisScheduler&) = delete;

  // A fixed delay after an edit that follows another; nullopt: adaptive (the default).
  void set_debounce(std::optional<std::chrono::milliseconds> debounce);
  // Replaces any pending job of the same unit and cancels its running analysis.
  void schedule(AnalysisJob job);
  // The findings last published for `path`, from every unit that contains it.
  std::vector<PublishedFinding> findings_for(const std::string& path) const;
  // Blocks until nothing is pending or running (or the timeout passes); for tests and shutdown.
  bool wait_idle(std::chrono::milliseconds timeout);
  // Cancels the running analysis and drops the queued ones; nothing runs afterwards.
  void stop();

 private:
  struct Pending {
    AnalysisJob job;
    std::chrono::steady_clock::time_point due;
  };
  void worker_loop();
  // Runs or clears one job; a failure goes to the client's log.
  void execute(const AnalysisJob& job, const std::atomic<bool>& cancel);
  void run(const AnalysisJob& job, const std::atomic<bool>& cancel);
  void clear(const AnalysisJob& job);
  // The publishDiagnostics parameters for `path` (the union over the units that contain
  // it), or null when nothing needs to be sent. Caller holds `store_mutex_`.
  nlohmann::json diagnostics_params(const std::string& path, const AnalysisJob& job);

  NotifyFunction notify_;
  AnalyzeFunction analyze_;
  const AnalysisMode mode_;
  const FileAccess files_;
  // Parsed module files that are not open, reused by the next analysis of their module.
  const std::shared_ptr<ClosedFileTrees> closed_trees_ = std::make_shared<ClosedFileTrees>();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable idle_;
  std::map<std::string, Pending> pending_;                                      // by unit key
  std::map<std::string, std::chrono::steady_clock::time_point> last_request_;   // by unit key
  std::string running_key_;
  std::shared_ptr<std::atomic<bool>> running_cancel_;
  DebouncePolicy debounce_;
  bool stopping_ = false;

  mutable std::mutex store_mutex_;
  // path -> unit key -> findings in that file from that unit's last analysis
  std::map<std::string, std::map<std::string, std::vector<PublishedFinding>>> store_;
  // path -> the diagnostics last sent for it: files that are not open are sent again only
  // when their diagnostics change (a module of fifty files is not fifty messages a keystroke).
  std::map<std::string, nlohmann::json> last_sent_;

  std::thread worker_;  // AnalysisMode::Background only
};

}  // namespace eph::lsp
