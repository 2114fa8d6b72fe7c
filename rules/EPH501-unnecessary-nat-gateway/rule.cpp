// EPH501 unnecessary-nat-gateway: a NAT gateway whose only clients are functions that, on
// the evidence in the code, reach nothing but AWS services with VPC endpoints; on Google
// Cloud, a Cloud NAT whose function clients could reach only Google APIs through it (cloud_nat.cpp);
// on Azure, a NAT gateway its Function Apps never use or need (azure_nat.cpp).
#include <algorithm>

#include "azure_nat.h"
#include "cloud_nat.h"
#include "model/endpoint_services.h"
#include "model/network_evidence.h"
#include "rule_api/rule.h"

namespace eph::rules {
namespace {

bool routes_to(const RouteTable& table, const NatGateway& nat) {
  for (const Route& r : table.routes)
    if (r.target == RouteTarget::NatGateway && r.nat == &nat) return true;
  return false;
}

// Whether a route somewhere leads to a NAT the code does not resolve (it may be this one).
bool unresolved_nat_route(const Network& net) {
  for (const RouteTable& t : net.route_tables)
    for (const Route& r : t.routes)
      if (r.target == RouteTarget::NatGateway && !r.nat) return true;
  return false;
}

bool served(const FunctionNetwork& fn_net, std::string_view service) {
  for (const VpcEndpoint* e : fn_net.endpoints)
    if (endpoint_serves_service(e->service, service)) return true;
  return false;
}

// Whether the function needs nothing but AWS services that endpoints can serve.
bool needs_only_endpoints(const FunctionServices& uses) {
  if (!uses.services_complete || !uses.hosts_complete || !uses.external_hosts.empty() || uses.internet_tag) return false;
  for (const ServiceUse& use : uses.services)
    if (reach_of(use.service) != ServiceReach::Endpoint) return false;
  return true;
}

class RuleEPH501 final : public Rule {
 public:
  void check(RuleContext& ctx) const override {
    const Model& model = ctx.model();
    const Network& net = model.network;
    for (const NatGateway& nat : net.nat_gateways)
      if (nat.cloud == Cloud::Gcp) check_cloud_nat(ctx, nat);
      else if (nat.cloud == Cloud::Azure) check_azure_nat(ctx, nat);
    if (net.nat_gateways.empty() || unresolved_nat_route(net)) return;
    for (const NatGateway& nat : net.nat_gateways) {
      if (nat.cloud != Cloud::Aws) continue;
      if (nat.resource->may_not_exist || !nat.connectivity_known || !nat.is_public || !nat.vpc) continue;
      if (nat.published_address) continue;  // its static address is published: partners allow-list it
      check_nat(ctx, model, nat);
    }
  }

 private:
  static void check_nat(RuleContext& ctx, const Model& model, const NatGateway& nat) {
    const Network& net = model.network;
    // Every table of the VPC must be readable: any of them might route to this NAT.
    for (const RouteTable& t : net.route_tables)
      if (t.vpc == nat.vpc && !t.routes_known) return;
    std::vector<const Subnet*> clients;
    for (const Subnet& s : net.subnets) {
      if (s.vpc != nat.vpc) continue;
      if (!s.route_table_known) return;
      if (routes_to(*s.route_table, nat)) clients.push_back(&s);
    }
    if (clients.empty()) return;

    std::vector<const FunctionNetwork*> functions;
    for (const Subnet* s : clients) {
      if (!s->other_users.empty()) return;  // other compute (or code outside) may need the NAT
      bool hosts_function = false;
      for (const FunctionNetwork& fn_net : net.functions) {
        for (const auto& path : fn_net.subnets) {
          if (path.subnet != s) continue;
          hosts_function = true;
          if (std::find(functions.begin(), functions.end(), &fn_net) == functions.end()) functions.push_back(&fn_net);
        }
      }
      if (!hosts_function) return;  // a subnet routed through the NAT for something not in the code
    }

    std::vector<std::string> names, used, gateway_services, interface_services, granted;
    std::vector<RelatedLocation> related;
    for (const FunctionNetwork* fn_net : functions) {
      const FunctionServices* uses = model.services_of(*fn_net->function);
      if (!fn_net->known || fn_net->function->resource->may_not_exist || !uses || !needs_only_endpoints(*uses)) return;
      // The one egress verdict: the function goes out through this NAT (and the rules agree on it).
      if (uses->egress != EgressVerdict::VpcViaNat ||
          std::find(uses->nats.begin(), uses->nats.end(), &nat) == uses->nats.end())
        return;
      names.push_back(fn_net->function->address());
      append_path_evidence(*fn_net, related);
      for (const ServiceUse& use : uses->services) {
        if (std::find(used.begin(), used.end(), use.service) == used.end()) used.push_back(use.service);
        if (use.from_grant_only && std::find(granted.begin(), granted.end(), use.service) == granted.end())
          granted.push_back(use.service);
        if (served(*fn_net, use.service)) continue;
        const EndpointService* e = endpoint_for_service(use.service);
        auto& list = e->gateway ? gateway_services : interface_services;
        std::string name(e->endpoint);
        if (std::find(list.begin(), list.end(), name) == list.end()) list.push_back(name);
        if (!use.evidence.empty()) related.push_back(use.evidence.front());
      }
    }
    std::sort(gateway_services.begin(), gateway_services.end());
    std::sort(interface_services.begin(), interface_services.end());

    std::string message = "NAT gateway " + nat.resource->address + " serves only " +
                          (names.size() == 1 ? "function " : "functions ") + join_names(names);
    std::sort(used.begin(), used.end());
    std::sort(granted.begin(), granted.end());
    bool one = names.size() == 1;
    // Service use read only from the role's grants is an inference: say so.
    std::string basis;
    if (!granted.empty())
      basis = granted.size() == used.size()
                  ? std::string("; known only from ") + (one ? "its role's grants" : "their roles' grants")
                  : "; " + join_names(granted) + " known only from " + (one ? "its role's grants" : "their roles' grants");
    if (used.empty()) {
      message += std::string(one ? ", which calls" : ", which call") + " no AWS service and no outside host: remove it and its routes";
    } else if (gateway_services.empty() && interface_services.empty()) {
      message += std::string(one ? ", which reaches" : ", which reach") + " only AWS services (" + join_names(used) +
                 basis + ") that VPC endpoints already serve: remove it and its routes";
    } else {
      message += std::string(one ? ", which reaches" : ", which reach") + " only AWS services (" + join_names(used) +
                 basis + "): replace it with VPC endpoints (";
      if (!gateway_services.empty()) message += "gateway: " + join_names(gateway_services);
      if (!gateway_services.empty() && !interface_services.empty()) message += "; ";
      if (!interface_services.empty()) message += "interface: " + join_names(interface_services);
      message += ") and remove its routes";
    }
    Finding& f = ctx.report(nat.resource->declaration, message, nat.resource->address);
    f.related = std::move(related);
  }
};

}  // namespace

std::unique_ptr<Rule> make_EPH501() { return std::make_unique<RuleEPH501>(); }

}  // namespace eph::rules
