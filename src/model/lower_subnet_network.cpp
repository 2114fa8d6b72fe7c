// Networks whose egress is decided per subnet rather than by route tables (Google Cloud):
// networks, regional subnets with their private path to the cloud's APIs (Private Google
// Access) and their flow logs (`log_config`), NATs that name the subnets they translate
// (Cloud NAT on a router, with automatic or manual addresses), Private Service Connect
// endpoints for Google APIs, and Serverless VPC Access connectors. Lowered after the
// route-table graph, into the same Network.
#include <unordered_map>

#include "model/lowering.h"
#include "model/network_lowering.h"
#include "model/ref_resolver.h"
#include "model/value_paths.h"

namespace eph {
namespace {

struct NetworkRow {
  std::string_view type;
  Cloud cloud;
};
constexpr NetworkRow kNetworks[] = {{"google_compute_network", Cloud::Gcp}};

struct SubnetRow {
  std::string_view type;
  Cloud cloud;
  std::string_view network, region, private_api_access, flow_log;
};
constexpr SubnetRow kSubnets[] = {
    {.type = "google_compute_subnetwork", .cloud = Cloud::Gcp, .network = "network", .region = "region",
     .private_api_access = "private_ip_google_access", .flow_log = "log_config"},
};

// NATs that translate the subnets they name. `all_subnets` lists the values of `coverage`
// that mean every subnet of the network in the NAT's region; `subnets` the named ones.
struct NatRow {
  std::string_view type;
  Cloud cloud;
  std::string_view router, router_network, region, coverage, subnets, subnet_name, allocation, addresses;
  std::string_view manual_only;
  std::string_view all_subnets[2];
};
constexpr NatRow kNats[] = {
    {.type = "google_compute_router_nat", .cloud = Cloud::Gcp, .router = "router", .router_network = "network",
     .region = "region", .coverage = "source_subnetwork_ip_ranges_to_nat", .subnets = "subnetwork", .subnet_name = "name",
     .allocation = "nat_ip_allocate_option", .addresses = "nat_ips", .manual_only = "MANUAL_ONLY",
     .all_subnets = {"ALL_SUBNETWORKS_ALL_IP_RANGES", "ALL_SUBNETWORKS_ALL_PRIMARY_IP_RANGES"}},
};
constexpr std::string_view kRouterTypes[] = {"google_compute_router"};

// Private Service Connect endpoints for Google APIs: a global forwarding rule whose target is
// a bundle of Google APIs, in a network.
struct PrivateApiEndpointRow {
  Cloud cloud;
  std::string_view type, target, network;
  std::string_view bundles[2];
};
constexpr PrivateApiEndpointRow kPrivateApiEndpoints[] = {
    {.cloud = Cloud::Gcp, .type = "google_compute_global_forwarding_rule", .target = "target", .network = "network",
     .bundles = {"all-apis", "vpc-sc"}},
};

struct ConnectorRow {
  std::string_view type, network, subnet, region;
};
constexpr ConnectorRow kConnectors[] = {
    {.type = "google_vpc_access_connector", .network = "network", .subnet = "subnet/name", .region = "region"},
};

template <class Row, size_t N>
const Row* row_for(const Row (&rows)[N], std::string_view type) {
  for (const auto& row : rows)
    if (row.type == type) return &row;
  return nullptr;
}

bool written(const Value* v) { return v && !v->is_null(); }

class SubnetNetworkBuilder {
 public:
  SubnetNetworkBuilder(const LoadedUnit& unit, const RefResolver& refs, Network& net) : unit_(unit), refs_(refs), net_(net) {}

  void build() {
    for (const auto& r : unit_.resources)
      if (const NetworkRow* row = row_for(kNetworks, r.type)) {
        Vpc& v = net_.vpcs.emplace_back();
        v.resource = &r;
        v.cloud = row->cloud;
        v.implicit_route_table = v.main_route_table = nullptr;
        networks_[&r] = &v;
      }
    for (const auto& r : unit_.resources)
      if (const SubnetRow* row = row_for(kSubnets, r.type)) add_subnet(r, *row);
    for (const auto& r : unit_.resources) {
      if (const NatRow* row = row_for(kNats, r.type)) add_nat(r, *row);
      if (const PrivateApiEndpointRow* row = row_for(kPrivateApiEndpoints, r.type)) add_private_api_endpoint(r, *row);
      if (const ConnectorRow* row = row_for(kConnectors, r.type)) add_connector(r, *row);
    }
  }

 private:
  const LoadedUnit& unit_;
  const RefResolver& refs_;
  Network& net_;
  std::unordered_map<const NativeResource*, Vpc*> networks_;
  std::unordered_map<const NativeResource*, Subnet*> subnets_;

  Vpc* network_of(const Value* v) const {
    const NativeResource* r = refs_.one(v, [&](const NativeResource* c) { return networks_.count(c) > 0; });
    return r ? networks_.at(r) : nullptr;
  }
  Subnet* subnet_of(const Value* v) const {
    const NativeResource* r = refs_.one(v, [&](const NativeResource* c) { return subnets_.count(c) > 0; });
    return r ? subnets_.at(r) : nullptr;
  }

  void add_subnet(const NativeResource& r, const SubnetRow& row) {
    Subnet& s = net_.subnets.emplace_back();
    s.resource = &r;
    s.cloud = row.cloud;
    s.vpc = network_of(at_path(r.body, row.network));
    s.region = at_path(r.body, row.region);
    s.private_api_access = at_path(r.body, row.private_api_access);
    subnets_[&r] = &s;
    if (s.vpc) const_cast<Vpc*>(s.vpc)->subnets.push_back(&s);
    const Value* log = at_path(r.body, row.flow_log);
    if (!written(log) || (log->is_list() && log->items.empty())) return;
    FlowLog& f = net_.flow_logs.emplace_back();
    f.resource = &r;
    f.target = FlowLogTarget::Subnet;
    f.subnet = &s;
    f.may_not_exist = r.may_not_exist || log->is_unknown();
  }

  void add_nat(const NativeResource& r, const NatRow& row) {
    NatGateway& nat = net_.nat_gateways.emplace_back();
    nat.resource = &r;
    nat.cloud = row.cloud;
    nat.region = at_path(r.body, row.region);
    for (const RefTarget& t : refs_.targets(at_path(r.body, row.router)))
      for (auto type : kRouterTypes)
        if (t.resource->type == type) nat.vpc = network_of(at_path(t.resource->body, row.router_network));
    nat.address_allocation = at_path(r.body, row.allocation);
    nat.only_manual_addresses = string_of(nat.address_allocation) == row.manual_only;
    for (const Value* ip : list_items(at_path(r.body, row.addresses)))
      for (const RefTarget& t : refs_.targets(ip)) nat.addresses.push_back(t.resource);
    std::string_view coverage = string_of(at_path(r.body, row.coverage));
    for (auto all : row.all_subnets) nat.serves_every_subnet = nat.serves_every_subnet || coverage == all;
    nat.clients_known = !coverage.empty();
    if (nat.serves_every_subnet) {
      nat.clients_known = nat.vpc != nullptr;
      for (const Subnet* s : nat.vpc ? nat.vpc->subnets : std::vector<const Subnet*>{})
        if (same_region(s->region, nat.region)) nat.client_subnets.push_back(s);
      return;
    }
    each_at_path(r.body, row.subnets, [&](const Value& block) {
      if (const Subnet* s = subnet_of(at_path(&block, row.subnet_name))) nat.client_subnets.push_back(s);
      else nat.clients_known = false;
    });
  }

  // Regions written differently (or unknown) might be the same: only two known, different
  // regions are apart.
  static bool same_region(const Value* a, const Value* b) {
    return !is_known_string(a) || !is_known_string(b) || a->text == b->text;
  }

  void add_private_api_endpoint(const NativeResource& r, const PrivateApiEndpointRow& row) {
    std::string_view target = string_of(at_path(r.body, row.target));
    bool api_bundle = false;
    for (auto bundle : row.bundles) api_bundle = api_bundle || target == bundle;
    if (!api_bundle) return;
    VpcEndpoint& e = net_.endpoints.emplace_back();
    e.resource = &r;
    e.cloud = row.cloud;
    e.vpc = network_of(at_path(r.body, row.network));
    e.vpc_known = e.vpc != nullptr;
    e.service = std::string(target);
    e.service_known = true;
    e.type = EndpointType::Interface;
    e.may_not_exist = r.may_not_exist;
    if (e.vpc) const_cast<Vpc*>(e.vpc)->endpoints.push_back(&e);
  }

  void add_connector(const NativeResource& r, const ConnectorRow& row) {
    NetworkConnector& c = net_.connectors.emplace_back();
    c.resource = &r;
    c.subnet = subnet_of(at_path(r.body, row.subnet));
    c.vpc = c.subnet ? c.subnet->vpc : network_of(at_path(r.body, row.network));
    c.region = at_path(r.body, row.region);
  }
};

}  // namespace

void build_subnet_network(const LoadedUnit& unit, const RefResolver& refs, Network& net) {
  SubnetNetworkBuilder(unit, refs, net).build();
}

}  // namespace eph
