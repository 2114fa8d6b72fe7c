#include "nat_clients.h"

#include <algorithm>

namespace eph::rules {

std::vector<const FunctionNetwork*> only_function_clients(const Network& net, const NatGateway& nat) {
  std::vector<const FunctionNetwork*> functions;
  for (const FunctionNetwork& fn_net : net.functions)
    if (std::find(fn_net.nats.begin(), fn_net.nats.end(), &nat) != fn_net.nats.end()) functions.push_back(&fn_net);
  for (const Subnet* s : nat.client_subnets) {
    if (!s->other_users.empty()) return {};  // other compute (or a module given the network) may need the NAT
    bool hosts_function = std::any_of(functions.begin(), functions.end(), [&](const FunctionNetwork* f) {
      return std::any_of(f->subnets.begin(), f->subnets.end(), [&](const FunctionSubnetPath& p) { return p.subnet == s; });
    });
    if (!hosts_function) return {};  // a subnet translated for something not in the code
  }
  return functions;
}

}  // namespace eph::rules
