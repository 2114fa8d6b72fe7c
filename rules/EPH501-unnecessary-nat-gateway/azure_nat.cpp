#include "azure_nat.h"

#include <algorithm>

#include "model/azure_paths.h"
#include "model/network_evidence.h"
#include "nat_clients.h"

namespace eph::rules {
namespace {

// Why the function does not need the NAT gateway, or empty when it may.
std::string needs_no_nat(const FunctionNetwork& fn_net) {
  if (!fn_net.known || !fn_net.all_traffic_known || fn_net.function->resource->may_not_exist) return {};
  if (!fn_net.all_traffic) {
    std::string setting = fn_net.egress_setting ? fn_net.egress_setting->display() : "not set";
    return "routes only private ranges and service-endpoint traffic into the VNet (route-all " + setting +
           "), so its internet calls never use the NAT gateway";
  }
  bool known = false;
  if (host_beyond_private_paths(*fn_net.function, *fn_net.subnets.front().subnet, known) || !known) return {};
  std::vector<std::string> services;
  for (const ResourceUse& use : fn_net.resource_uses) {
    if (!has_private_path(fn_net, use)) return {};
    if (std::find(services.begin(), services.end(), use.service) == services.end()) services.push_back(use.service);
  }
  if (services.empty()) return "sends all traffic into the VNet (route-all) but names no host outside it";
  return "sends all traffic into the VNet (route-all) but reaches only Azure services (" + join_names(services) +
         ") through service or private endpoints";
}

}  // namespace

void check_azure_nat(RuleContext& ctx, const NatGateway& nat) {
  if (nat.resource->may_not_exist || !nat.clients_known || nat.published_address || nat.client_subnets.empty()) return;
  const Network& net = ctx.model().network;
  for (const Subnet* s : nat.client_subnets)
    if (!s->route_table_known) return;  // a route table may send the traffic elsewhere
  std::vector<const FunctionNetwork*> functions = only_function_clients(net, nat);
  if (functions.empty()) return;
  std::vector<std::string> names, reasons;
  std::vector<RelatedLocation> related;
  for (const FunctionNetwork* fn_net : functions) {
    std::string why = needs_no_nat(*fn_net);
    if (why.empty()) return;
    const Function& fn = *fn_net->function;
    names.push_back(fn.address());
    reasons.push_back(fn.address() + " " + why);
    Range at = fn_net->egress_setting && fn_net->egress_setting->where.valid() ? fn_net->egress_setting->where : fn_net->attachment;
    related.push_back({at, describe(fn) + " " + why});
    for (const auto& path : fn_net->subnets) {
      const Subnet& s = *path.subnet;
      related.push_back({s.range.valid() ? s.range : s.resource->declaration, "subnet " + s.resource->address + " is associated with the NAT gateway"});
    }
    for (const ResourceUse& use : fn_net->resource_uses)
      related.push_back({use.evidence, describe(fn) + " uses " + std::string(use.label) + " " + use.resource->address});
  }
  Finding& f = ctx.report(nat.resource->declaration,
                          "NAT gateway " + nat.resource->address + " serves only " +
                              (names.size() == 1 ? "Function App " : "Function Apps ") + join_names(names) + ": " +
                              join_names(reasons) +
                              ". Remove it and its public IP association (it bills per hour and per GB); keep it only "
                              "if a third party must allow-list a static outbound address, and then turn route-all on",
                          nat.resource->address);
  f.related = std::move(related);
}

}  // namespace eph::rules
