// EPH201 missing-vpc-endpoint: a VPC-attached function uses an AWS service that no VPC
// endpoint serves for it. One finding per (function, service), at its VPC configuration.
#include "model/endpoint_fix.h"
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

// A gateway endpoint for the service in the VPC that misses some of the function's route
// tables: the evidence (one entry per missing table) and the tables, for the message.
const VpcEndpoint* misassociated(const FunctionNetwork& fn_net, std::string_view service,
                                 std::vector<RelatedLocation>& evidence, std::vector<std::string>& tables) {
  for (const VpcEndpoint* e : fn_net.vpc->endpoints) {
    if (e->type != EndpointType::Gateway || !endpoint_serves_service(e->service, service)) continue;
    for (const auto& path : fn_net.subnets) {
      bool on_table = false;
      for (const RouteTable* t : e->route_tables) on_table = on_table || t == path.route_table;
      if (on_table) continue;
      std::string table = path.route_table->name() + " (subnet " + path.subnet->resource->address + ")";
      tables.push_back(table);
      evidence.push_back({e->resource->declaration, "the " + std::string(service) + " gateway endpoint " +
                                                        e->resource->address + " is not associated with " + table});
    }
    if (!tables.empty()) return e;
  }
  return nullptr;
}

// What happens to the calls, from the one egress verdict every rule uses.
std::string consequence(const FunctionServices& uses, std::string_view service) {
  switch (uses.egress) {
    case EgressVerdict::VpcNoInternet:
    case EgressVerdict::VpcViaIgw:
      return "; it " + describe_egress(uses.egress, uses.nats) + ", so its " + std::string(service) + " calls time out";
    case EgressVerdict::VpcViaNat: {
      std::vector<std::string> nats;
      for (const NatGateway* n : uses.nats) nats.push_back(n->resource->address);
      return "; its " + std::string(service) + " traffic goes out through NAT gateway " + join_names(nats);
    }
    default:
      break;
  }
  return "";
}

class RuleEPH201 final : public Rule {
 public:
  void check(RuleContext& ctx) const override {
    const Model& model = ctx.model();
    for (const FunctionNetwork& fn_net : model.network.functions) {
      if (!fn_net.known) continue;
      const Function& fn = *fn_net.function;
      const FunctionServices* uses = model.services_of(fn);
      if (!uses) continue;
      for (const ServiceUse& use : uses->services) {
        const EndpointService* endpoint = endpoint_for_service(use.service);
        if (!endpoint || served(fn_net, use.service)) continue;
        std::vector<RelatedLocation> misses;
        std::vector<std::string> tables;
        const VpcEndpoint* partial = misassociated(fn_net, use.service, misses, tables);
        std::string message = describe(fn) + " uses " + use.service + ", but ";
        if (partial) {
          message += "the " + use.service + " gateway endpoint " + partial->resource->address +
                     " is not associated with " + join_names(tables) + consequence(*uses, use.service) +
                     ": add " + (tables.size() == 1 ? "that route table" : "those route tables") +
                     " to the endpoint";
        } else {
          std::string kind = endpoint->gateway ? "a gateway endpoint" : "an interface endpoint";
          std::string where = endpoint->gateway ? " associated with the route tables of its subnets" : " in the VPC";
          message += "VPC " + fn_net.vpc->resource->address + " has no " + use.service +
                     " endpoint serving its subnets" + consequence(*uses, use.service) + ": add " + kind +
                     " for com.amazonaws.<region>." + std::string(endpoint->endpoint) + where;
        }
        Finding& f = ctx.report(fn.vpc_range, message, fn.address());
        if (!use.evidence.empty()) f.related.push_back(use.evidence.front());
        append_path_evidence(fn_net, f.related);
        f.related.insert(f.related.end(), misses.begin(), misses.end());
        if (!partial) {
          f.related.push_back({fn_net.vpc->resource->declaration, "VPC " + fn_net.vpc->resource->address +
                                                                      " has no " + use.service + " endpoint"});
          f.fix = endpoint_fix(model, fn_net, use.service);
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_EPH201() { return std::make_unique<RuleEPH201>(); }

}  // namespace eph::rules
