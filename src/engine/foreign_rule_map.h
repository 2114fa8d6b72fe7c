#pragma once
// Other scanners' check ids that mean exactly what one ephemera rule means. A skip of
// one of them in the code is honoured as a suppression of that rule (README.md documents
// the table). Ids that do not map one to one are not listed, and are ignored.
#include <string>
#include <string_view>
#include <vector>

namespace eph {

struct ForeignRuleMapping {
  std::string_view tool;        // "checkov", "tfsec", "trivy", "cfn_nag", "cfn-lint"
  std::string_view foreign_id;  // as the tool writes it, compared case-insensitively
  std::string_view rule_id;     // ephemera rule
};

const std::vector<ForeignRuleMapping>& foreign_rule_mappings();

// The ephemera rules a tool's id maps to (empty when it maps to none).
std::vector<std::string> map_foreign_id(std::string_view tool, std::string_view foreign_id);

}  // namespace eph
