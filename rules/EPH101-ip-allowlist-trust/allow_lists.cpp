#include "allow_lists.h"

#include <optional>

#include "model/network_evidence.h"
#include "model/value_paths.h"

namespace eph::rules {
namespace {

// Whether the function's traffic to the internet leaves from addresses only it uses: all its
// egress enters the VPC and every NAT that translates it has manual addresses only. nullopt:
// not knowable.
std::optional<bool> own_egress_addresses(const Model& model, const Function& fn) {
  const FunctionNetwork* net = model.network_of(fn);
  if (!net) return false;  // Cloud Run / Cloud Functions egress: Google's shared pool
  if (!net->known || !net->all_traffic_known) return std::nullopt;
  if (!net->all_traffic || net->nats.empty()) return false;
  for (const NatGateway* nat : net->nats)
    if (!nat->only_manual_addresses) return is_known_string(nat->address_allocation) ? std::optional<bool>(false) : std::nullopt;
  return true;
}

void check_shared_ranges(RuleContext& ctx, const AllowListEntry& e) {
  ctx.report(e.address->where,
                          e.resource->address + " admits " + e.shared_ranges + " in its " + std::string(e.subject) +
                              ": every Google Cloud customer's services and VMs send from these addresses, so the list "
                              "admits them all; admit callers by identity instead (IAM, IAP, VPC Service Controls "
                              "identities)",
                          e.resource->address);
}

// An allow-list on a resource a function reaches by its address, while the function sends from
// Google's shared, changing pool: whatever admits it admits other tenants too.
void check_callers(RuleContext& ctx, const std::vector<const AllowListEntry*>& entries) {
  const AllowListEntry& first = *entries.front();
  const Model& model = ctx.model();
  std::vector<std::string> names;
  std::vector<RelatedLocation> related;
  for (size_t i = 0; i < first.callers.size(); ++i) {
    const Function& fn = *first.callers[i];
    std::optional<bool> own = own_egress_addresses(model, fn);
    if (!own) return;
    if (*own) continue;
    names.push_back(fn.address());
    related.push_back({first.caller_evidence[i]->where, describe(fn) + " reaches " + first.resource->address + " by its address"});
  }
  if (names.empty()) return;
  std::vector<std::string> written;
  for (const AllowListEntry* e : entries) written.push_back(e->address->is_string() ? e->address->text : e->address->display());
  Finding& f = ctx.report(first.address->where,
                          first.resource->address + " admits " + join_names(written) + " (" + std::string(first.subject) +
                              ") for " + (names.size() == 1 ? "function " : "functions ") + join_names(names) +
                              ", whose outbound address is Google's shared, changing pool (no Cloud NAT with manual IPs "
                              "only): an entry that admits it admits other tenants too; connect through the Cloud SQL "
                              "connector (Cloud SQL Auth Proxy, cloud_sql_instances) with IAM authentication, or send "
                              "all egress through a Cloud NAT with manual IPs",
                          first.resource->address);
  f.related = std::move(related);
}

}  // namespace

void check_allow_lists(RuleContext& ctx) {
  std::vector<std::vector<const AllowListEntry*>> by_resource;
  for (const AllowListEntry& e : ctx.model().allow_list_entries) {
    if (!e.shared_ranges.empty()) check_shared_ranges(ctx, e);
    if (e.callers.empty() || e.address->is_null()) continue;
    if (by_resource.empty() || by_resource.back().front()->resource != e.resource) by_resource.emplace_back();
    by_resource.back().push_back(&e);
  }
  for (const auto& entries : by_resource) check_callers(ctx, entries);
}

}  // namespace eph::rules
