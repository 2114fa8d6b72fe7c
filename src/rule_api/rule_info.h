#pragma once
// What the registry knows of a rule besides its code: its metadata from the README front
// matter (built-in rules) or its rule file (custom rules). Rules read their own through
// RuleContext::info(); the registry (registry/rule_registry.h) keeps one per rule.
#include <string>
#include <string_view>

#include "core/severity.h"
#include "rule_api/rule_options.h"

namespace eph {

class Rule;

struct RuleInfo {
  std::string id;        // EPH301
  std::string slug;      // secret-in-env-var
  std::string title;     // one line
  Severity severity = Severity::Medium;
  std::string folder;    // EPH301-secret-in-env-var
  std::string_view documentation;  // README body without front matter
  std::string summary;   // first paragraph of the body, for SARIF short descriptions
  RuleOptions options;   // declared by the rule (Rule::options)
  // Custom rules (src/custom): the rule file they come from, and their documentation link
  // (the rule's `docs.url`, else the file). Empty for built-in rules.
  std::string source_file;
  std::string help_uri;
  bool custom() const { return !source_file.empty(); }
};

struct RuleEntry {
  const RuleInfo* info;
  const Rule* rule;
};

}  // namespace eph
