#pragma once
// One rule's settings from the configuration (engine/config.h holds them by rule id).
#include <optional>

#include "core/severity.h"
#include "core/value.h"

namespace eph {

struct RuleSettings {
  bool enabled = true;
  std::optional<Severity> severity;  // overrides the rule's own severity
  Value options = Value::map();      // rule-specific options (EPH102 prefix limits, EPH301 names...)
};

}  // namespace eph
