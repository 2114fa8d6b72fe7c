#include "terraform/module_config_cache.h"

#include <algorithm>

#include "core/lru_eviction.h"

namespace eph::terraform {
namespace {

bool same_files(const ModuleConfig& config, const std::vector<std::pair<std::string, std::string>>& files) {
  if (config.sources.size() != files.size()) return false;
  for (size_t i = 0; i < files.size(); ++i) {
    const SourceFile& f = *config.sources[i];
    if (f.path() != files[i].first || f.text() != files[i].second) return false;
  }
  return true;
}

}  // namespace

ModuleConfigCache& ModuleConfigCache::shared() {
  // Never destroyed: tearing down every cached module at exit cost a CLI scan a few percent
  // of its time for memory the process is about to return anyway. Still reachable, so not a leak.
  static ModuleConfigCache& cache = *new ModuleConfigCache;
  return cache;
}

std::shared_ptr<const ModuleConfig> ModuleConfigCache::get(const std::string& dir,
                                                           std::vector<std::pair<std::string, std::string>> files,
                                                           const hcl::ParsedHclTrees* parsed) {
  std::sort(files.begin(), files.end());
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = entries_.find(dir);
    if (it != entries_.end() && same_files(*it->second.config, files)) {
      it->second.last_use = ++clock_;
      return it->second.config;
    }
  }
  size_t bytes = 0;
  std::vector<SourceFilePtr> sources;
  sources.reserve(files.size());
  for (auto& [path, text] : files) {
    bytes += path.size() + text.size();
    sources.push_back(std::make_shared<const SourceFile>(path, std::move(text)));
  }
  std::shared_ptr<const ModuleConfig> config = build_module_config(dir, std::move(sources), parsed);
  std::lock_guard<std::mutex> lock(mutex_);
  Entry& entry = entries_[dir];
  bytes_ -= entry.bytes;
  entry = Entry{config, bytes, ++clock_};
  bytes_ += bytes;
  evict_over_budget();
  return config;
}

void ModuleConfigCache::evict_over_budget() {
  evict_least_recently_used(entries_, bytes_, budget_bytes_, [](const Entry& e) { return e.bytes; });
}

void ModuleConfigCache::set_budget(size_t budget_bytes) {
  std::lock_guard<std::mutex> lock(mutex_);
  budget_bytes_ = budget_bytes;
  evict_over_budget();
}

void ModuleConfigCache::clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  entries_.clear();
  bytes_ = 0;
}

size_t ModuleConfigCache::cached_bytes() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return bytes_;
}

size_t ModuleConfigCache::cached_modules() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return entries_.size();
}

}  // namespace eph::terraform
