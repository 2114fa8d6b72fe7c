// EPH201 missing-vpc-endpoint: a VPC-attached function uses an AWS service that no VPC
// endpoint serves for it. One finding per (function, service), at its VPC configuration.
// Google Cloud: a function that sends all its egress into subnets with no private path to
// Google APIs (Private Google Access, a Private Service Connect endpoint) and no Cloud NAT.
// Azure: a VNet-integrated Function App calling Storage, Key Vault or SQL with neither a
// service endpoint nor a private endpoint (azure_endpoints.cpp).
#include "azure_endpoints.h"
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

bool is_on(const Value* v) { return v && ((v->kind == Kind::Bool && v->boolean) || (v->is_string() && v->text == "true")); }
bool is_off(const Value* v) {
  return !v || v->is_null() || (v->kind == Kind::Bool && !v->boolean) || (v->is_string() && v->text == "false");
}

// Google Cloud: with ALL_TRAFFIC, calls to Google APIs enter the VPC too; without Private
// Google Access, a PSC endpoint or a Cloud NAT on the subnet they have no way out.
void check_google(RuleContext& ctx, const FunctionNetwork& fn_net) {
  if (!fn_net.all_traffic || !fn_net.all_traffic_known || !fn_net.egress_setting || fn_net.subnets.empty()) return;
  if (!fn_net.nats.empty() || fn_net.egress != Egress::None || !fn_net.vpc->endpoints_known) return;
  for (const VpcEndpoint* e : fn_net.vpc->endpoints)
    if (!e->may_not_exist) return;  // a Private Service Connect endpoint for Google APIs
  if (fn_net.connector && !fn_net.connector->subnet) return;  // its own range: Private Google Access not in view
  std::vector<std::string> names;
  for (const auto& path : fn_net.subnets) {
    if (is_on(path.subnet->private_api_access)) return;
    if (!is_off(path.subnet->private_api_access)) return;  // unknown
    names.push_back(path.subnet->resource->address);
  }
  const Function& fn = *fn_net.function;
  Finding& f = ctx.report(fn_net.egress_setting->where,
                          describe(fn) + " sends all its egress (" + fn_net.egress_setting->text + ") into subnet " +
                              join_names(names) + ", which has no Private Google Access, no Private Service Connect "
                              "endpoint for Google APIs and no Cloud NAT: its calls to Google APIs time out; set "
                              "private_ip_google_access = true on the subnet, or send only private ranges into the VPC",
                          fn.address());
  if (fn_net.connector)
    f.related.push_back({fn_net.connector->resource->declaration, "Serverless VPC Access connector " + fn_net.connector->resource->address});
  for (const auto& path : fn_net.subnets)
    f.related.push_back({path.subnet->resource->declaration, "subnet " + path.subnet->resource->address + " has no Private Google Access"});
  f.related.push_back({fn_net.vpc->resource->declaration, "network " + fn_net.vpc->resource->address + " has no Cloud NAT or PSC endpoint for this subnet"});
}

class RuleEPH201 final : public Rule {
 public:
  void check(RuleContext& ctx) const override {
    const Model& model = ctx.model();
    for (const FunctionNetwork& fn_net : model.network.functions) {
      if (!fn_net.known) continue;
      const Function& fn = *fn_net.function;
      if (fn.cloud == Cloud::Gcp) {
        check_google(ctx, fn_net);
        continue;
      }
      if (fn.cloud == Cloud::Azure) {
        check_azure_endpoints(ctx, fn_net);
        continue;
      }
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
