// The network graph: VPCs, subnets, route tables and routes, associations (explicit and
// main), NAT and internet gateways, VPC endpoints, security groups and flow logs, lowered
// from Terraform and CloudFormation resources through the tables below.
#include <unordered_map>

#include "model/endpoint_services.h"
#include "model/lowering.h"
#include "model/network_lowering.h"
#include "model/ref_resolver.h"
#include "model/value_paths.h"

namespace eph {
namespace {

// ---------------------------------------------------------------- tables

struct VpcRow {
  std::string_view type;
  bool is_default;  // the account's default VPC
};
constexpr VpcRow kVpcs[] = {{"aws_vpc", false}, {"aws_default_vpc", true}, {"AWS::EC2::VPC", false}};

struct SubnetRow {
  std::string_view type, vpc;
  bool in_default_vpc;
};
constexpr SubnetRow kSubnets[] = {
    {"aws_subnet", "vpc_id", false}, {"aws_default_subnet", "", true}, {"AWS::EC2::Subnet", "VpcId", false}};

// Route fields: inline route blocks and route resources name them alike within a format.
struct RouteFields {
  std::string_view destination, destination_v6, prefix_list, nat, gateway;
  std::string_view others[9];  // targets that lead to another network
};
constexpr RouteFields kTerraformRoute = {
    "destination_cidr_block", "destination_ipv6_cidr_block", "destination_prefix_list_id", "nat_gateway_id",
    "gateway_id",
    {"transit_gateway_id", "vpc_peering_connection_id", "network_interface_id", "instance_id",
     "egress_only_gateway_id", "carrier_gateway_id", "core_network_arn", "local_gateway_id", "vpc_endpoint_id"}};
constexpr RouteFields kTerraformInlineRoute = {
    "cidr_block", "ipv6_cidr_block", "destination_prefix_list_id", "nat_gateway_id", "gateway_id",
    {"transit_gateway_id", "vpc_peering_connection_id", "network_interface_id", "instance_id",
     "egress_only_gateway_id", "carrier_gateway_id", "core_network_arn", "local_gateway_id", "vpc_endpoint_id"}};
constexpr RouteFields kCloudFormationRoute = {
    "DestinationCidrBlock", "DestinationIpv6CidrBlock", "DestinationPrefixListId", "NatGatewayId", "GatewayId",
    {"TransitGatewayId", "VpcPeeringConnectionId", "NetworkInterfaceId", "InstanceId", "EgressOnlyInternetGatewayId",
     "CarrierGatewayId", "CoreNetworkArn", "LocalGatewayId", "VpcEndpointId"}};

struct RouteTableRow {
  std::string_view type;
  std::string_view vpc;            // the VPC it belongs to
  std::string_view adopts;         // a reference to the VPC's default route table (adopting it)
  std::string_view inline_routes;  // inline route blocks
  const RouteFields* inline_fields;
};
constexpr RouteTableRow kRouteTables[] = {
    {"aws_route_table", "vpc_id", "", "route", &kTerraformInlineRoute},
    {"aws_default_route_table", "", "default_route_table_id", "route", &kTerraformInlineRoute},
    {"AWS::EC2::RouteTable", "VpcId", "", "", nullptr},
};

struct RouteRow {
  std::string_view type, table;
  const RouteFields* fields;
};
constexpr RouteRow kRoutes[] = {
    {"aws_route", "route_table_id", &kTerraformRoute},
    {"AWS::EC2::Route", "RouteTableId", &kCloudFormationRoute},
};

// Attributes of a VPC that designate its route tables (Terraform).
constexpr std::string_view kVpcImplicitTableAttributes[] = {"default_route_table_id"};
constexpr std::string_view kVpcMainTableAttributes[] = {"main_route_table_id"};

struct AssociationRow {
  std::string_view type, subnet, table;
};
constexpr AssociationRow kAssociations[] = {
    {"aws_route_table_association", "subnet_id", "route_table_id"},
    {"AWS::EC2::SubnetRouteTableAssociation", "SubnetId", "RouteTableId"},
};
struct MainAssociationRow {
  std::string_view type, vpc, table;
};
constexpr MainAssociationRow kMainAssociations[] = {{"aws_main_route_table_association", "vpc_id", "route_table_id"}};

struct NatRow {
  std::string_view type, subnet, vpc, allocation, connectivity;
};
constexpr NatRow kNats[] = {
    {"aws_nat_gateway", "subnet_id", "vpc_id", "allocation_id", "connectivity_type"},
    {"AWS::EC2::NatGateway", "SubnetId", "", "AllocationId", "ConnectivityType"},
};
constexpr std::string_view kPrivateConnectivity = "private";
constexpr std::string_view kElasticIps[] = {"aws_eip", "AWS::EC2::EIP"};

struct GatewayRow {
  std::string_view type, vpc;
};
constexpr GatewayRow kInternetGateways[] = {{"aws_internet_gateway", "vpc_id"}, {"AWS::EC2::InternetGateway", ""}};
struct GatewayAttachmentRow {
  std::string_view type, gateway, vpc;
};
constexpr GatewayAttachmentRow kGatewayAttachments[] = {
    {"aws_internet_gateway_attachment", "internet_gateway_id", "vpc_id"},
    {"AWS::EC2::VPCGatewayAttachment", "InternetGatewayId", "VpcId"},
};

struct EndpointRow {
  std::string_view type, vpc, service, endpoint_type, route_tables;
  std::string_view default_type;  // when the type is not written
};
constexpr EndpointRow kEndpoints[] = {
    {"aws_vpc_endpoint", "vpc_id", "service_name", "vpc_endpoint_type", "route_table_ids", "Gateway"},
    {"AWS::EC2::VPCEndpoint", "VpcId", "ServiceName", "VpcEndpointType", "RouteTableIds", "Gateway"},
};
struct EndpointAssociationRow {
  std::string_view type, endpoint, table;
};
constexpr EndpointAssociationRow kEndpointAssociations[] = {
    {"aws_vpc_endpoint_route_table_association", "vpc_endpoint_id", "route_table_id"}};
// A data source that looks up an endpoint service by its short name ("s3").
struct EndpointServiceLookupRow {
  std::string_view type, service;
};
constexpr EndpointServiceLookupRow kEndpointServiceLookups[] = {{"data.aws_vpc_endpoint_service", "service"}};

struct SecurityGroupRow {
  std::string_view type, vpc;
  bool in_default_vpc;
};
constexpr SecurityGroupRow kSecurityGroups[] = {
    {"aws_security_group", "vpc_id", false},
    {"aws_default_security_group", "vpc_id", false},
    {"AWS::EC2::SecurityGroup", "VpcId", false},
};

// Flow logs: a field per target kind (Terraform), or an id with a type field (CloudFormation).
struct FlowLogRow {
  std::string_view type, vpc, subnet, eni, other;
  std::string_view resource_id, resource_type;
};
constexpr FlowLogRow kFlowLogs[] = {
    {"aws_flow_log", "vpc_id", "subnet_id", "eni_id", "transit_gateway_id", "", ""},
    {"AWS::EC2::FlowLog", "", "", "", "", "ResourceId", "ResourceType"},
};
constexpr std::pair<std::string_view, FlowLogTarget> kFlowLogResourceTypes[] = {
    {"VPC", FlowLogTarget::Vpc},
    {"Subnet", FlowLogTarget::Subnet},
    {"NetworkInterface", FlowLogTarget::NetworkInterface},
    {"TransitGateway", FlowLogTarget::Other},
    {"TransitGatewayAttachment", FlowLogTarget::Other},
};

template <class Row, size_t N>
const Row* row_for(const Row (&rows)[N], std::string_view type) {
  for (const auto& row : rows)
    if (row.type == type) return &row;
  return nullptr;
}

bool in_list(std::string_view attribute, const std::string_view* list, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (list[i] == attribute) return true;
  return false;
}

// ---------------------------------------------------------------- building

class NetworkBuilder {
 public:
  NetworkBuilder(const LoadedUnit& unit, const RefResolver& refs, Network& net) : unit_(unit), net_(net), refs_(refs) {}

  void build() {
    add_vpcs();
    add_subnets();
    // Gateways first: inline routes of route tables resolve their targets against them.
    add_nat_gateways();
    add_internet_gateways();
    add_route_tables();
    add_main_associations();
    add_routes();
    associate_subnets();
    add_endpoints();
    add_security_groups();
    add_flow_logs();
  }

 private:
  const LoadedUnit& unit_;
  Network& net_;
  const RefResolver& refs_;
  std::unordered_map<const NativeResource*, Vpc*> vpcs_;
  std::unordered_map<const NativeResource*, Subnet*> subnets_;
  std::unordered_map<const NativeResource*, RouteTable*> tables_;
  std::unordered_map<const NativeResource*, NatGateway*> nats_;
  std::unordered_map<const NativeResource*, VpcEndpoint*> endpoints_;
  std::unordered_map<const Vpc*, RouteTable*> implicit_tables_;
  Vpc* default_vpc_ = nullptr;

  template <class T>
  T* one(const std::unordered_map<const NativeResource*, T*>& index, const Value* v,
         std::vector<const NativeResource*>* candidates = nullptr) const {
    const NativeResource* r =
        refs_.one(v, [&](const NativeResource* x) { return index.count(x) > 0; }, candidates);
    return r ? index.at(r) : nullptr;
  }

  Vpc* vpc_of(const NativeResource& r, std::string_view path) const {
    if (path.empty()) return nullptr;
    return one(vpcs_, at_path(r.body, path));
  }

  // A route table designated by a value: a route table resource, or a VPC's main or
  // implicit table through the VPC's attributes. `candidates` gets what it might be.
  RouteTable* table_of(const Value* v, std::vector<RouteTable*>* candidates = nullptr) const {
    RouteTable* found = nullptr;
    bool many = false;
    for (const RefTarget& t : refs_.targets(v)) {
      RouteTable* table = nullptr;
      if (auto it = tables_.find(t.resource); it != tables_.end()) {
        table = it->second;
      } else if (auto vit = vpcs_.find(t.resource); vit != vpcs_.end()) {
        if (in_list(t.attribute, kVpcImplicitTableAttributes, std::size(kVpcImplicitTableAttributes)))
          table = const_cast<RouteTable*>(vit->second->implicit_route_table);
        else if (in_list(t.attribute, kVpcMainTableAttributes, std::size(kVpcMainTableAttributes)))
          table = const_cast<RouteTable*>(vit->second->main_route_table);
      }
      if (!table) continue;
      if (candidates) candidates->push_back(table);
      if (found && found != table) many = true;
      if (!found) found = table;
    }
    return many ? nullptr : found;
  }

  void add_vpcs() {
    for (const auto& r : unit_.resources) {
      const VpcRow* row = row_for(kVpcs, r.type);
      if (!row) continue;
      Vpc& vpc = net_.vpcs.emplace_back();
      vpc.resource = &r;
      vpcs_[&r] = &vpc;
      if (row->is_default) default_vpc_ = &vpc;
    }
  }

  void add_subnets() {
    for (const auto& r : unit_.resources) {
      const SubnetRow* row = row_for(kSubnets, r.type);
      if (!row) continue;
      Subnet& s = net_.subnets.emplace_back();
      s.resource = &r;
      s.vpc = row->in_default_vpc ? default_vpc_ : vpc_of(r, row->vpc);
      subnets_[&r] = &s;
      if (s.vpc) const_cast<Vpc*>(s.vpc)->subnets.push_back(&s);
    }
  }

  void add_route_tables() {
    for (const auto& r : unit_.resources) {
      const RouteTableRow* row = row_for(kRouteTables, r.type);
      if (!row) continue;
      RouteTable& t = net_.route_tables.emplace_back();
      t.resource = &r;
      t.range = r.declaration;
      tables_[&r] = &t;
      if (!row->vpc.empty()) t.vpc = vpc_of(r, row->vpc);
      if (!row->adopts.empty()) {
        // The VPC's own default table, adopted into the code.
        const NativeResource* v =
            refs_.one(at_path(r.body, row->adopts), [&](const NativeResource* x) { return vpcs_.count(x) > 0; });
        if (v) {
          t.vpc = vpcs_.at(v);
          implicit_tables_[t.vpc] = &t;
        }
      }
      if (r.may_not_exist) t.routes_known = false;
      if (!row->inline_routes.empty()) add_inline_routes(r, *row, t);
    }
    // Every VPC has a main route table from its creation; the code may adopt it.
    for (auto& vpc : net_.vpcs) {
      RouteTable* implicit = nullptr;
      if (auto it = implicit_tables_.find(&vpc); it != implicit_tables_.end()) {
        implicit = it->second;
      } else {
        implicit = &net_.route_tables.emplace_back();
        implicit->vpc = &vpc;
        implicit->range = vpc.resource->declaration;
        implicit_tables_[&vpc] = implicit;
      }
      vpc.implicit_route_table = implicit;
      vpc.main_route_table = implicit;
    }
  }

  void add_inline_routes(const NativeResource& r, const RouteTableRow& row, RouteTable& t) {
    const Value* routes = at_path(r.body, row.inline_routes);
    if (!routes || routes->is_null()) return;
    if (routes->is_unknown()) {
      t.routes_known = false;
      return;
    }
    for (const Value* entry : list_items(routes)) {
      if (!entry->is_map()) {
        t.routes_known = false;
        continue;
      }
      Route route;
      route.resource = &r;
      route.range = entry->where.valid() ? entry->where : r.declaration;
      read_route(*entry, *row.inline_fields, route);
      t.routes.push_back(route);
    }
  }

  void add_main_associations() {
    for (const auto& r : unit_.resources) {
      const MainAssociationRow* row = row_for(kMainAssociations, r.type);
      if (!row) continue;
      std::vector<const NativeResource*> vpc_candidates;
      Vpc* vpc = one(vpcs_, at_path(r.body, row->vpc), &vpc_candidates);
      RouteTable* table = table_of(at_path(r.body, row->table));
      if (vpc && table && !r.may_not_exist) {
        vpc->main_route_table = table;
        continue;
      }
      // The VPC's main table is replaced by something the code does not say.
      for (const NativeResource* c : vpc_candidates) vpcs_.at(c)->main_route_table_known = false;
    }
  }

  void add_nat_gateways() {
    for (const auto& r : unit_.resources) {
      const NatRow* row = row_for(kNats, r.type);
      if (!row) continue;
      NatGateway& nat = net_.nat_gateways.emplace_back();
      nat.resource = &r;
      nat.subnet = one(subnets_, at_path(r.body, row->subnet));
      nat.vpc = nat.subnet ? nat.subnet->vpc : vpc_of(r, row->vpc);
      const Value* connectivity = at_path(r.body, row->connectivity);
      if (connectivity && !connectivity->is_null()) {
        nat.connectivity_known = connectivity->is_string();
        nat.is_public = string_of(connectivity) != kPrivateConnectivity;
      }
      nat.elastic_ip = refs_.one(at_path(r.body, row->allocation), [](const NativeResource* x) {
        for (auto t : kElasticIps)
          if (x->type == t) return true;
        return false;
      });
      nats_[&r] = &nat;
    }
  }

  void add_internet_gateways() {
    std::unordered_map<const NativeResource*, InternetGateway*> igws;
    for (const auto& r : unit_.resources) {
      const GatewayRow* row = row_for(kInternetGateways, r.type);
      if (!row) continue;
      InternetGateway& g = net_.internet_gateways.emplace_back();
      g.resource = &r;
      g.vpc = vpc_of(r, row->vpc);
      igws[&r] = &g;
    }
    for (const auto& r : unit_.resources) {
      const GatewayAttachmentRow* row = row_for(kGatewayAttachments, r.type);
      if (!row) continue;
      if (InternetGateway* g = one(igws, at_path(r.body, row->gateway)))
        if (!g->vpc) g->vpc = vpc_of(r, row->vpc);
    }
  }

  // Reads destination and target of one route (inline block or route resource).
  void read_route(const Value& body, const RouteFields& f, Route& route) const {
    const Value* dest = body.get(f.destination);
    const Value* dest6 = body.get(f.destination_v6);
    const Value* prefix = body.get(f.prefix_list);
    auto written = [](const Value* v) { return v && !v->is_null() && !(v->is_string() && v->text.empty()); };
    if (written(dest)) {
      route.destination_known = dest->is_string();
      route.default_ipv4 = string_of(dest) == "0.0.0.0/0";
    } else {
      // An IPv6 or prefix-list route is never the IPv4 default route.
      route.destination_known = (written(dest6) && dest6->is_known()) || (written(prefix) && prefix->is_known());
    }

    if (const Value* nat = body.get(f.nat); written(nat)) {
      route.target = RouteTarget::NatGateway;
      route.nat = one(nats_, nat);
      return;
    }
    if (const Value* gw = body.get(f.gateway); written(gw)) {
      if (string_of(gw) == "local") {
        route.target = RouteTarget::Local;
        return;
      }
      const NativeResource* target = refs_.one(gw, [](const NativeResource*) { return true; });
      if (!target) {
        route.target = RouteTarget::Unknown;
      } else {
        route.target = row_for(kInternetGateways, target->type) ? RouteTarget::InternetGateway : RouteTarget::OtherNetwork;
      }
      return;
    }
    for (auto field : f.others) {
      if (written(body.get(field))) {
        route.target = RouteTarget::OtherNetwork;
        return;
      }
    }
    route.target = RouteTarget::Unknown;
  }

  void add_routes() {
    for (const auto& r : unit_.resources) {
      const RouteRow* row = row_for(kRoutes, r.type);
      if (!row) continue;
      std::vector<RouteTable*> candidates;
      RouteTable* table = table_of(at_path(r.body, row->table), &candidates);
      if (!table || r.may_not_exist) {
        // A route on one of these tables, or not there at all: their routes are not known.
        // With no candidate at all the route belongs to a table outside the code.
        for (RouteTable* c : candidates) c->routes_known = false;
        continue;
      }
      Route route;
      route.resource = &r;
      route.range = r.declaration;
      read_route(r.body, *row->fields, route);
      table->routes.push_back(route);
    }
  }

  void associate_subnets() {
    std::unordered_map<const Subnet*, int> explicit_count;
    for (const auto& r : unit_.resources) {
      const AssociationRow* row = row_for(kAssociations, r.type);
      if (!row) continue;
      const Value* subnet_value = at_path(r.body, row->subnet);
      if (!subnet_value || subnet_value->is_null()) continue;  // an edge (gateway) association
      std::vector<const NativeResource*> candidates;
      Subnet* subnet = one(subnets_, subnet_value, &candidates);
      RouteTable* table = table_of(at_path(r.body, row->table));
      if (!subnet || !table || r.may_not_exist) {
        for (const NativeResource* c : candidates) {
          subnets_.at(c)->association = &r;
          explicit_count[subnets_.at(c)] += 2;  // unknowable
        }
        continue;
      }
      subnet->association = &r;
      subnet->route_table = table;
      explicit_count[subnet] += 1;
    }
    for (auto& s : net_.subnets) {
      int n = explicit_count[&s];
      if (n == 1) {
        s.route_table_known = true;
      } else if (n == 0 && s.vpc && s.vpc->main_route_table_known) {
        s.route_table = s.vpc->main_route_table;
        s.route_table_known = true;
      } else {
        s.route_table = nullptr;
        s.route_table_known = false;
      }
    }
  }

  std::string endpoint_service(const Value* name) const {
    std::string suffix = endpoint_service_suffix(name);
    if (!suffix.empty() || !name) return suffix;
    // Looked up through a data source by its short name.
    for (const RefTarget& t : refs_.targets(name)) {
      if (const auto* row = row_for(kEndpointServiceLookups, t.resource->type)) {
        std::string_view service = string_of(at_path(t.resource->body, row->service));
        if (!service.empty()) return std::string(service);
      }
    }
    return {};
  }

  void add_endpoints() {
    for (const auto& r : unit_.resources) {
      const EndpointRow* row = row_for(kEndpoints, r.type);
      if (!row) continue;
      VpcEndpoint& e = net_.endpoints.emplace_back();
      e.resource = &r;
      e.may_not_exist = r.may_not_exist;
      std::vector<const NativeResource*> vpc_candidates;
      e.vpc = one(vpcs_, at_path(r.body, row->vpc), &vpc_candidates);
      e.vpc_known = e.vpc != nullptr;
      e.service = endpoint_service(at_path(r.body, row->service));
      e.service_known = !e.service.empty();
      const Value* type = at_path(r.body, row->endpoint_type);
      std::string_view type_text = type && !type->is_null() ? string_of(type) : row->default_type;
      if (type_text == "Gateway") e.type = EndpointType::Gateway;
      else if (type_text == "Interface") e.type = EndpointType::Interface;
      else if (type_text == "GatewayLoadBalancer") e.type = EndpointType::GatewayLoadBalancer;
      bool unknown_tables = false;
      for (const Value* item : list_items(at_path(r.body, row->route_tables), &unknown_tables)) {
        if (RouteTable* t = table_of(item)) e.route_tables.push_back(t);
        else unknown_tables = true;
      }
      e.route_tables_known = !unknown_tables;
      endpoints_[&r] = &e;
      if (e.vpc) {
        const_cast<Vpc*>(e.vpc)->endpoints.push_back(&e);
      } else {
        // It may be in any of the candidate VPCs; with none, it is in a VPC outside the code.
        for (const NativeResource* c : vpc_candidates) vpcs_.at(c)->endpoints_known = false;
      }
    }
    for (const auto& r : unit_.resources) {
      const EndpointAssociationRow* row = row_for(kEndpointAssociations, r.type);
      if (!row) continue;
      std::vector<const NativeResource*> candidates;
      VpcEndpoint* e = one(endpoints_, at_path(r.body, row->endpoint), &candidates);
      RouteTable* t = table_of(at_path(r.body, row->table));
      if (e && t && !r.may_not_exist) {
        e->route_tables.push_back(t);
        continue;
      }
      for (const NativeResource* c : candidates) endpoints_.at(c)->route_tables_known = false;
    }
    // An endpoint that cannot be read may serve anything in its VPC.
    for (auto& e : net_.endpoints) {
      if (!e.vpc) continue;
      bool unreadable = !e.service_known || e.type == EndpointType::Unknown || e.may_not_exist ||
                        (e.type == EndpointType::Gateway && !e.route_tables_known);
      if (unreadable) const_cast<Vpc*>(e.vpc)->endpoints_known = false;
    }
  }

  void add_security_groups() {
    for (const auto& r : unit_.resources) {
      const SecurityGroupRow* row = row_for(kSecurityGroups, r.type);
      if (!row) continue;
      SecurityGroup& g = net_.security_groups.emplace_back();
      g.resource = &r;
      g.vpc = vpc_of(r, row->vpc);
    }
  }

  void add_flow_logs() {
    for (const auto& r : unit_.resources) {
      const FlowLogRow* row = row_for(kFlowLogs, r.type);
      if (!row) continue;
      FlowLog& log = net_.flow_logs.emplace_back();
      log.resource = &r;
      log.may_not_exist = r.may_not_exist;
      const Value* target = nullptr;
      if (!row->resource_id.empty()) {
        target = at_path(r.body, row->resource_id);
        const Value* type = at_path(r.body, row->resource_type);
        log.target = FlowLogTarget::Unknown;
        for (const auto& [name, kind] : kFlowLogResourceTypes)
          if (string_of(type) == name) log.target = kind;
      } else {
        auto written = [&](std::string_view path) {
          const Value* v = path.empty() ? nullptr : at_path(r.body, path);
          return v && !v->is_null() ? v : nullptr;
        };
        if ((target = written(row->vpc))) log.target = FlowLogTarget::Vpc;
        else if ((target = written(row->subnet))) log.target = FlowLogTarget::Subnet;
        else if ((target = written(row->eni))) log.target = FlowLogTarget::NetworkInterface;
        else if ((target = written(row->other))) log.target = FlowLogTarget::Other;
      }
      if (log.target == FlowLogTarget::Vpc) log.vpc = one(vpcs_, target);
      if (log.target == FlowLogTarget::Subnet) log.subnet = one(subnets_, target);
      bool resolved = (log.vpc || log.subnet) && !log.may_not_exist;
      if (log.target == FlowLogTarget::Vpc || log.target == FlowLogTarget::Subnet || log.target == FlowLogTarget::Unknown) {
        if (!resolved) {
          for (const RefTarget& t : refs_.targets(target))
            if (vpcs_.count(t.resource) || subnets_.count(t.resource)) log.possible_targets.push_back(t.resource);
        }
      }
      if (log.vpc && !log.may_not_exist) const_cast<Vpc*>(log.vpc)->flow_logs.push_back(&log);
      for (const NativeResource* p : log.possible_targets) {
        if (auto it = vpcs_.find(p); it != vpcs_.end()) it->second->flow_logs_known = false;
        if (auto it = subnets_.find(p); it != subnets_.end() && it->second->vpc)
          const_cast<Vpc*>(it->second->vpc)->flow_logs_known = false;
      }
    }
  }
};

}  // namespace

void build_network_graph(const LoadedUnit& unit, const RefResolver& refs, Network& net) {
  NetworkBuilder(unit, refs, net).build();
}

}  // namespace eph
