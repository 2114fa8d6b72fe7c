// The rule registry: one line per rule, sorted by id. scripts/new-rule adds lines here.
#include <memory>
#include <string_view>
#include <vector>

#include "engine/rule.h"

namespace eph {

struct RuleFactory {
  std::string_view id;
  std::unique_ptr<Rule> (*make)();
};

namespace rules {
std::unique_ptr<Rule> make_EPH000();
std::unique_ptr<Rule> make_EPH301();
std::unique_ptr<Rule> make_EPH302();
}  // namespace rules

const std::vector<RuleFactory>& rule_factories() {
  static const std::vector<RuleFactory> factories = {
      {"EPH000", rules::make_EPH000},
      {"EPH301", rules::make_EPH301},
      {"EPH302", rules::make_EPH302},
  };
  return factories;
}

}  // namespace eph
