// Azure virtual networks: VNets, their subnets (subnet resources and inline `subnet` blocks)
// with service endpoints (azurerm 4 `service_endpoints`, azurerm 5 `service_endpoint` blocks),
// private endpoints with the resource they connect to, NAT gateways with the subnets and
// public addresses associated with them, and flow logs (azurerm 4 `network_security_group_id`,
// newer `target_resource_id`) on a VNet, a subnet, or a network security group associated
// with subnets. Lowered after the other graphs, into the same Network.
#include <algorithm>
#include <unordered_map>

#include "model/lowering.h"
#include "model/network_lowering.h"
#include "model/ref_resolver.h"
#include "model/value_paths.h"

namespace eph {
namespace {

constexpr std::string_view kVirtualNetworks[] = {"azurerm_virtual_network", "data.azurerm_virtual_network"};
constexpr std::string_view kInlineSubnets = "subnet";

struct SubnetRow {
  std::string_view type, network;
};
constexpr SubnetRow kSubnets[] = {{"azurerm_subnet", "virtual_network_name"},
                                  {"data.azurerm_subnet", "virtual_network_name"}};
// On subnet resources and inline blocks alike.
constexpr std::string_view kServiceEndpointList = "service_endpoints";   // azurerm 4
constexpr std::string_view kServiceEndpointBlocks = "service_endpoint";  // azurerm 5
constexpr std::string_view kServiceEndpointName = "service";
constexpr std::string_view kSubnetNsg = "network_security_group_id";     // on a subnet (resource or block)

constexpr std::string_view kNatGateways[] = {"azurerm_nat_gateway"};
struct LinkRow {
  std::string_view type, from, to;
};
// NAT gateway -> subnet, NAT gateway -> public address, NSG -> subnet, route table -> subnet.
constexpr LinkRow kNatSubnets[] = {{"azurerm_subnet_nat_gateway_association", "nat_gateway_id", "subnet_id"}};
constexpr LinkRow kNatAddresses[] = {{"azurerm_nat_gateway_public_ip_association", "nat_gateway_id", "public_ip_address_id"},
                                     {"azurerm_nat_gateway_public_ip_prefix_association", "nat_gateway_id", "public_ip_prefix_id"}};
constexpr LinkRow kNsgSubnets[] = {{"azurerm_subnet_network_security_group_association", "network_security_group_id", "subnet_id"}};
constexpr LinkRow kRouteTableSubnets[] = {{"azurerm_subnet_route_table_association", "route_table_id", "subnet_id"}};
constexpr std::string_view kSecurityGroups[] = {"azurerm_network_security_group", "data.azurerm_network_security_group"};

struct PrivateEndpointRow {
  std::string_view type, subnet, connection, target, subresources;
};
constexpr PrivateEndpointRow kPrivateEndpoints[] = {
    {.type = "azurerm_private_endpoint", .subnet = "subnet_id", .connection = "private_service_connection",
     .target = "private_connection_resource_id", .subresources = "subresource_names"}};

struct FlowLogRow {
  std::string_view type, target, enabled;
};
constexpr FlowLogRow kFlowLogs[] = {{"azurerm_network_watcher_flow_log", "target_resource_id|network_security_group_id", "enabled"}};

bool one_of(std::string_view s, const auto& list) {
  return std::find(std::begin(list), std::end(list), s) != std::end(list);
}
bool written(const Value* v) { return v && !v->is_null(); }
bool is_data_source(const NativeResource& r) { return r.type.rfind("data.", 0) == 0; }
bool known_false(const Value* v) {
  return v && ((v->kind == Kind::Bool && !v->boolean) || (v->is_string() && v->text == "false"));
}

// The first of "a|b" that is written.
const Value* first_written(const Value& body, std::string_view paths) {
  while (!paths.empty()) {
    size_t bar = paths.find('|');
    const Value* v = at_path(body, paths.substr(0, bar));
    if (written(v)) return v;
    paths = bar == std::string_view::npos ? std::string_view() : paths.substr(bar + 1);
  }
  return nullptr;
}

void read_service_endpoints(const Value& body, Subnet& s) {
  bool unknown = false;
  for (const Value* v : list_items(body.get(kServiceEndpointList), &unknown))
    if (!v->is_null()) s.service_endpoints.push_back(v);
  const Value* blocks = body.get(kServiceEndpointBlocks);
  if (blocks && blocks->is_unknown()) unknown = true;
  each_at_path(body, kServiceEndpointBlocks, [&](const Value& block) {
    const Value* name = block.get(kServiceEndpointName);
    if (!is_known_string(name)) unknown = true;
    else s.service_endpoints.push_back(name);
  });
  s.service_endpoints_known = !unknown;
}

class VirtualNetworkBuilder {
 public:
  VirtualNetworkBuilder(const LoadedUnit& unit, const RefResolver& refs, Network& net) : unit_(unit), refs_(refs), net_(net) {}

  void build() {
    for (const auto& r : unit_.resources)
      if (one_of(r.type, kVirtualNetworks)) add_network(r);
    for (const auto& r : unit_.resources)
      for (const auto& row : kSubnets)
        if (row.type == r.type) add_subnet(r, row);
    for (const auto& r : unit_.resources)
      if (one_of(r.type, kNatGateways)) add_nat(r);
    for (const auto& r : unit_.resources) {
      for (const auto& row : kNatSubnets)
        if (row.type == r.type) link_nat_subnet(r, row);
      for (const auto& row : kNatAddresses)
        if (row.type == r.type) link_nat_address(r, row);
      for (const auto& row : kNsgSubnets)
        if (row.type == r.type) link_nsg_subnet(r, row);
      for (const auto& row : kRouteTableSubnets)
        if (row.type == r.type) route_table_on(r, row);
      for (const auto& row : kPrivateEndpoints)
        if (row.type == r.type) add_private_endpoint(r, row);
    }
    for (const auto& r : unit_.resources)
      for (const auto& row : kFlowLogs)
        if (row.type == r.type) add_flow_log(r, row);
  }

 private:
  const LoadedUnit& unit_;
  const RefResolver& refs_;
  Network& net_;
  std::unordered_map<const NativeResource*, Vpc*> networks_;
  std::unordered_map<const NativeResource*, NatGateway*> nats_;
  std::unordered_map<const NativeResource*, std::vector<Subnet*>> nsg_subnets_;  // NSG -> subnets
  std::vector<const NativeResource*> unresolved_nsg_links_;                         // NSGs on a subnet not resolved

  Subnet* subnet_of(const Value* v) const { return const_cast<Subnet*>(azure_subnet_of(refs_, net_, v)); }

  void add_network(const NativeResource& r) {
    Vpc& v = net_.vpcs.emplace_back();
    v.resource = &r;
    v.cloud = Cloud::Azure;
    networks_[&r] = &v;
    if (is_data_source(r)) {
      // A network from outside the code: its flow logs and private endpoints are not in view.
      v.flow_logs_known = false;
      v.endpoints_known = false;
    }
    each_at_path(r.body, kInlineSubnets, [&](const Value& block) {
      Subnet& s = new_subnet(r, block, &v);
      s.range = block.where.valid() ? block.where : r.declaration;
    });
  }

  Subnet& new_subnet(const NativeResource& r, const Value& body, Vpc* vpc) {
    Subnet& s = net_.subnets.emplace_back();
    s.resource = &r;
    s.cloud = Cloud::Azure;
    s.vpc = vpc;
    s.route_table_known = true;
    read_service_endpoints(body, s);
    if (const Value* nsg = body.get(kSubnetNsg); written(nsg)) link_nsg(nsg, &s);
    if (vpc) vpc->subnets.push_back(&s);
    return s;
  }

  void add_subnet(const NativeResource& r, const SubnetRow& row) {
    Vpc* vpc = nullptr;
    if (const NativeResource* n = refs_.one(at_path(r.body, row.network), [&](const NativeResource* c) { return networks_.count(c) > 0; }))
      vpc = networks_.at(n);
    new_subnet(r, r.body, vpc);
  }

  void add_nat(const NativeResource& r) {
    NatGateway& nat = net_.nat_gateways.emplace_back();
    nat.resource = &r;
    nat.cloud = Cloud::Azure;
    // Azure NAT gateways translate to the Standard public addresses associated with them: static.
    nat.only_manual_addresses = true;
    nats_[&r] = &nat;
  }

  NatGateway* nat_of(const Value* v) const {
    const NativeResource* r = refs_.one(v, [&](const NativeResource* c) { return nats_.count(c) > 0; });
    return r ? nats_.at(r) : nullptr;
  }

  void link_nat_subnet(const NativeResource& r, const LinkRow& row) {
    NatGateway* nat = nat_of(at_path(r.body, row.from));
    Subnet* s = subnet_of(at_path(r.body, row.to));
    if (nat && s && !r.may_not_exist) {
      nat->client_subnets.push_back(s);
      if (!nat->vpc) nat->vpc = s->vpc;
      return;
    }
    // Either end unreadable: the NAT may serve more subnets, the subnet may have another NAT.
    if (nat) nat->clients_known = false;
    if (s) s->route_table_known = false;
  }

  void link_nat_address(const NativeResource& r, const LinkRow& row) {
    NatGateway* nat = nat_of(at_path(r.body, row.from));
    if (!nat) return;
    for (const RefTarget& t : refs_.targets(at_path(r.body, row.to))) nat->addresses.push_back(t.resource);
  }

  void link_nsg(const Value* nsg_value, Subnet* s) {
    const NativeResource* nsg =
        refs_.one(nsg_value, [&](const NativeResource* c) { return one_of(c->type, kSecurityGroups); });
    if (!nsg || is_data_source(*nsg)) {
      // An NSG from outside the code may carry a flow log the code does not show.
      if (s && s->vpc) const_cast<Vpc*>(s->vpc)->flow_logs_known = false;
      if (!nsg) return;
    }
    if (s) nsg_subnets_[nsg].push_back(s);
    else unresolved_nsg_links_.push_back(nsg);
  }

  void link_nsg_subnet(const NativeResource& r, const LinkRow& row) {
    link_nsg(at_path(r.body, row.from), subnet_of(at_path(r.body, row.to)));
  }

  // A route table may send the subnet's default traffic to an appliance instead of its NAT.
  void route_table_on(const NativeResource& r, const LinkRow& row) {
    for (const RefTarget& t : refs_.targets(at_path(r.body, row.to)))
      for (Subnet& s : net_.subnets)
        if (s.resource == t.resource) s.route_table_known = false;
  }

  void add_private_endpoint(const NativeResource& r, const PrivateEndpointRow& row) {
    VpcEndpoint& e = net_.endpoints.emplace_back();
    e.resource = &r;
    e.cloud = Cloud::Azure;
    e.type = EndpointType::Interface;
    e.may_not_exist = r.may_not_exist;
    e.subnet = subnet_of(at_path(r.body, row.subnet));
    e.vpc = e.subnet ? e.subnet->vpc : nullptr;
    e.vpc_known = e.vpc != nullptr;
    const Value* connection = at_path(r.body, row.connection);
    e.target = refs_.one(at_path(connection, row.target), [](const NativeResource*) { return true; });
    bool unknown = false;
    for (const Value* name : list_items(at_path(connection, row.subresources), &unknown)) {
      if (!is_known_string(name)) continue;
      if (!e.service.empty()) e.service += ",";
      e.service += name->text;
    }
    e.service_known = e.target != nullptr;
    if (e.vpc) {
      const_cast<Vpc*>(e.vpc)->endpoints.push_back(&e);
      if (!e.target) const_cast<Vpc*>(e.vpc)->endpoints_known = false;  // it may reach anything
      return;
    }
    // In a network the code does not resolve: it may be in any of them.
    for (Vpc& v : net_.vpcs)
      if (v.cloud == Cloud::Azure) v.endpoints_known = false;
  }

  void add_flow_log(const NativeResource& r, const FlowLogRow& row) {
    if (known_false(at_path(r.body, row.enabled))) return;  // switched off: logs nothing
    const Value* target = first_written(r.body, row.target);
    auto add = [&](FlowLogTarget kind, const Vpc* vpc, const Subnet* subnet) {
      FlowLog& log = net_.flow_logs.emplace_back();
      log.resource = &r;
      log.target = kind;
      log.vpc = vpc;
      log.subnet = subnet;
      log.may_not_exist = r.may_not_exist;
      if (vpc) const_cast<Vpc*>(vpc)->flow_logs.push_back(&log);
      return &log;
    };
    size_t before = net_.flow_logs.size();
    for (const RefTarget& t : refs_.targets(target)) {
      if (auto it = networks_.find(t.resource); it != networks_.end()) add(FlowLogTarget::Vpc, it->second, nullptr);
      for (const Subnet& s : net_.subnets)
        if (s.resource == t.resource && !s.range.valid()) add(FlowLogTarget::Subnet, nullptr, &s);
      if (!one_of(t.resource->type, kSecurityGroups)) continue;
      if (std::find(unresolved_nsg_links_.begin(), unresolved_nsg_links_.end(), t.resource) != unresolved_nsg_links_.end())
        unknown_target(add(FlowLogTarget::Unknown, nullptr, nullptr), target);  // on a subnet not resolved
      auto it = nsg_subnets_.find(t.resource);
      if (it == nsg_subnets_.end()) {
        add(FlowLogTarget::Other, nullptr, nullptr);  // an NSG on no subnet of the code (NICs, or elsewhere)
        continue;
      }
      for (const Subnet* s : it->second) add(FlowLogTarget::Subnet, nullptr, s);
    }
    if (net_.flow_logs.size() == before) unknown_target(add(FlowLogTarget::Unknown, nullptr, nullptr), target);
  }

  // A flow log whose target cannot be read may log any network of the code.
  void unknown_target(FlowLog* log, const Value* target) {
    for (const RefTarget& t : refs_.targets(target)) log->possible_targets.push_back(t.resource);
    for (Vpc& v : net_.vpcs)
      if (v.cloud == Cloud::Azure) v.flow_logs_known = false;
  }
};

}  // namespace

const Subnet* azure_subnet_of(const RefResolver& refs, const Network& net, const Value* v) {
  const Subnet* found = nullptr;
  for (const RefTarget& t : refs.targets(v)) {
    const Subnet* candidate = nullptr;
    int inline_count = 0;
    for (const Subnet& s : net.subnets) {
      if (s.cloud != Cloud::Azure || s.resource != t.resource) continue;
      if (!s.range.valid()) candidate = &s;
      else if (++inline_count == 1) candidate = &s;
    }
    if (inline_count > 1) candidate = nullptr;  // which inline block is meant is not known
    if (!candidate) continue;
    if (found && found != candidate) return nullptr;
    found = candidate;
  }
  return found;
}

void build_virtual_networks(const LoadedUnit& unit, const RefResolver& refs, Network& net) {
  VirtualNetworkBuilder(unit, refs, net).build();
}

}  // namespace eph
