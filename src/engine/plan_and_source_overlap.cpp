#include "engine/plan_and_source_overlap.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <utility>

#include "core/disk_file_provider.h"
#include "formats/source_format.h"

namespace eph {

void drop_plan_findings_reported_in_source(const std::vector<UnitPlan>& units,
                                           std::vector<std::vector<Finding>*>& findings) {
  // (rule, resource) pairs reported by each directory unit (a Terraform module).
  std::map<std::string, std::set<std::pair<std::string, std::string>>> by_module;
  for (size_t i = 0; i < units.size(); ++i) {
    if (units[i].rejected() || !units[i].format->directory_units()) continue;
    auto& seen = by_module[normalize_path(units[i].root)];
    for (const Finding& f : *findings[i])
      if (!f.resource.empty()) seen.emplace(f.rule_id, f.resource);
  }
  if (by_module.empty()) return;
  for (size_t i = 0; i < units.size(); ++i) {
    if (!units[i].companion_of_directory) continue;
    std::string dir = std::filesystem::path(normalize_path(units[i].root)).parent_path().string();
    auto module = by_module.find(dir);
    if (module == by_module.end()) continue;
    auto& list = *findings[i];
    list.erase(std::remove_if(list.begin(), list.end(),
                              [&](const Finding& f) { return module->second.count({f.rule_id, f.resource}) > 0; }),
               list.end());
  }
}

}  // namespace eph
