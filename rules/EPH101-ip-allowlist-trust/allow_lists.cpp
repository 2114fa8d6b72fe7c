#include "allow_lists.h"

#include <algorithm>
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

// Why the function's outbound address is Google's shared pool, as related locations: the
// function, its egress setting (or the attachment that has none), and its automatic NATs.
void append_egress_evidence(const Model& model, const Function& fn, std::vector<RelatedLocation>& out) {
  const FunctionNetwork* net = model.network_of(fn);
  if (!net) {
    out.push_back({fn.resource->declaration, describe(fn) + " has no VPC egress: it sends from Google's shared pool"});
    return;
  }
  if (!net->all_traffic) {
    if (net->egress_setting && net->egress_setting->where.valid())
      out.push_back({net->egress_setting->where, "egress setting " + net->egress_setting->text +
                                                     ": only private ranges enter the VPC, the rest leaves from Google's shared pool"});
    else
      out.push_back({net->attachment, "no egress setting: only private ranges enter the VPC (the default)"});
    return;
  }
  if (net->nats.empty()) out.push_back({net->attachment, "all egress enters the VPC, where no Cloud NAT serves its subnet"});
  for (const NatGateway* nat : net->nats) {
    if (nat->only_manual_addresses) continue;
    Range at = nat->address_allocation && nat->address_allocation->where.valid() ? nat->address_allocation->where
                                                                                  : nat->resource->declaration;
    out.push_back({at, "Cloud NAT " + nat->resource->address + " allocates its addresses automatically"});
  }
}

std::string written_entries(const std::vector<const AllowListEntry*>& entries) {
  std::vector<std::string> written;
  for (const AllowListEntry* e : entries) written.push_back(e->address->is_string() ? e->address->text : e->address->display());
  return join_names(written);
}

// An allow-list on a resource a function reaches (by its address, through the load balancer
// a Cloud Armor policy guards, or through the Cloud Storage API), while the function sends
// from Google's shared, changing pool: whatever admits it admits other tenants too.
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
    related.push_back({first.caller_evidence[i]->where, describe(fn) + " calls what " + first.resource->address +
                                                            " guards (this environment value refers to it)"});
    append_egress_evidence(model, fn, related);
  }
  if (names.empty()) return;
  Finding& f = ctx.report(first.address->where,
                          first.resource->address + " admits " + written_entries(entries) + " (" +
                              std::string(first.subject) + ") for " + (names.size() == 1 ? "function " : "functions ") +
                              join_names(names) +
                              ", whose outbound address is Google's shared, changing pool (no Cloud NAT with manual IPs "
                              "only): an entry that admits it admits other tenants too; " + first.fix,
                          first.resource->address);
  f.related = std::move(related);
}

// The subnets a Cloud NAT translates host something besides functions (a VM, a cluster): an
// entry for its address may be meant for those.
bool serves_more_than_functions(const NatGateway& nat) {
  for (const Subnet* s : nat.client_subnets)
    if (!s->other_users.empty()) return true;
  if (nat.serves_every_subnet && nat.vpc)
    for (const Subnet* s : nat.vpc->subnets)
      if (!s->other_users.empty()) return true;
  return !nat.clients_known;  // cannot tell: stay quiet
}

// An entry that admits a Cloud NAT's reserved address is there for the functions behind that
// NAT. A function that sends only private ranges into the VPC never uses the NAT for public
// destinations: its calls come from Google's shared pool, and the entry does not pin it.
void check_nat_address(RuleContext& ctx, const AllowListEntry& e) {
  const Model& model = ctx.model();
  for (const NativeResource* address : model.referenced(e.address))
    for (const NatGateway& nat : model.network.nat_gateways) {
      if (nat.cloud != Cloud::Gcp || std::find(nat.addresses.begin(), nat.addresses.end(), address) == nat.addresses.end())
        continue;
      if (serves_more_than_functions(nat)) continue;
      std::vector<std::string> names;
      std::vector<RelatedLocation> related;
      for (const FunctionNetwork& net : model.network.functions) {
        if (std::find(net.nats.begin(), net.nats.end(), &nat) == net.nats.end()) continue;
        if (!net.all_traffic_known) return;
        if (net.all_traffic) continue;
        names.push_back(net.function->address());
        related.push_back({net.function->resource->declaration, describe(*net.function) + " sits behind " +
                                                                    nat.resource->address});
        append_egress_evidence(model, *net.function, related);
      }
      if (names.empty()) continue;
      related.push_back({nat.resource->declaration, "Cloud NAT " + nat.resource->address + " owns " + address->address});
      Finding& f = ctx.report(e.address->where,
                              e.resource->address + " admits the Cloud NAT address " + address->address + " (" +
                                  std::string(e.subject) + ") for " + (names.size() == 1 ? "function " : "functions ") +
                                  join_names(names) +
                                  ", but only private ranges enter the VPC from there: calls to public addresses leave "
                                  "from Google's shared, changing pool, not the NAT; send all their egress into the VPC "
                                  "(ALL_TRAFFIC) so that the NAT's address is really theirs",
                              e.resource->address);
      f.related = std::move(related);
      return;
    }
}

}  // namespace

void check_allow_lists(RuleContext& ctx) {
  std::vector<std::vector<const AllowListEntry*>> by_resource;
  for (const AllowListEntry& e : ctx.model().allow_list_entries) {
    if (!e.shared_ranges.empty()) check_shared_ranges(ctx, e);
    if (e.cloud == Cloud::Gcp && e.callers.empty() && e.address && !e.address->is_null()) check_nat_address(ctx, e);
    if (e.callers.empty() || e.address->is_null()) continue;
    if (by_resource.empty() || by_resource.back().front()->resource != e.resource) by_resource.emplace_back();
    by_resource.back().push_back(&e);
  }
  for (const auto& entries : by_resource) check_callers(ctx, entries);
}

}  // namespace eph::rules
