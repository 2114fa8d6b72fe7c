#pragma once
// The rules' README.md files, compiled in (generated from rules/*/README.md).
#include <string_view>
#include <vector>

namespace eph {

struct EmbeddedRuleDoc {
  std::string_view folder;  // "EPH301-secret-in-env-var"
  std::string_view text;    // the whole README.md, front matter included
};

const std::vector<EmbeddedRuleDoc>& embedded_rule_docs();

}  // namespace eph
