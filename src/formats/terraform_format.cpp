#include "formats/terraform_format.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "core/disk_file_provider.h"
#include "model/endpoint_fix.h"
#include "terraform/terraform_frontend.h"

namespace fs = std::filesystem;

namespace eph {
namespace {

std::string join_path(const std::string& dir, const std::string& name) {
  if (dir.empty() || dir == ".") return dir == "." ? "./" + name : name;
  return dir.back() == '/' ? dir + name : dir + "/" + name;
}

// `source = "./x"` / `"../x"` in a module's text: the directories it calls. A plain scan: planning
// reads every .tf file, and std::regex here cost more than the rest of planning (callgrind).
std::vector<std::string> local_module_sources(const std::string& dir, const std::string& text) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  const size_t n = text.size();
  std::vector<std::string> out;
  for (size_t at = text.find("source"); at != std::string::npos; at = text.find("source", at + 1)) {
    size_t i = at + 6;
    while (i < n && space(text[i])) ++i;
    if (i >= n || text[i] != '=') continue;
    ++i;
    while (i < n && space(text[i])) ++i;
    if (i >= n || text[i] != '"') continue;
    size_t close = text.find('"', ++i);
    if (close == std::string::npos) break;
    std::string_view value(text.data() + i, close - i);
    if (value == "." || value == ".." || value.rfind("./", 0) == 0 || value.rfind("../", 0) == 0) {
      out.push_back(normalize_path(join_path(dir, std::string(value))));
      at = close;
    }
  }
  return out;
}

// Modules that a root reaches through local calls; the rest (a cycle nobody outside calls) is unreached.
std::set<std::string> reached_modules(const std::set<std::string>& roots,
                                      const std::map<std::string, std::set<std::string>>& calls) {
  std::set<std::string> seen(roots.begin(), roots.end());
  std::vector<std::string> frontier(roots.begin(), roots.end());
  while (!frontier.empty()) {
    std::string m = std::move(frontier.back());
    frontier.pop_back();
    auto it = calls.find(m);
    if (it == calls.end()) continue;
    for (const auto& callee : it->second) {
      if (seen.insert(callee).second) frontier.push_back(callee);
    }
  }
  return seen;
}

bool configuration_name(std::string_view path) {
  return path_ends_with(path, ".tf") || path_ends_with(path, ".tf.json");
}

bool variables_name(std::string_view path) {
  return path_ends_with(path, ".tfvars") || path_ends_with(path, ".tfvars.json");
}

class TerraformFormat final : public SourceFormat {
 public:
  std::string_view name() const override { return "terraform"; }
  bool candidate_name(std::string_view path) const override { return configuration_name(path) || variables_name(path); }
  bool certain_by_name(std::string_view path) const override { return configuration_name(path); }
  bool read_by_units_only(std::string_view path) const override { return variables_name(path); }
  bool recognises(std::string_view path, const std::string&) const override { return configuration_name(path); }
  bool directory_units() const override { return true; }
  bool hcl_syntax(std::string_view path) const override { return path_ends_with(path, ".tf"); }
  ResourceBlock declared_resource_at(const SourceFile& file, uint32_t offset) const override {
    return hcl_syntax(file.path()) ? hcl_block_at(file, file.position(offset).line) : ResourceBlock{};
  }

  std::vector<std::string> references(std::string_view path, const std::string& text) const override {
    std::string dir = fs::path(path).parent_path().string();
    return local_module_sources(dir.empty() ? "." : dir, text);
  }

  void group(const std::vector<RecognisedFile>& found, const std::set<std::string>& explicit_set,
             std::vector<UnitPlan>& units) const override {
    std::map<std::string, std::vector<std::string>> modules;  // directory -> .tf files
    std::map<std::string, std::string> module_dir_display;    // normalised -> as written
    std::set<std::string> called;                             // module directories called by others
    std::map<std::string, std::set<std::string>> calls;       // module directory -> local modules it calls
    for (const auto& file : found) {
      std::string dir = fs::path(file.path).parent_path().string();
      if (dir.empty()) dir = ".";
      std::string norm = normalize_path(dir);
      modules[norm].push_back(file.path);
      module_dir_display.emplace(norm, dir);
      for (const auto& callee : file.references) {
        if (callee != norm) {
          called.insert(callee);
          calls[norm].insert(callee);
        }
      }
    }
    // A module that another scanned module calls is analysed in its caller's context,
    // unless the user named its files explicitly.
    std::set<std::string> roots;
    for (const auto& [norm, files] : modules) {
      bool named = std::any_of(files.begin(), files.end(), [&](const std::string& f) { return explicit_set.count(f); });
      if (!called.count(norm) || named) roots.insert(norm);
    }
    // Modules that only call each other (a -> b -> a) have no caller outside the cycle: the first
    // one becomes a root, so the cycle is reported (EPH004) instead of the modules silently skipped.
    std::set<std::string> reached = reached_modules(roots, calls);
    for (const auto& [norm, files] : modules) {
      if (reached.count(norm)) continue;
      roots.insert(norm);
      reached = reached_modules(roots, calls);
    }
    for (auto& [norm, files] : modules) {
      if (!roots.count(norm)) continue;
      std::sort(files.begin(), files.end());
      std::set<std::string> reaches = reached_modules({norm}, calls);
      UnitPlan unit;
      unit.format = this;
      unit.root = module_dir_display[norm];
      unit.files = std::move(files);
      unit.module_dirs.assign(reaches.begin(), reaches.end());
      units.push_back(std::move(unit));
    }
  }

  LoadedUnit load(const UnitPlan& plan, const FileProvider& fs, const SourceInputs& inputs) const override {
    return terraform::load_module(plan.root, plan.files, fs, inputs.terraform);
  }

  const EndpointFixWriter* endpoint_fix_writer() const override { return &terraform_endpoint_writer(); }

  std::vector<std::string> watched_globs() const override { return {"**/*.{tf,tf.json,tfvars,tfvars.json}"}; }
};

}  // namespace

const SourceFormat& terraform_format() {
  static const TerraformFormat format;
  return format;
}

}  // namespace eph
