// EPH502 nat-carries-gateway-service-traffic: functions behind a NAT gateway use S3 or
// DynamoDB without a gateway endpoint on their route tables, so that traffic is billed per
// GB through the NAT although gateway endpoints are free. One finding per NAT gateway.
#include <algorithm>

#include "model/endpoint_services.h"
#include "model/network_evidence.h"
#include "rule_api/rule.h"

namespace eph::rules {
namespace {

bool served(const FunctionNetwork& fn_net, std::string_view service) {
  for (const VpcEndpoint* e : fn_net.endpoints)
    if (endpoint_serves_service(e->service, service)) return true;
  return false;
}

// Whether one of the function's subnets sends its default route to `nat`.
bool behind(const FunctionNetwork& fn_net, const NatGateway& nat) {
  for (const auto& path : fn_net.subnets)
    if (path.default_route && path.default_route->target == RouteTarget::NatGateway && path.default_route->nat == &nat)
      return true;
  return false;
}

class RuleEPH502 final : public Rule {
 public:
  void check(RuleContext& ctx) const override {
    const Model& model = ctx.model();
    for (const NatGateway& nat : model.network.nat_gateways) {
      if (nat.resource->may_not_exist || !nat.is_public || !nat.connectivity_known) continue;
      std::vector<std::string> services, functions, tables;
      std::vector<RelatedLocation> related;
      for (const FunctionNetwork& fn_net : model.network.functions) {
        if (!fn_net.known || !behind(fn_net, nat)) continue;
        const FunctionServices* uses = model.services_of(*fn_net.function);
        // The one egress verdict: only functions that do go out through a NAT.
        if (!uses || uses->egress != EgressVerdict::VpcViaNat) continue;
        bool carried = false;
        for (const ServiceUse& use : uses->services) {
          const EndpointService* e = endpoint_for_service(use.service);
          if (!e || !e->gateway || served(fn_net, use.service)) continue;
          carried = true;
          if (std::find(services.begin(), services.end(), use.service) == services.end()) services.push_back(use.service);
          if (!use.evidence.empty()) related.push_back(use.evidence.front());
        }
        if (!carried) continue;
        functions.push_back(fn_net.function->address());
        append_path_evidence(fn_net, related);
        for (const auto& path : fn_net.subnets) {
          if (!path.default_route || path.default_route->nat != &nat) continue;
          std::string t = path.route_table->name();
          if (std::find(tables.begin(), tables.end(), t) == tables.end()) tables.push_back(t);
        }
      }
      if (services.empty()) continue;
      std::sort(services.begin(), services.end());
      std::string message = "NAT gateway " + nat.resource->address + " carries the " + join_names(services) +
                            " traffic of " + (functions.size() == 1 ? "function " : "functions ") +
                            join_names(functions) + ", billed per GB, because " + join_names(tables) +
                            (tables.size() == 1 ? " has" : " have") + " no gateway endpoint for it: add " +
                            (services.size() == 1 ? "a free gateway endpoint for " : "free gateway endpoints for ") +
                            join_names(services) + " on " + (tables.size() == 1 ? "that route table" : "those route tables");
      Finding& f = ctx.report(nat.resource->declaration, message, nat.resource->address);
      f.related = std::move(related);
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_EPH502() { return std::make_unique<RuleEPH502>(); }

}  // namespace eph::rules
