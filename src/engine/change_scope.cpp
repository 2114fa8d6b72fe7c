#include "engine/change_scope.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "core/disk_file_provider.h"
#include "engine/config_loader.h"
#include "engine/config_resolution.h"
#include "formats/registry.h"

namespace fs = std::filesystem;

namespace eph {
namespace {

bool is_config_name(const std::string& path) {
  std::string name = fs::path(path).filename().string();
  return std::any_of(std::begin(kConfigFileNames), std::end(kConfigFileNames),
                     [&](const char* n) { return name == n; });
}

// `dir` is `path` or one of its ancestors (both normalised).
bool at_or_above(const std::string& dir, const std::string& path) {
  if (dir == path || dir == "/") return true;
  return path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 && path[dir.size()] == '/';
}



std::string directory_of(const std::string& normalized) {
  std::string dir = fs::path(normalized).parent_path().string();
  return dir.empty() ? "/" : dir;
}

// A configuration file governs this scan when it is the one in effect, or when it was deleted
// from the scanned directory or above (it was in effect, or nearer than the one in effect now).
bool governs_scan(const std::string& config, const ChangeContext& context, const std::string& root) {
  if (context.config_file && normalize_path(*context.config_file) == config) return true;
  if (!context.nearest_config_applies || !is_config_name(config)) return false;
  std::error_code ec;
  return !fs::exists(config, ec) && at_or_above(directory_of(config), root);
}

}  // namespace

ChangeScope scope_of_change(const std::vector<std::string>& changed, const std::vector<UnitPlan>& units,
                            const ChangeContext& context) {
  ChangeScope scope;
  const std::string root = normalize_path(context.scan_root);
  std::set<std::string> module_dirs;  // directories of changed Terraform files
  std::set<std::string> files;        // changed files, for templates, plans and rejected files
  std::set<std::string> config_dirs;  // directories of changed nested configuration files
  for (const auto& path : changed) {
    std::string p = normalize_path(path);
    if (governs_scan(p, context, root)) {
      scope.configuration_changed = true;
    } else if (!at_or_above(root, p)) {
      scope.outside_root.push_back(path);
    } else if (is_config_name(p)) {
      if (context.nearest_config_applies) config_dirs.insert(directory_of(p));
      else scope.configs_not_applied.push_back(path);
    } else if (in_directory_unit(p)) {
      module_dirs.insert(directory_of(p));
      files.insert(p);
    } else {
      files.insert(p);
    }
  }
  if (scope.configuration_changed) {
    scope.units = units;
    return scope;
  }

  // A plan is analysed next to the configuration of its directory (their common findings are
  // reported once, in the source): the one selects the other.
  std::set<std::string> plan_dirs;
  for (const auto& unit : units) {
    if (unit.companion_of_directory && files.count(normalize_path(unit.root)))
      module_dirs.insert(directory_of(normalize_path(unit.root)));
  }
  for (const auto& unit : units) {
    bool selected = false;
    if (!unit.rejected() && unit.format->directory_units()) {
      selected = std::any_of(unit.module_dirs.begin(), unit.module_dirs.end(),
                             [&](const std::string& d) { return module_dirs.count(d) > 0; });
      if (selected) plan_dirs.insert(normalize_path(unit.root));
    } else {
      selected = files.count(normalize_path(unit.root)) > 0;
    }
    // A nested configuration file governs the units at or below its directory (the nearest
    // one applies to each unit): every finding in their files concerns its change.
    std::string dir = normalize_path(unit_directory(unit));
    if (std::any_of(config_dirs.begin(), config_dirs.end(), [&](const std::string& d) { return at_or_above(d, dir); })) {
      selected = true;
      if (!unit.rejected() && unit.format->directory_units())
        scope.files_concerned.insert(scope.files_concerned.end(), unit.files.begin(), unit.files.end());
      else
        scope.files_concerned.push_back(unit.root);
    }
    if (selected) scope.units.push_back(unit);
  }
  for (const auto& unit : units) {
    if (unit.companion_of_directory && plan_dirs.count(directory_of(normalize_path(unit.root))) &&
        !files.count(normalize_path(unit.root)))
      scope.units.push_back(unit);
  }
  std::stable_sort(scope.units.begin(), scope.units.end(),
                   [](const UnitPlan& a, const UnitPlan& b) { return a.root < b.root; });
  return scope;
}

}  // namespace eph
