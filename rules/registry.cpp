// The rule registry: one line per rule, sorted by id. scripts/new-rule adds lines here.
#include "rules/registry.h"

namespace eph {

namespace rules {
std::unique_ptr<Rule> make_EPH000();
std::unique_ptr<Rule> make_EPH001();
std::unique_ptr<Rule> make_EPH002();
std::unique_ptr<Rule> make_EPH003();
std::unique_ptr<Rule> make_EPH004();
std::unique_ptr<Rule> make_EPH101();
std::unique_ptr<Rule> make_EPH102();
std::unique_ptr<Rule> make_EPH103();
std::unique_ptr<Rule> make_EPH201();
std::unique_ptr<Rule> make_EPH301();
std::unique_ptr<Rule> make_EPH302();
std::unique_ptr<Rule> make_EPH401();
std::unique_ptr<Rule> make_EPH402();
std::unique_ptr<Rule> make_EPH403();
std::unique_ptr<Rule> make_EPH404();
std::unique_ptr<Rule> make_EPH501();
std::unique_ptr<Rule> make_EPH502();
std::unique_ptr<Rule> make_EPH601();
std::unique_ptr<Rule> make_EPH602();
std::unique_ptr<Rule> make_EPH603();
std::unique_ptr<Rule> make_EPH701();
std::unique_ptr<Rule> make_EPH702();
}  // namespace rules

const std::vector<RuleFactory>& rule_factories() {
  static const std::vector<RuleFactory> factories = {
      {"EPH000", rules::make_EPH000},
      {"EPH001", rules::make_EPH001},
      {"EPH002", rules::make_EPH002},
      {"EPH003", rules::make_EPH003},
      {"EPH004", rules::make_EPH004},
      {"EPH101", rules::make_EPH101},
      {"EPH102", rules::make_EPH102},
      {"EPH103", rules::make_EPH103},
      {"EPH201", rules::make_EPH201},
      {"EPH301", rules::make_EPH301},
      {"EPH302", rules::make_EPH302},
      {"EPH401", rules::make_EPH401},
      {"EPH402", rules::make_EPH402},
      {"EPH403", rules::make_EPH403},
      {"EPH404", rules::make_EPH404},
      {"EPH501", rules::make_EPH501},
      {"EPH502", rules::make_EPH502},
      {"EPH601", rules::make_EPH601},
      {"EPH602", rules::make_EPH602},
      {"EPH603", rules::make_EPH603},
      {"EPH701", rules::make_EPH701},
      {"EPH702", rules::make_EPH702},
  };
  return factories;
}

}  // namespace eph
