#pragma once
// EPH501 on Google Cloud: a Cloud NAT whose only clients are functions whose traffic through
// it could reach nothing but Google APIs.
#include "rule_api/rule.h"

namespace eph::rules {

void check_cloud_nat(RuleContext& ctx, const NatGateway& nat);

}  // namespace eph::rules
