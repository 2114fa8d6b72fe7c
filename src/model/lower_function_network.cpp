// Each VPC-attached function's path through the network graph: its subnets, their route
// tables, where its default route leads (NAT, nowhere, another network) and which VPC
// endpoints serve it.
#include <algorithm>
#include <unordered_map>

#include "core/published_output.h"
#include "model/lowering.h"
#include "model/network_lowering.h"
#include "model/ref_resolver.h"

namespace eph {
namespace {

// The IPv4 default route of a table; `known` is false when a route's destination or the
// table's routes cannot be read (any of them might be the default route).
const Route* default_route(const RouteTable& table, bool& known) {
  known = table.routes_known;
  const Route* found = nullptr;
  for (const Route& r : table.routes) {
    if (!r.destination_known) known = false;
    if (r.default_ipv4 && !found) found = &r;
  }
  return found;
}

Egress egress_of(const Route* route, bool route_known, const NatGateway** nat) {
  if (!route) return route_known ? Egress::None : Egress::Unknown;
  switch (route->target) {
    case RouteTarget::Local:
    case RouteTarget::InternetGateway:  // a Lambda ENI has no public address: nothing gets out
      return Egress::None;
    case RouteTarget::NatGateway:
      if (!route->nat || !route->nat->connectivity_known) return Egress::Unknown;
      if (!route->nat->is_public) return Egress::Other;
      *nat = route->nat;
      return Egress::Nat;
    case RouteTarget::OtherNetwork:
      return Egress::Other;
    case RouteTarget::Unknown:
      return Egress::Unknown;
  }
  return Egress::Unknown;
}

// Unknown wins over Other, Other over Nat, Nat over None.
Egress combine(Egress a, Egress b) {
  auto rank = [](Egress e) {
    switch (e) {
      case Egress::None: return 0;
      case Egress::Nat: return 1;
      case Egress::Other: return 2;
      case Egress::Unknown: return 3;
    }
    return 3;
  };
  return rank(a) >= rank(b) ? a : b;
}

// Resources that refer to subnets without sending traffic out through them: network
// plumbing, and data stores and load balancers that live in the subnet and only answer.
constexpr std::string_view kPassiveSubnetUsers[] = {
    "aws_route_table_association", "aws_nat_gateway", "aws_vpc_endpoint", "aws_vpc_endpoint_subnet_association",
    "aws_network_acl", "aws_network_acl_association", "aws_flow_log", "aws_subnet", "aws_ec2_subnet_cidr_reservation",
    "aws_db_subnet_group", "aws_elasticache_subnet_group", "aws_redshift_subnet_group", "aws_neptune_subnet_group",
    "aws_docdb_subnet_group", "aws_memorydb_subnet_group", "aws_dax_subnet_group", "aws_efs_mount_target", "aws_lb",
    "aws_alb", "aws_elb", "aws_db_proxy", "aws_msk_cluster", "aws_mq_broker", "aws_opensearch_domain",
    "aws_elasticsearch_domain", "aws_route53_resolver_endpoint",
    "AWS::EC2::SubnetRouteTableAssociation", "AWS::EC2::NatGateway", "AWS::EC2::VPCEndpoint", "AWS::EC2::NetworkAcl",
    "AWS::EC2::SubnetNetworkAclAssociation", "AWS::EC2::FlowLog", "AWS::EC2::SubnetCidrBlock",
    "AWS::RDS::DBSubnetGroup", "AWS::ElastiCache::SubnetGroup", "AWS::Redshift::ClusterSubnetGroup",
    "AWS::Neptune::DBSubnetGroup", "AWS::DocDB::DBSubnetGroup", "AWS::MemoryDB::SubnetGroup", "AWS::DAX::SubnetGroup",
    "AWS::EFS::MountTarget", "AWS::ElasticLoadBalancingV2::LoadBalancer", "AWS::ElasticLoadBalancing::LoadBalancer",
    "AWS::RDS::DBProxy", "AWS::MSK::Cluster", "AWS::AmazonMQ::Broker", "AWS::OpenSearchService::Domain",
    "AWS::Elasticsearch::Domain", "AWS::Route53Resolver::ResolverEndpoint",
    // Google Cloud: plumbing, and services that take a private address in the network.
    "google_compute_network", "google_compute_subnetwork", "google_compute_router", "google_compute_router_nat",
    "google_compute_router_interface", "google_compute_router_peer", "google_vpc_access_connector",
    "google_compute_firewall", "google_compute_route", "google_compute_address", "google_compute_global_address",
    "google_compute_forwarding_rule", "google_compute_global_forwarding_rule", "google_service_networking_connection",
    "google_compute_network_peering", "google_compute_shared_vpc_service_project", "google_dns_managed_zone",
    "google_dns_record_set", "google_dns_policy", "google_compute_subnetwork_iam_member",
    "google_compute_subnetwork_iam_binding", "google_sql_database_instance", "google_redis_instance",
    "google_memcache_instance", "google_filestore_instance", "google_compute_network_endpoint_group",
    "google_compute_region_network_endpoint_group",
    // Azure: plumbing, and the private endpoints of services that only answer.
    "azurerm_virtual_network", "azurerm_subnet", "azurerm_subnet_nat_gateway_association",
    "azurerm_subnet_network_security_group_association", "azurerm_subnet_route_table_association",
    "azurerm_app_service_virtual_network_swift_connection", "azurerm_private_endpoint",
    "azurerm_network_watcher_flow_log", "azurerm_virtual_network_peering",
    "azurerm_private_dns_zone_virtual_network_link", "azurerm_subnet_service_endpoint_storage_policy",
    // Azure services whose network rules admit the subnet: they answer, they do not send.
    "azurerm_storage_account", "azurerm_storage_account_network_rules", "azurerm_key_vault",
    "azurerm_mssql_virtual_network_rule", "azurerm_servicebus_namespace", "azurerm_eventhub_namespace",
    "azurerm_cosmosdb_account", "azurerm_container_registry", "azurerm_postgresql_flexible_server",
    "azurerm_mysql_flexible_server",
};

bool is_passive_user(std::string_view type) {
  if (type.rfind("data.", 0) == 0) return true;  // reading a subnet is not using it
  if (type == kOutputType) return true;          // publishing its id is not using it
  for (auto t : kPassiveSubnetUsers)
    if (t == type) return true;
  return false;
}

void collect_refs(const Value& v, std::vector<const Ref*>& out) {
  for (const auto& r : v.refs) out.push_back(&r);
  for (const auto& item : v.items) collect_refs(item, out);
  for (const auto& f : v.fields) collect_refs(f.value, out);
}

// Finds, for every subnet, the resources that use it other than functions and plumbing.
// Where NATs serve whole networks (Google Cloud), a user of the network uses each of its subnets.
void find_other_subnet_users(const LoadedUnit& unit, const RefResolver& refs, const Model& model, Network& net) {
  if (net.subnets.empty()) return;
  std::unordered_map<const NativeResource*, Subnet*> subnets;
  std::unordered_map<const NativeResource*, std::vector<Subnet*>> networks;
  for (auto& s : net.subnets) {
    subnets[s.resource] = &s;
    if (s.cloud != Cloud::Aws && s.vpc) networks[s.vpc->resource].push_back(&s);
  }
  std::unordered_map<const NativeResource*, bool> functions;
  for (const auto& fn : model.functions) functions[fn.resource] = true;
  std::vector<const Ref*> found;
  std::vector<RefTarget> targets;
  for (const auto& r : unit.resources) {
    if (functions.count(&r) || subnets.count(&r) || is_passive_user(r.type)) continue;
    found.clear();
    targets.clear();
    collect_refs(r.body, found);
    for (const Ref* ref : found) refs.add_targets(*ref, targets);
    auto add = [&](Subnet* s) {
      auto& users = s->other_users;
      if (std::find(users.begin(), users.end(), &r) == users.end()) users.push_back(&r);
    };
    for (const RefTarget& t : targets) {
      if (auto it = subnets.find(t.resource); it != subnets.end()) add(it->second);
      if (auto it = networks.find(t.resource); it != networks.end())
        for (Subnet* s : it->second) add(s);
    }
  }
}

// Attributes that hold a public address: a CloudFormation `Ref` to an EIP (empty attribute)
// is its address; Terraform's `public_ip`; CloudFormation's `PublicIp`.
constexpr std::string_view kAddressAttributes[] = {"", "public_ip", "PublicIp", "ip_address", "ip_prefix"};

std::string_view without_key(std::string_view address) {
  return !address.empty() && address.back() == ']' ? address.substr(0, address.rfind('[')) : address;
}

bool publishes_address_of(const Value& v, const NativeResource& r, bool plain_ref_counts) {
  for (const auto& ref : v.refs) {
    if (without_key(ref.address) != without_key(r.address)) continue;
    for (auto a : kAddressAttributes)
      if (ref.attribute == a && (plain_ref_counts || !a.empty())) return true;
  }
  for (const auto& item : v.items)
    if (publishes_address_of(item, r, plain_ref_counts)) return true;
  for (const auto& f : v.fields)
    if (publishes_address_of(f.value, r, plain_ref_counts)) return true;
  return false;
}

// Outputs that publish a NAT gateway's public address: its Elastic IP, or the NAT's own
// public address attribute.
void find_published_nat_addresses(const LoadedUnit& unit, Network& net) {
  for (auto& nat : net.nat_gateways) {
    for (const NativeResource& out : unit.resources) {
      if (out.type != kOutputType) continue;
      bool address_published = false;
      for (const NativeResource* a : nat.addresses)  // Azure public IPs associated with the NAT
        address_published = address_published || publishes_address_of(out.body, *a, false);
      if ((nat.elastic_ip && publishes_address_of(out.body, *nat.elastic_ip, true)) ||
          publishes_address_of(out.body, *nat.resource, false) || address_published) {
        nat.published_address = &out;
        break;
      }
    }
  }
}

}  // namespace

bool endpoint_serves(const VpcEndpoint& e, const FunctionNetwork& fn_net) {
  if (!fn_net.vpc || e.vpc != fn_net.vpc || e.may_not_exist) return false;
  if (e.type == EndpointType::Interface) return true;
  if (e.type != EndpointType::Gateway || fn_net.subnets.empty()) return false;
  for (const auto& path : fn_net.subnets) {
    bool associated = false;
    for (const RouteTable* t : e.route_tables) associated = associated || t == path.route_table;
    if (!associated) return false;
  }
  return true;
}

void attach_functions_to_network(const RefResolver& refs, Model& model) {
  Network& net = model.network;
  std::unordered_map<const NativeResource*, const Subnet*> subnets;
  for (const auto& s : net.subnets) subnets[s.resource] = &s;

  for (const Function& fn : model.functions) {
    if (fn.cloud != Cloud::Aws || !fn.in_vpc) continue;
    FunctionNetwork& fn_net = net.functions.emplace_back();
    fn_net.function = &fn;
    bool known = fn.subnets_known && !fn.resource->may_not_exist && !fn.subnets.empty();
    bool same_vpc = true;
    Egress egress = Egress::None;
    for (const Value* written : fn.subnets) {
      FunctionSubnetPath path;
      path.written = written;
      const NativeResource* r = refs.one(written, [&](const NativeResource* x) { return subnets.count(x) > 0; });
      path.subnet = r ? subnets.at(r) : nullptr;
      if (!path.subnet || !path.subnet->vpc || !path.subnet->route_table_known) {
        known = false;
        egress = Egress::Unknown;
      } else {
        if (fn_net.vpc && fn_net.vpc != path.subnet->vpc) same_vpc = false;
        if (!fn_net.vpc) fn_net.vpc = path.subnet->vpc;
        path.route_table = path.subnet->route_table;
        bool route_known = false;
        path.default_route = default_route(*path.route_table, route_known);
        const NatGateway* nat = nullptr;
        egress = combine(egress, egress_of(path.default_route, route_known, &nat));
        if (nat) {
          bool seen = false;
          for (const NatGateway* n : fn_net.nats) seen = seen || n == nat;
          if (!seen) fn_net.nats.push_back(nat);
        }
      }
      fn_net.subnets.push_back(path);
    }
    if (!same_vpc) {
      known = false;
      fn_net.vpc = nullptr;
    }
    fn_net.known = known && fn_net.vpc && fn_net.vpc->endpoints_known;
    fn_net.egress = known ? egress : Egress::Unknown;
    if (fn_net.egress != Egress::Nat && fn_net.egress != Egress::Unknown) fn_net.nats.clear();
    if (fn_net.vpc && known) {
      for (const VpcEndpoint* e : fn_net.vpc->endpoints)
        if (endpoint_serves(*e, fn_net)) fn_net.endpoints.push_back(e);
    }
  }
}

void lower_network(const LoadedUnit& unit, Model& model) {
  RefResolver refs(unit);
  build_network_graph(unit, refs, model.network);
  build_subnet_network(unit, refs, model.network);
  attach_functions_to_network(refs, model);
  attach_functions_to_subnets(refs, model);
  build_virtual_networks(unit, refs, model.network);
  attach_functions_to_vnets(refs, model);
  find_other_subnet_users(unit, refs, model, model.network);
  find_published_nat_addresses(unit, model.network);
  lower_service_use(refs, model);
}

}  // namespace eph

namespace eph {

const FunctionNetwork* Network::of(const Function& fn) const {
  for (const auto& f : functions)
    if (f.function == &fn) return &f;
  return nullptr;
}

const Subnet* Network::subnet(const NativeResource* r) const {
  for (const auto& s : subnets)
    if (s.resource == r) return &s;
  return nullptr;
}

const Vpc* Network::vpc(const NativeResource* r) const {
  for (const auto& v : vpcs)
    if (v.resource == r) return &v;
  return nullptr;
}

std::string RouteTable::name() const {
  if (resource) return resource->address;
  return "the main route table of " + (vpc ? vpc->resource->address : std::string("its VPC"));
}

const FunctionServices* Model::services_of(const Function& fn) const {
  for (const auto& s : function_services)
    if (s.function == &fn) return &s;
  return nullptr;
}

bool reaches_internet_via_nat(const Model& model, const Function& fn) {
  const FunctionNetwork* net = model.network_of(fn);
  return net && net->egress == Egress::Nat;
}

}  // namespace eph
