#pragma once
// Loads one Terraform root module with its children into a LoadedUnit: owns the files,
// the parsed module configurations (one per directory, shared by all their instances),
// the evaluation environment and the module manifest of `terraform init`.
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/file_provider.h"
#include "core/resource.h"
#include "terraform/expression_evaluator.h"
#include "terraform/module_config.h"
#include "terraform/terraform_frontend.h"

namespace eph::terraform {

class UnitLoader {
 public:
  UnitLoader(std::string root_dir, const FileProvider& fs);

  LoadedUnit load(const std::vector<std::string>& files, const TerraformInputs& inputs);

  EvalEnv& env() { return env_; }
  const FileProvider& fs() const { return fs_; }
  const std::string& root_dir() const { return root_dir_; }
  // The parsed configuration of a module directory; nullptr when it is not a directory.
  const ModuleConfig* config_for(const std::string& dir);
  // Directory of a registry/git module call from .terraform/modules/modules.json ("a.b" keys).
  std::optional<std::string> manifest_dir(const std::string& key_path);
  SourceFilePtr adopt(const std::string& path, std::string text);
  // Reads `names` of `dir` (names or paths) into a configuration, parsed once per process.
  const ModuleConfig* read_config(const std::string& dir, const std::vector<std::string>& names);
  Value render_template(const SourceFilePtr& file, const Value& vars);

  // Depth of nested lazy evaluations (a local needing a resource needing a module output...).
  int lazy_depth = 0;
  static constexpr int kMaxLazyDepth = 120;
  static constexpr int kMaxModuleDepth = 24;
  static constexpr size_t kMaxInstances = 10'000;

 private:
  std::string root_dir_;
  const FileProvider& fs_;
  LoadedUnit unit_;
  EvalEnv env_;
  std::unordered_map<std::string, std::shared_ptr<const ModuleConfig>> configs_;
  std::unordered_map<std::string, SourceFilePtr> files_by_path_;
  std::unordered_map<const SourceFile*, ExprPtr> templates_;
  std::optional<std::unordered_map<std::string, std::string>> manifest_;
};

// "a/./b/../c" -> "a/c"; "" -> ".". Purely lexical.
std::string normalize_path(const std::string& path);

}  // namespace eph::terraform
