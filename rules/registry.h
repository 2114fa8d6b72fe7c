#pragma once
// The one declaration of the rule factories: the rules layer defines the list
// (rules/registry.cpp, one line per rule, sorted by id) and the rule registry
// (registry/rule_registry.cpp) builds the rules from it. Nothing below the rules names them.
#include <memory>
#include <string_view>
#include <vector>

#include "rule_api/rule.h"

namespace eph {

struct RuleFactory {
  std::string_view id;
  std::unique_ptr<Rule> (*make)();
};

// Every built-in rule's factory, sorted by id.
const std::vector<RuleFactory>& rule_factories();

}  // namespace eph
