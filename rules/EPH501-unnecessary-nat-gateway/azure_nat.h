#pragma once
// EPH501 on Azure: a NAT gateway whose only clients are VNet-integrated Function Apps that
// never send it internet traffic (route-all off), or that reach only Azure services through
// service or private endpoints.
#include "rule_api/rule.h"

namespace eph::rules {

void check_azure_nat(RuleContext& ctx, const NatGateway& nat);

}  // namespace eph::rules
