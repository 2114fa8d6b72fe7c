#pragma once
// An in-memory FileProvider for front-end tests: paths are "dir/name" strings.
#include <map>
#include <string>
#include <vector>

#include "core/file_provider.h"
#include "core/resource.h"
#include "terraform/terraform_frontend.h"

namespace eph::tftest {

class MemoryFiles final : public FileProvider {
 public:
  MemoryFiles& add(std::string path, std::string text) {
    files_[std::move(path)] = std::move(text);
    return *this;
  }
  std::optional<std::string> read(const std::string& path) const override {
    auto it = files_.find(path);
    if (it == files_.end()) return std::nullopt;
    return it->second;
  }
  std::vector<std::string> list(const std::string& dir, bool files_only) const override {
    std::vector<std::string> out;
    std::string prefix = dir + "/";
    for (const auto& [path, text] : files_) {
      if (path.rfind(prefix, 0) != 0) continue;
      std::string rest = path.substr(prefix.size());
      if (rest.find('/') == std::string::npos) out.push_back(rest);
    }
    return out;
  }
  bool is_directory(const std::string& path) const override {
    std::string prefix = path + "/";
    for (const auto& [p, text] : files_)
      if (p.rfind(prefix, 0) == 0) return true;
    return false;
  }

 private:
  std::map<std::string, std::string> files_;
};

// Loads the module at `dir` of `files` with `inputs`.
inline LoadedUnit load(const MemoryFiles& files, const std::string& dir = "root",
                       const terraform::TerraformInputs& inputs = {}) {
  return terraform::load_module(dir, {}, files, inputs);
}

// Loads a single main.tf.
inline LoadedUnit load_tf(const std::string& text) {
  MemoryFiles files;
  files.add("root/main.tf", text);
  return load(files);
}

inline const NativeResource* find_resource(const LoadedUnit& unit, const std::string& address) {
  for (const auto& r : unit.resources)
    if (r.address == address) return &r;
  return nullptr;
}

// The evaluated body attribute `path` ("a/b/0/c") of resource `address`; nullptr when absent.
inline const Value* attr(const LoadedUnit& unit, const std::string& address, const std::string& path) {
  const NativeResource* r = find_resource(unit, address);
  return r ? r->body.at(path) : nullptr;
}

inline std::string text_at(const LoadedUnit& unit, const std::string& address, const std::string& path) {
  const Value* v = attr(unit, address, path);
  if (!v) return "<absent>";
  if (v->is_unknown()) return "<unknown>";
  return v->display();
}

inline size_t count_kind(const LoadedUnit& unit, Diagnostic::Kind kind) {
  size_t n = 0;
  for (const auto& d : unit.diagnostics) n += d.kind == kind;
  return n;
}

}  // namespace eph::tftest
