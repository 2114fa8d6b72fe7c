#pragma once
// Helpers for the CloudFormation front-end tests: in-memory and on-disk file providers.
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "cloudformation/template_frontend.h"
#include "core/file_provider.h"

namespace eph::testing {

class MemoryFiles : public FileProvider {
 public:
  std::map<std::string, std::string> files;
  std::optional<std::string> read(const std::string& path) const override {
    auto it = files.find(path);
    if (it == files.end()) return std::nullopt;
    return it->second;
  }
  std::vector<std::string> list(const std::string&, bool) const override { return {}; }
  bool is_directory(const std::string&) const override { return false; }
};

class DiskFiles : public FileProvider {
 public:
  std::optional<std::string> read(const std::string& path) const override {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  std::vector<std::string> list(const std::string&, bool) const override { return {}; }
  bool is_directory(const std::string& path) const override { return std::filesystem::is_directory(path); }
};

// Loads `text` as the template `name`.
inline LoadedUnit load(const std::string& text, const std::string& name = "template.yaml") {
  MemoryFiles fs;
  fs.files[name] = text;
  return cloudformation::load_template(name, fs);
}

inline const NativeResource* find_resource(const LoadedUnit& unit, const std::string& address) {
  for (const auto& r : unit.resources)
    if (r.address == address) return &r;
  return nullptr;
}

inline LineCol start_of(const Range& r) { return r.file->position(r.begin); }

}  // namespace eph::testing
