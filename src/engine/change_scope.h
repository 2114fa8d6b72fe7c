#pragma once
// What a change (the files of a commit) asks to analyse: the units the changed files belong
// to, found in the plan of the whole scanned tree, so that the findings on the changed files
// are those a scan of the whole tree reports on them. Graph rules need the whole unit: a
// .tfvars change is analysed with its module, a module's change with the root modules that
// call it.
#include <optional>
#include <string>
#include <vector>

#include "engine/discovery.h"

namespace eph {

struct ChangeScope {
  std::vector<UnitPlan> units;   // the units to analyse, in plan order
  // The configuration in effect changed: it governs every unit, so every finding of the
  // scan concerns the change (not only those in the changed files).
  bool configuration_changed = false;
  std::vector<std::string> outside_root;  // changed paths outside the scanned directory
  // Changed configuration files that do not apply to this scan (nested below the scanned
  // directory, with --config or --no-config).
  std::vector<std::string> configs_not_applied;
  // The files of the units a changed nested configuration file governs: all their findings
  // concern the change.
  std::vector<std::string> files_concerned;
};

struct ChangeContext {
  std::string scan_root;                   // the scanned directory
  std::optional<std::string> config_file;  // the configuration file in effect, if any
  bool nearest_config_applies = true;      // false with --config or --no-config
};

// `changed` may name deleted files: a deleted Terraform file still selects the units of its
// module directory; a deleted configuration file that was in effect (in the scanned directory
// or above) selects every unit. Files no unit holds (READMEs, YAML that is no template,
// excluded files) select nothing.
ChangeScope scope_of_change(const std::vector<std::string>& changed, const std::vector<UnitPlan>& units,
                            const ChangeContext& context);

}  // namespace eph
