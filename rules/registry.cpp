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
std::unique_ptr<Rule> make_EPH201();
std::unique_ptr<Rule> make_EPH501();
std::unique_ptr<Rule> make_EPH502();
std::unique_ptr<Rule> make_EPH701();
}  // namespace rules

const std::vector<RuleFactory>& rule_factories() {
  static const std::vector<RuleFactory> factories = {
      {"EPH000", rules::make_EPH000},
      {"EPH201", rules::make_EPH201},
      {"EPH501", rules::make_EPH501},
      {"EPH502", rules::make_EPH502},
      {"EPH701", rules::make_EPH701},
  };
  return factories;
}

}  // namespace eph
