#pragma once
// EPH501 on clouds whose NATs name the subnets they translate (Google Cloud NAT, Azure NAT
// gateway associations): the functions a NAT serves, when they are all it serves.
#include <vector>

#include "rule_api/rule.h"

namespace eph::rules {

// The functions whose traffic may take `nat`; empty unless every subnet it translates hosts
// one of them and nothing else refers to it (other compute, a module given the network).
std::vector<const FunctionNetwork*> only_function_clients(const Network& net, const NatGateway& nat);

}  // namespace eph::rules
