#pragma once
// Gives plan values the positions of the .tf sources they came from. The plan's values are
// authoritative; where the module, evaluated from its sources, has the same value at the same
// path, the plan value takes that value's position (the literal, the variable default, the
// tfvars line), its graph edges and its decoded document (a jsonencode'd policy in the HCL).
#include "core/value.h"

namespace eph::terraform::plan {

void align_with_source(Value& planned, const Value& source);

}  // namespace eph::terraform::plan
