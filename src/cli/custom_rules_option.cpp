// Custom rules for the commands that run or list rules: the configuration's custom-rules:
// and the --rules-dir flags, loaded together so that an id used twice is one error.
#include <iostream>

#include "cli/commands.h"
#include "custom/custom_rules.h"
#include "engine/config.h"

namespace eph::cli {

bool install_custom_rules_of(const Config& config, const std::vector<std::string>& rules_dirs, const char* command) {
  if (!config.custom_rules && rules_dirs.empty()) return true;
  CustomRuleSet set;
  if (config.custom_rules) set = *config.custom_rules;  // already checked with the configuration
  std::vector<ConfigError> errors;
  bool ok = load_custom_rules(rules_dirs, set, errors);
  for (const auto& e : errors) std::cerr << command << ": " << e.to_string() << "\n";
  if (!ok) return false;
  install_custom_rules(set);
  return true;
}

}  // namespace eph::cli
