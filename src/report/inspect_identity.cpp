// `ephemera inspect`: who a function runs as and who may invoke it, on the clouds where
// those are role bindings (Google Cloud), and how it sends traffic into a network (connector
// or interface, egress setting, subnets with their private API access and flow logs, NATs),
// with where each fact was written.
#include "report/inspect_traffic.h"

namespace eph {
namespace {

using Json = nlohmann::ordered_json;

std::string_view default_identity_name(DefaultIdentity id) {
  switch (id) {
    case DefaultIdentity::GcpCompute: return "compute-engine-default";
    case DefaultIdentity::GcpAppEngine: return "app-engine-default";
    case DefaultIdentity::None: break;
  }
  return "";
}

Json attachment_json(const Network& net, const FunctionNetwork& fn_net) {
  Json j;
  j["known"] = fn_net.known;
  if (fn_net.attachment.valid()) j["at"] = inspect_position(fn_net.attachment);
  if (fn_net.egress_setting) put_fact(j, "egress_setting", fn_net.egress_setting);
  j["all_traffic"] = fn_net.all_traffic_known ? Json(fn_net.all_traffic) : Json("(unknown)");
  if (fn_net.connector) j["connector"] = fn_net.connector->resource->address;
  if (fn_net.vpc) j["network"] = fn_net.vpc->resource->address;
  Json subnets = Json::array();
  for (const auto& path : fn_net.subnets) {
    Json s{{"subnet", path.subnet->resource->address}};
    put_fact(s, "private_api_access", path.subnet->private_api_access);
    if (path.subnet->cloud == Cloud::Azure) {
      Json endpoints = Json::array();
      for (const Value* v : path.subnet->service_endpoints) endpoints.push_back(v->is_unknown() ? "(unknown)" : v->display());
      s["service_endpoints"] = path.subnet->service_endpoints_known ? std::move(endpoints) : Json("(unknown)");
    }
    bool logged = false;
    for (const FlowLog& log : net.flow_logs)  // on the subnet, or on its whole network (Azure VNet flow logs)
      logged = logged || ((log.subnet == path.subnet || (log.vpc && log.vpc == path.subnet->vpc && path.subnet->cloud == Cloud::Azure)) &&
                          !log.may_not_exist);
    s["flow_logs"] = logged;
    subnets.push_back(std::move(s));
  }
  j["subnets"] = std::move(subnets);
  if (!fn_net.endpoints.empty() || !fn_net.resource_uses.empty()) {
    Json endpoints = Json::array();
    for (const VpcEndpoint* e : fn_net.endpoints) {
      Json je{{"endpoint", e->resource->address}, {"service", e->service}};
      if (e->target) je["target"] = e->target->address;
      endpoints.push_back(std::move(je));
    }
    j["private_endpoints"] = std::move(endpoints);
    Json uses = Json::array();
    for (const ResourceUse& u : fn_net.resource_uses)
      uses.push_back({{"resource", u.resource->address}, {"service", u.service}, {"via", u.via}, {"at", inspect_position(u.evidence)}});
    j["uses"] = std::move(uses);
  }
  Json nats = Json::array();
  for (const NatGateway* nat : fn_net.nats) {
    Json n{{"nat", nat->resource->address}, {"at", inspect_position(nat->resource->declaration)}};
    put_fact(n, "address_allocation", nat->address_allocation);
    n["only_manual_addresses"] = nat->only_manual_addresses;
    nats.push_back(std::move(n));
  }
  j["nats"] = std::move(nats);
  return j;
}

}  // namespace

// The model's one spelling of a platform (Cloudflare included).
std::string_view cloud_name(Cloud c) { return to_string(c); }

void put_identity_json(Json& j, const Model& model, const Function& fn) {
  Json identity;
  put_fact(identity, "account", fn.identity);
  if (fn.default_identity != DefaultIdentity::None) identity["default"] = std::string(default_identity_name(fn.default_identity));
  Json grants = Json::array();
  for (const RoleGrant& g : model.role_grants) {
    if (!grant_applies_to(g, fn)) continue;
    Json jg{{"grant", g.resource->address}, {"scope", std::string(to_string(g.scope_kind))}};
    put_fact(jg, "role", g.role);
    put_fact(jg, "member", g.member);
    grants.push_back(std::move(jg));
  }
  identity["role_grants"] = std::move(grants);
  j["identity"] = std::move(identity);
  Json invokers = Json::array();
  for (const InvokePermission& p : model.invoke_permissions) {
    if (p.function != &fn || p.cloud != fn.cloud) continue;
    Json ji{{"binding", p.resource->address}};
    put_fact(ji, "member", p.principal);
    put_fact(ji, "role", p.role);
    invokers.push_back(std::move(ji));
  }
  j["invokers"] = std::move(invokers);
  put_fact(j, "invoker_iam_disabled", fn.invoker_check_disabled);
  put_fact(j, "ingress", fn.ingress);
  if (const FunctionNetwork* fn_net = model.network_of(fn)) j["network"] = attachment_json(model.network, *fn_net);
}

}  // namespace eph
