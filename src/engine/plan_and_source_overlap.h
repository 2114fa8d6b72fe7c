#pragma once
// A plan JSON next to the configuration it was made from (`terraform show -json > plan.json`
// in the module directory, then `ephemera scan .`) is analysed as a second unit over the same
// resources. Where both report the same rule on the same resource, the finding in the source
// is the one to fix: the plan's copy is dropped. What only the plan sees (values known after
// planning) stays.
#include <vector>

#include "core/finding.h"
#include "engine/discovery.h"

namespace eph {

// `findings[i]` are the findings of `units[i]`.
void drop_plan_findings_reported_in_source(const std::vector<UnitPlan>& units,
                                           std::vector<std::vector<Finding>*>& findings);

}  // namespace eph
