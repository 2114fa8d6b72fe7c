#include "engine/config.h"

namespace eph {

const RuleSettings& Config::settings(const std::string& rule_id) const {
  static const RuleSettings defaults;
  auto it = rules.find(rule_id);
  return it == rules.end() ? defaults : it->second;
}

}  // namespace eph
