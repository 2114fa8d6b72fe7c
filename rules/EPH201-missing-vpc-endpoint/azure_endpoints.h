#pragma once
// EPH201 on Azure: a VNet-integrated Function App that calls Storage, Key Vault or SQL with
// neither a service endpoint on its subnet nor a private endpoint for that resource in its VNet.
#include "rule_api/rule.h"

namespace eph::rules {

void check_azure_endpoints(RuleContext& ctx, const FunctionNetwork& fn_net);

}  // namespace eph::rules
