#include "cloud_nat.h"

#include <algorithm>

#include "model/external_hosts.h"
#include "model/network_evidence.h"
#include "nat_clients.h"

namespace eph::rules {
namespace {

bool is_on(const Value* v) { return v && ((v->kind == Kind::Bool && v->boolean) || (v->is_string() && v->text == "true")); }

// Why the function does not need the NAT, or empty when it may.
std::string needs_no_nat(const FunctionNetwork& fn_net) {
  if (!fn_net.known || !fn_net.all_traffic_known || fn_net.function->resource->may_not_exist) return {};
  std::string setting = fn_net.egress_setting ? fn_net.egress_setting->text : "no egress setting";
  if (!fn_net.all_traffic) return "sends only private ranges into the VPC (" + setting + ")";
  bool known = false;
  if (internet_host_beyond_google(*fn_net.function, known) || !known) return {};
  return "sends all traffic (" + setting + ") but names no host outside Google APIs";
}

}  // namespace

void check_cloud_nat(RuleContext& ctx, const NatGateway& nat) {
  if (nat.resource->may_not_exist || !nat.clients_known || !nat.vpc || nat.only_manual_addresses) return;
  if (nat.published_address || nat.client_subnets.empty()) return;
  const Network& net = ctx.model().network;
  std::vector<const FunctionNetwork*> functions = only_function_clients(net, nat);
  if (functions.empty()) return;
  std::vector<std::string> names, reasons, without_access;
  std::vector<RelatedLocation> related;
  for (const FunctionNetwork* fn_net : functions) {
    std::string why = needs_no_nat(*fn_net);
    if (why.empty()) return;
    const Function& fn = *fn_net->function;
    names.push_back(fn.address());
    reasons.push_back(fn.address() + " " + why);
    Range at = fn_net->egress_setting && fn_net->egress_setting->where.valid() ? fn_net->egress_setting->where : fn_net->attachment;
    related.push_back({at, describe(fn) + " " + why});
    if (fn_net->connector)
      related.push_back({fn_net->connector->resource->declaration,
                         "Serverless VPC Access connector " + fn_net->connector->resource->address});
    for (const auto& path : fn_net->subnets) {
      related.push_back({path.subnet->resource->declaration, "subnet " + path.subnet->resource->address});
      const std::string& name = path.subnet->resource->address;
      if (fn_net->all_traffic && !is_on(path.subnet->private_api_access) &&
          std::find(without_access.begin(), without_access.end(), name) == without_access.end())
        without_access.push_back(name);
    }
  }
  std::string message = "Cloud NAT " + nat.resource->address + " serves only " +
                        (names.size() == 1 ? "function " : "functions ") + join_names(names) + ": " + join_names(reasons) +
                        ". Cloud NAT never carries their Google API calls (Private Google Access does): remove it";
  if (!without_access.empty()) message += " and turn on Private Google Access on subnet " + join_names(without_access);
  message += "; if a third party must allow-list your address, keep a Cloud NAT with manual IPs only (MANUAL_ONLY)";
  Finding& f = ctx.report(nat.resource->declaration, message, nat.resource->address);
  f.related = std::move(related);
}

}  // namespace eph::rules
