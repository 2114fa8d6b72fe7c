#include "lsp/analysis_scheduler.h"

#include <algorithm>
#include <filesystem>

#include "core/disk_file_provider.h"
#include "lsp/buffer_file_provider.h"
#include "lsp/json_metadata_suppression.h"
#include "lsp/unit_resolver.h"
#include "lsp/uri.h"

namespace eph::lsp {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

std::string unit_key_of(const std::string& path) {
  if (!is_terraform_path(path)) return path;
  std::string dir = std::filesystem::path(path).parent_path().string();
  return dir.empty() ? "/" : dir;
}

AnalysisScheduler::AnalysisScheduler(NotifyFunction notify, AnalyzeFunction analyze_fn, AnalysisMode mode,
                                     FileAccess files)
    : notify_(std::move(notify)), analyze_(std::move(analyze_fn)), mode_(mode), files_(files) {
  if (mode_ == AnalysisMode::Background) worker_ = std::thread([this] { worker_loop(); });
}

AnalysisScheduler::~AnalysisScheduler() { stop(); }

void AnalysisScheduler::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
    // Queued jobs would never run: left in place, they kept wait_idle() waiting out its timeout.
    pending_.clear();
    if (running_cancel_) running_cancel_->store(true);
  }
  wake_.notify_all();
  idle_.notify_all();
  if (worker_.joinable()) worker_.join();
}

void AnalysisScheduler::set_debounce(std::optional<std::chrono::milliseconds> debounce) {
  std::lock_guard<std::mutex> lock(mutex_);
  debounce_.set_fixed(debounce);
}

void AnalysisScheduler::schedule(AnalysisJob job) {
  if (mode_ == AnalysisMode::Inline) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (stopping_) return;
    }
    std::atomic<bool> never_cancelled{false};  // nothing can supersede a job that runs to completion here
    execute(job, never_cancelled);
    return;
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) return;  // no worker would ever take it
    auto now = Clock::now();
    std::string key = job.unit_key;
    auto last = last_request_.find(key);
    std::chrono::milliseconds delay = debounce_.delay(key);
    bool quiet = (last == last_request_.end() || now - last->second >= delay) && !pending_.count(key) &&
                 running_key_ != key;
    last_request_[key] = now;
    auto due = quiet || job.clear_only ? now : now + delay;
    pending_[key] = Pending{std::move(job), due};
    if (running_key_ == key && running_cancel_) running_cancel_->store(true);
  }
  wake_.notify_all();
}

bool AnalysisScheduler::wait_idle(std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mutex_);
  return idle_.wait_for(lock, timeout, [&] { return pending_.empty() && running_key_.empty(); });
}

void AnalysisScheduler::worker_loop() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    if (pending_.empty()) {
      idle_.notify_all();
      wake_.wait(lock);
      continue;
    }
    auto next = pending_.begin();
    for (auto it = pending_.begin(); it != pending_.end(); ++it)
      if (it->second.due < next->second.due) next = it;
    if (auto due = next->second.due; due > Clock::now()) {
      // A copy: wait_until reads the deadline after waking, when stop() may have dropped the job.
      wake_.wait_until(lock, due);
      continue;
    }
    AnalysisJob job = std::move(next->second.job);
    pending_.erase(next);
    running_key_ = job.unit_key;
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    running_cancel_ = cancel;
    lock.unlock();
    auto started = Clock::now();
    execute(job, *cancel);
    auto took = Clock::now() - started;
    lock.lock();
    // Only complete analyses say how long one takes (a cancelled one stopped early).
    if (!cancel->load() && !job.clear_only) debounce_.record(job.unit_key, took);
    running_key_.clear();
    running_cancel_.reset();
  }
  idle_.notify_all();
}

void AnalysisScheduler::execute(const AnalysisJob& job, const std::atomic<bool>& cancel) {
  try {
    if (job.clear_only) clear(job);
    else run(job, cancel);
  } catch (const std::exception& e) {
    notify_("window/logMessage",
            {{"type", 1}, {"message", "ephemera: analysis of " + job.unit_key + " failed: " + e.what()}});
  }
}

json AnalysisScheduler::diagnostics_params(const std::string& path, const AnalysisJob& job) {
  json list = json::array();
  auto it = store_.find(path);
  if (it != store_.end()) {
    for (const auto& [unit, findings] : it->second)
      for (const auto& f : findings) list.push_back(f.diagnostic);
  }
  auto uri = job.open_uris.find(path);
  auto version = job.versions.find(path);
  bool open = version != job.versions.end();
  auto sent = last_sent_.find(path);
  bool unchanged = sent != last_sent_.end() ? sent->second == list : list.empty();
  if (!open && unchanged) return nullptr;
  json params = {{"uri", uri != job.open_uris.end() ? uri->second : path_to_uri(path)}, {"diagnostics", list}};
  if (open) params["version"] = version->second;
  if (list.empty()) last_sent_.erase(path);
  else last_sent_[path] = std::move(list);
  return params;
}

void AnalysisScheduler::run(const AnalysisJob& job, const std::atomic<bool>& cancel) {
  // The workspace folders; a document opened outside them (or without any) adds its own
  // directory, so that its module can still be read.
  std::vector<std::string> roots = job.roots;
  std::string document = normalize_path(job.document_path);
  if (std::none_of(roots.begin(), roots.end(), [&](const std::string& r) { return path_within(document, normalize_path(r)); }))
    roots.push_back(std::filesystem::path(document).parent_path().string());
  BufferFileProvider fs(files_, roots, job.config.max_file_bytes, job.trees, closed_trees_);
  for (const auto& [path, text] : job.overlays) fs.set_overlay(path, text->text());

  DocumentUnit unit = unit_of_document(job.document_path, fs, job.config.max_file_bytes, PathExclusion(job.config));
  if (cancel.load()) return;
  AnalysisOptions options;
  options.config = job.config;
  options.threads = 1;
  options.cancel = &cancel;
  AnalysisResult result = analyze_(unit.plans, fs, options);
  if (result.cancelled || cancel.load()) return;  // a newer job for this unit is queued

  UriOf uri_of = [&](const std::string& path) {
    auto it = job.open_uris.find(normalize_path(path));
    return it != job.open_uris.end() ? it->second : path_to_uri(normalize_path(path));
  };
  std::map<std::string, std::vector<PublishedFinding>> fresh;
  JsonMetadataSuppressions json_templates;
  for (const auto& f : result.findings) {
    if (f.suppressed || !f.range.file) continue;
    fresh[normalize_path(f.range.file->path())].push_back(publish_finding(f, job.encoding, uri_of, &json_templates));
  }

  // Every file of the unit is published: new findings, findings that went away, and the
  // open documents of the unit (so each edit gets an answer, even an empty one).
  std::set<std::string> paths;
  for (const auto& plan : unit.plans)
    for (const auto& file : plan.files) paths.insert(normalize_path(file));
  for (const auto& [path, findings] : fresh) paths.insert(path);
  for (const auto& [path, text] : job.overlays)
    if (unit_key_of(path) == job.unit_key) paths.insert(path);

  std::vector<json> messages;
  {
    std::lock_guard<std::mutex> lock(store_mutex_);
    for (auto& [path, by_unit] : store_)
      if (by_unit.count(job.unit_key)) paths.insert(path);
    for (const auto& path : paths) {
      auto found = fresh.find(path);
      if (found != fresh.end()) store_[path][job.unit_key] = std::move(found->second);
      else if (auto it = store_.find(path); it != store_.end()) {
        it->second.erase(job.unit_key);
        if (it->second.empty()) store_.erase(it);
      }
      if (json params = diagnostics_params(path, job); !params.is_null()) messages.push_back(std::move(params));
    }
  }
  for (auto& params : messages) notify_("textDocument/publishDiagnostics", std::move(params));
  for (const auto& e : result.errors) {
    notify_("window/logMessage", {{"type", 2}, {"message", "ephemera: " + e.path + ": " + e.message}});
  }
}

void AnalysisScheduler::clear(const AnalysisJob& job) {
  std::vector<json> messages;
  {
    std::lock_guard<std::mutex> lock(store_mutex_);
    std::set<std::string> paths{job.document_path};
    for (auto& [path, by_unit] : store_)
      if (by_unit.count(job.unit_key)) paths.insert(path);
    for (const auto& path : paths) {
      if (auto it = store_.find(path); it != store_.end()) {
        it->second.erase(job.unit_key);
        if (it->second.empty()) store_.erase(it);
      }
      if (json params = diagnostics_params(path, job); !params.is_null()) messages.push_back(std::move(params));
    }
  }
  for (auto& params : messages) notify_("textDocument/publishDiagnostics", std::move(params));
}

std::vector<PublishedFinding> AnalysisScheduler::findings_for(const std::string& path) const {
  std::lock_guard<std::mutex> lock(store_mutex_);
  std::vector<PublishedFinding> out;
  auto it = store_.find(path);
  if (it == store_.end()) return out;
  for (const auto& [unit, findings] : it->second) out.insert(out.end(), findings.begin(), findings.end());
  return out;
}

}  // namespace eph::lsp
