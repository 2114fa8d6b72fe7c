#include "azure_endpoints.h"

#include "model/azure_paths.h"
#include "model/network_evidence.h"

namespace eph::rules {
namespace {

// The private endpoint subresource to suggest for a service.
std::string_view subresource(std::string_view service) {
  if (service == "Microsoft.KeyVault") return "vault";
  if (service == "Microsoft.Sql") return "sqlServer";
  return "blob, queue, table or file";
}

std::string where_calls_go(const FunctionNetwork& fn_net) {
  if (!fn_net.all_traffic)
    return "without route-all only RFC 1918 and service-endpoint traffic enters the VNet, so its calls leave through "
           "the app's shared outbound addresses";
  if (!fn_net.nats.empty()) {
    std::vector<std::string> nats;
    for (const NatGateway* n : fn_net.nats) nats.push_back(n->resource->address);
    return "its calls reach the public endpoint through NAT gateway " + join_names(nats);
  }
  return "its calls leave the VNet for the public endpoint";
}

}  // namespace

void check_azure_endpoints(RuleContext& ctx, const FunctionNetwork& fn_net) {
  if (!fn_net.all_traffic_known || fn_net.subnets.empty() || !fn_net.vpc || !fn_net.vpc->endpoints_known) return;
  const FunctionSubnetPath& path = fn_net.subnets.front();
  const Subnet& subnet = *path.subnet;
  if (!subnet.service_endpoints_known) return;
  const Function& fn = *fn_net.function;
  std::string subnet_name = subnet.range.valid() ? "the inline subnet of " + subnet.resource->address : "subnet " + subnet.resource->address;
  for (const ResourceUse& use : fn_net.resource_uses) {
    if (has_private_path(fn_net, use)) continue;
    std::string what = std::string(use.label) + " " + use.resource->address;
    Finding& f = ctx.report(
        fn_net.attachment,
        describe(fn) + " is integrated with " + subnet_name + " and uses " + what + " (" + use.via + "), but the subnet has no " +
            use.service + " service endpoint and virtual network " + fn_net.vpc->resource->address +
            " has no private endpoint for it: " + where_calls_go(fn_net) + ", and the " + std::string(use.label) +
            " must stay open to public networks; add \"" + use.service +
            "\" to the subnet's service endpoints (with a virtual network rule on the " + std::string(use.label) +
            ") or a private endpoint (" + std::string(subresource(use.service)) + ") for it",
        fn.address());
    f.related.push_back({use.evidence, describe(fn) + " uses " + what + " (" + use.via + ")"});
    f.related.push_back({subnet.range.valid() ? subnet.range : subnet.resource->declaration,
                         subnet_name + " has no " + use.service + " service endpoint"});
    f.related.push_back({use.resource->declaration, what + " has no private endpoint in virtual network " +
                                                        fn_net.vpc->resource->address});
    for (const NatGateway* n : fn_net.all_traffic ? fn_net.nats : std::vector<const NatGateway*>{})
      f.related.push_back({n->resource->declaration, "NAT gateway " + n->resource->address + " on the subnet"});
  }
}

}  // namespace eph::rules
