#pragma once
// Parsed module configurations shared across units and scans: a module directory that twenty
// examples call is parsed once, and the LSP re-analyses an edited module without re-parsing
// the modules it calls. An entry is reused only while every file's text is unchanged (the
// LSP's edited buffers give new texts, hence new entries).
//
// Bounded by the size of the cached sources, least recently used first out: memory stays
// proportional to the budget and the modules in use, not to the size of the scanned tree.
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "terraform/module_config.h"

namespace eph::terraform {

class ModuleConfigCache {
 public:
  // Source bytes kept: a parsed configuration takes roughly 20-30 times its text.
  static constexpr size_t kDefaultBudgetBytes = 8u << 20;

  // What a one-shot scan keeps: there a module is reused only by the roots that call it, which
  // the scan analyses in path order, close together; the editor's re-analyses want more.
  static constexpr size_t kScanBudgetBytes = 1u << 20;

  explicit ModuleConfigCache(size_t budget_bytes = kDefaultBudgetBytes) : budget_bytes_(budget_bytes) {}
  static ModuleConfigCache& shared();

  // The configuration of `dir` made of `files` (path, text), parsed now or earlier.
  // `parsed`: trees some files already have (the LSP's open buffers), used instead of parsing.
  std::shared_ptr<const ModuleConfig> get(const std::string& dir, std::vector<std::pair<std::string, std::string>> files,
                                          const hcl::ParsedHclTrees* parsed = nullptr);

  // Keeps at most `budget_bytes` of source from now on (least recently used out first).
  void set_budget(size_t budget_bytes);
  // Forgets every entry (benchmarks time cold scans in one process).
  void clear();
  size_t cached_bytes() const;
  size_t cached_modules() const;

 private:
  struct Entry {
    std::shared_ptr<const ModuleConfig> config;
    size_t bytes = 0;
    uint64_t last_use = 0;
  };
  void evict_over_budget();  // mutex_ held

  size_t budget_bytes_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  size_t bytes_ = 0;
  uint64_t clock_ = 0;
};

}  // namespace eph::terraform
