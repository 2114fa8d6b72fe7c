#pragma once
// A custom rule file (`*.rule.yaml`): metadata, documentation and a query over the semantic
// model (docs/custom-rules.md). Everything is checked when the file is read: unknown keys,
// entities, fields and operators, comparisons that cannot match their field's type, bad
// patterns and CIDRs are errors at the file, line and column where they are written.
#include <optional>
#include <string>
#include <vector>

#include "core/config_error.h"
#include "core/severity.h"
#include "custom/rule_query.h"

namespace eph::custom {

struct RuleDocs {
  std::string what, why, fix;
  std::string url;  // optional: where the team documents the rule
};

struct CustomRuleSpec {
  std::string id;        // a team's prefix and a number: ACME101, X601
  std::string slug;      // kebab-case
  std::string title;
  Severity severity = Severity::Medium;
  RuleDocs docs;
  std::string path;      // the rule file
  SourceFilePtr source;  // keeps the positions of the query's arguments alive
  Query query;
};

// The suffix that marks a rule file in a rules directory; the other files there are fixtures.
inline constexpr std::string_view kRuleFileSuffix = ".rule.yaml";

// The operators and combinators of conditions, for the reference (docs/custom-rules.md).
struct OperatorDoc {
  std::string_view name, meaning;
  bool combinator = false;
};
std::vector<OperatorDoc> operator_docs();

// Reads one rule file. Returns nullopt and fills `errors` when anything is wrong.
std::optional<CustomRuleSpec> parse_rule_file(const std::string& path, const std::string& text,
                                              std::vector<ConfigError>& errors);

}  // namespace eph::custom
