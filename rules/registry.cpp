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
std::unique_ptr<Rule> make_EPH101();
std::unique_ptr<Rule> make_EPH102();
std::unique_ptr<Rule> make_EPH103();
std::unique_ptr<Rule> make_EPH601();
std::unique_ptr<Rule> make_EPH602();
std::unique_ptr<Rule> make_EPH603();
std::unique_ptr<Rule> make_EPH702();
}  // namespace rules

const std::vector<RuleFactory>& rule_factories() {
  static const std::vector<RuleFactory> factories = {
      {"EPH000", rules::make_EPH000},
      {"EPH101", rules::make_EPH101},
      {"EPH102", rules::make_EPH102},
      {"EPH103", rules::make_EPH103},
      {"EPH601", rules::make_EPH601},
      {"EPH602", rules::make_EPH602},
      {"EPH603", rules::make_EPH603},
      {"EPH702", rules::make_EPH702},
  };
  return factories;
}

}  // namespace eph
