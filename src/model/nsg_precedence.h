#pragma once
// Azure network security groups apply their rules in priority order (lowest number first):
// an allow rule that a deny of higher precedence in the same group fully covers admits nothing.
#include "model/model.h"

namespace eph {

// The deny rule of `allow`'s network security group that takes precedence over it and covers
// its source (or, for a world-open source, the whole internet), protocol and ports. When a
// rule that would cover it has an unknown priority, or `allow`'s own is unknown, that rule is
// returned too: what the group admits is not known. Null for other firewalls and when nothing covers it.
const CidrRule* shadowing_deny(const Model& model, const CidrRule& allow);

}  // namespace eph
