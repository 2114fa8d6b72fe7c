#pragma once
// Parsed module configurations shared across units and scans: a module directory that twenty
// examples call is parsed once. An entry is reused only while every file's text is unchanged
// (the LSP's edited buffers give new texts, hence new entries).
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
  static ModuleConfigCache& shared();

  // The configuration of `dir` made of `files` (path, text), parsed now or earlier.
  // `parsed`: trees some files already have (the LSP's open buffers), used instead of parsing.
  std::shared_ptr<const ModuleConfig> get(const std::string& dir, std::vector<std::pair<std::string, std::string>> files,
                                          const hcl::ParsedHclTrees* parsed = nullptr);

 private:
  static constexpr size_t kMaxEntries = 2048;
  std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const ModuleConfig>> entries_;
};

}  // namespace eph::terraform
