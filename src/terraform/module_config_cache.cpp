#include "terraform/module_config_cache.h"

#include <algorithm>

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
  static ModuleConfigCache cache;
  return cache;
}

std::shared_ptr<const ModuleConfig> ModuleConfigCache::get(const std::string& dir,
                                                           std::vector<std::pair<std::string, std::string>> files,
                                                           const hcl::ParsedHclTrees* parsed) {
  std::sort(files.begin(), files.end());
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = entries_.find(dir);
    if (it != entries_.end() && same_files(*it->second, files)) return it->second;
  }
  std::vector<SourceFilePtr> sources;
  sources.reserve(files.size());
  for (auto& [path, text] : files) sources.push_back(std::make_shared<const SourceFile>(path, std::move(text)));
  std::shared_ptr<const ModuleConfig> config = build_module_config(dir, std::move(sources), parsed);
  std::lock_guard<std::mutex> lock(mutex_);
  if (entries_.size() >= kMaxEntries) entries_.clear();
  entries_[dir] = config;
  return config;
}

}  // namespace eph::terraform
