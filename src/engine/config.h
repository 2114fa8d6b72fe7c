#pragma once
// Effective configuration of a scan: .ephemera.yaml merged with command-line flags.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/severity.h"
#include "core/value.h"
#include "rule_api/rule_settings.h"

namespace eph {

struct CustomRuleSet;

struct Config {
  std::map<std::string, RuleSettings, std::less<>> rules;  // by rule id
  std::vector<std::string> exclude;                         // path globs not scanned
  std::optional<Severity> fail_on = Severity::Low;          // exit 1 when a finding is at or above; none: never
  std::optional<Severity> min_severity;                     // findings below are not reported
  size_t max_file_bytes = 8u << 20;                         // larger files: EPH001
  bool foreign_suppressions = true;                         // honour checkov/tfsec/cfn_nag/cfn-lint skips
  bool fail_on_parse_errors = true;                         // EPH000 fails the scan whatever fail_on says
  bool follow_symlinks = false;                             // follow links out of the scanned paths (unsafe)
  std::optional<std::string> serverless_stage;              // serverless: stage (--stage overrides)
  std::vector<std::pair<std::string, std::string>> serverless_env;  // serverless: env, for ${env:NAME}
  std::string today;                                        // YYYY-MM-DD for suppression expiry; empty: now
  SourceFilePtr source;                                     // the .ephemera.yaml read, kept for its ranges
  // `custom-rules:` directories (relative to the configuration file) and the rules loaded
  // from them; the CLI and the LSP install them beside the built-in rules.
  std::vector<std::string> custom_rule_dirs;
  std::shared_ptr<const CustomRuleSet> custom_rules;
  // Set by the caller before parsing to read rule files from elsewhere than the disk (the
  // LSP: unsaved editor buffers first). Empty: the disk.
  std::function<std::optional<std::string>(const std::string& path)> read_rule_file;

  const RuleSettings& settings(const std::string& rule_id) const;
};

}  // namespace eph
