#pragma once
// EPH101 on the allow-lists outside policies (Cloud Armor, VPC Service Controls, bucket IP
// filters, Cloud SQL authorized networks): entries that trust a cloud's shared egress.
#include "rule_api/rule.h"

namespace eph::rules {

void check_allow_lists(RuleContext& ctx);

}  // namespace eph::rules
