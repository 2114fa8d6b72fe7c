#pragma once
// Custom rules: the rule files of one or more directories, loaded as rules that run beside
// the built-in ones (same findings, suppressions, baselines, reports and editor diagnostics).
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/config_error.h"
#include "registry/rule_registry.h"

namespace eph {

struct CustomRuleSet {
  std::vector<std::shared_ptr<const RuleInfo>> infos;  // parallel to `rules`
  std::vector<std::shared_ptr<const Rule>> rules;
  std::vector<std::string> files;                      // every rule file read, loaded or not
};

// The rule files (`*.rule.yaml`) under `dir`, sorted; an error when `dir` is not a directory.
std::vector<std::string> custom_rule_files(const std::string& dir, std::string& error);

// Loads every rule file under `dirs` into `set` (added to what it holds). A file with errors
// is left out and its errors added to `errors`; the other files still load (the LSP runs
// them). Returns false when any error was found (the CLI exits 2).
// `read`, when given, reads a rule file's text instead of the disk (nullopt: unreadable).
using RuleFileReader = std::function<std::optional<std::string>(const std::string& path)>;
bool load_custom_rules(const std::vector<std::string>& dirs, CustomRuleSet& set, std::vector<ConfigError>& errors,
                       const RuleFileReader& read = {});

// Makes `set`'s rules part of all_rules() (replacing custom rules installed before).
void install_custom_rules(const CustomRuleSet& set);

}  // namespace eph
