#pragma once
// The network graph of a unit: VPCs, subnets, route tables and routes, NAT and internet
// gateways, VPC endpoints, security groups and flow logs, and for every VPC-attached
// function the path its traffic takes (subnets -> route tables -> default route -> NAT)
// and the endpoints that serve it. Built by lower_network() from tables of native types.
//
// A pointer that is null means "not in the code or not resolvable": the graph never
// guesses. Each `*_known` flag says whether a question can be answered at all; rules stay
// silent when it is false.
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "core/resource.h"

namespace eph {

enum class Cloud { Aws, Gcp, Azure, Cloudflare };
// "aws", "gcp", "azure", "cloudflare".
std::string_view to_string(Cloud c);

// An account a platform runs functions as when they name none: Google Cloud's Compute Engine
// default service account (Cloud Run, Cloud Functions 2nd gen) and App Engine default
// service account (Cloud Functions 1st gen).
enum class DefaultIdentity { None, GcpCompute, GcpAppEngine };

struct Function;
struct Vpc;
struct RouteTable;
struct NatGateway;

struct Subnet {
  const NativeResource* resource = nullptr;
  Cloud cloud = Cloud::Aws;
  const Vpc* vpc = nullptr;                 // null: the VPC is not in the code
  const Value* region = nullptr;            // Google Cloud: subnets are regional (NATs and connectors too)
  // A private path from the subnet to the cloud's own APIs that needs no NAT: Google Cloud's
  // Private Google Access (`private_ip_google_access`). Null: not written (off).
  const Value* private_api_access = nullptr;
  // Azure service endpoints on the subnet ("Microsoft.Storage"), each as written (azurerm 4
  // `service_endpoints`, azurerm 5 `service_endpoint` blocks); false when they cannot be read.
  std::vector<const Value*> service_endpoints;
  bool service_endpoints_known = true;
  Range range;                              // an inline `subnet` block of its network (Azure); else invalid
  const RouteTable* route_table = nullptr;  // explicit association, else the VPC's main table
  // AWS: whether `route_table` is known. Azure: false when a route table or a NAT gateway
  // association of the subnet cannot be read (its internet path is not known).
  bool route_table_known = false;
  const NativeResource* association = nullptr;  // the explicit association, if any
  // Resources other than functions and network plumbing that refer to the subnet: compute
  // that may need egress (instances, containers, clusters), or code handing the subnet on.
  std::vector<const NativeResource*> other_users;
};

enum class RouteTarget { Local, InternetGateway, NatGateway, OtherNetwork, Unknown };

struct Route {
  const NativeResource* resource = nullptr;  // the route resource, or the table holding an inline route
  Range range;                               // the route (resource header or inline block)
  bool destination_known = false;
  bool default_ipv4 = false;                 // destination 0.0.0.0/0
  RouteTarget target = RouteTarget::Unknown;
  const NatGateway* nat = nullptr;           // when target == NatGateway and resolvable
};

struct RouteTable {
  const NativeResource* resource = nullptr;  // null for a VPC's implicit main route table
  const Vpc* vpc = nullptr;
  Range range;                               // declaration (the VPC's for the implicit table)
  std::vector<Route> routes;
  bool routes_known = true;                  // false: a route's table or the inline routes are unknown
  std::string name() const;                  // address, or "main route table of <vpc>"
};

struct NatGateway {
  const NativeResource* resource = nullptr;
  Cloud cloud = Cloud::Aws;
  const Subnet* subnet = nullptr;            // where it lives (a public subnet)
  const Vpc* vpc = nullptr;
  bool connectivity_known = true;
  bool is_public = true;                     // connectivity_type "private" NATs do not reach the internet
  const NativeResource* elastic_ip = nullptr;
  // An output or export publishes its public address (for partners' allow-lists): the
  // static egress IP is the reason it exists.
  const NativeResource* published_address = nullptr;  // the output (core/published_output.h)

  // Clouds where a NAT serves subnets it names rather than the routes that lead to it (Google
  // Cloud NAT on a router, Azure NAT gateway associations): the subnets whose traffic it
  // translates. `serves_every_subnet`: every subnet of `vpc` in `region` (Cloud NAT
  // ALL_SUBNETWORKS_*). `clients_known` is false when the list cannot be read.
  std::vector<const Subnet*> client_subnets;
  bool serves_every_subnet = false;
  bool clients_known = true;
  const Value* region = nullptr;
  // How its public addresses are chosen, as written (Cloud NAT `nat_ip_allocate_option`), and
  // whether they are only the reserved addresses in `addresses` (MANUAL_ONLY; AWS always):
  // fixed addresses a third party can allow-list, and the only honest reason for such a NAT.
  const Value* address_allocation = nullptr;
  bool only_manual_addresses = false;
  std::vector<const NativeResource*> addresses;
};

// Something a serverless function sends its traffic through to reach a network without
// running in it: a Serverless VPC Access connector (its own /28 range, or a named subnet).
struct NetworkConnector {
  const NativeResource* resource = nullptr;
  const Vpc* vpc = nullptr;                  // null: the network is not in the code
  const Subnet* subnet = nullptr;            // a named subnet; null with an `ip_cidr_range` of its own
  const Value* region = nullptr;
};

struct InternetGateway {
  const NativeResource* resource = nullptr;
  const Vpc* vpc = nullptr;
};

enum class EndpointType { Gateway, Interface, GatewayLoadBalancer, Unknown };

struct VpcEndpoint {
  const NativeResource* resource = nullptr;
  Cloud cloud = Cloud::Aws;
  // An Azure private endpoint: the resource it connects to (a storage account, key vault, SQL
  // server) and the subnet it sits in; null when not resolvable. `service` holds its subresources.
  const NativeResource* target = nullptr;
  const Subnet* subnet = nullptr;
  const Vpc* vpc = nullptr;
  bool vpc_known = false;                    // false: it may belong to any VPC of the code
  std::string service;                       // "s3", "ecr.dkr", "execute-api": the part after the region
  bool service_known = false;
  EndpointType type = EndpointType::Unknown;
  std::vector<const RouteTable*> route_tables;  // gateway endpoints: associated route tables
  bool route_tables_known = true;
  bool may_not_exist = false;
};

struct SecurityGroup {
  const NativeResource* resource = nullptr;
  const Vpc* vpc = nullptr;
};

enum class FlowLogTarget { Vpc, Subnet, NetworkInterface, Other, Unknown };

struct FlowLog {
  const NativeResource* resource = nullptr;
  FlowLogTarget target = FlowLogTarget::Unknown;
  const Vpc* vpc = nullptr;                  // when target == Vpc and resolvable
  const Subnet* subnet = nullptr;            // when target == Subnet and resolvable
  // When the target cannot be resolved: the VPCs/subnets of the code it might designate.
  std::vector<const NativeResource*> possible_targets;
  bool may_not_exist = false;
};

struct Vpc {
  const NativeResource* resource = nullptr;
  Cloud cloud = Cloud::Aws;
  const RouteTable* implicit_route_table = nullptr;  // the table AWS creates with the VPC
  const RouteTable* main_route_table = nullptr;      // implicit, or replaced by an association
  bool main_route_table_known = true;
  std::vector<const Subnet*> subnets;
  std::vector<const VpcEndpoint*> endpoints;
  bool endpoints_known = true;               // false: an endpoint of unknown VPC or service may be here
  std::vector<const FlowLog*> flow_logs;     // flow logs on the VPC itself
  bool flow_logs_known = true;               // false: a flow log with an unresolvable target may be on it
};

// How a function's default (0.0.0.0/0) traffic leaves its subnets.
enum class Egress {
  None,     // no default route, or one to an internet gateway (Lambda ENIs have no public IP)
  Nat,      // through one or more public NAT gateways
  Other,    // a transit gateway, peering, VPN, instance or appliance: may or may not reach the internet
  Unknown,  // part of the path cannot be resolved
};

struct FunctionSubnetPath {
  const Value* written = nullptr;            // the subnet value as written in the function's configuration
  const Subnet* subnet = nullptr;
  const RouteTable* route_table = nullptr;
  const Route* default_route = nullptr;      // null when the table has none
};

// A resource a network-attached function calls that a private path could serve (Azure: a
// storage account, key vault or SQL server named by its app settings or connection strings,
// or the scope of its identity's role grants), and where the code shows the use.
struct ResourceUse {
  const NativeResource* resource = nullptr;
  std::string service;                       // the service endpoint that serves it: "Microsoft.Storage"
  std::string_view label;                    // "storage account", "key vault", "SQL server"
  Range evidence;
  std::string via;                           // "app setting AzureWebJobsStorage", "role assignment azurerm_role_assignment.r"
};

struct FunctionNetwork {
  const Function* function = nullptr;
  // What the function sends into the network. Lambda: everything. Google Cloud: private
  // ranges only, unless the egress setting (Cloud Run `vpc_access.egress`, the v1 annotation
  // `run.googleapis.com/vpc-access-egress`, Functions `vpc_connector_egress_settings`, 2nd gen
  // `direct_vpc_egress`) says ALL_TRAFFIC. Azure VNet integration: RFC 1918 and service-endpoint
  // traffic only, unless `vnet_route_all_enabled` (or the app setting WEBSITE_VNET_ROUTE_ALL)
  // is on. `egress_setting` is that value as written (null:
  // the default); `all_traffic_known` is false when it is unknown.
  const Value* egress_setting = nullptr;
  bool all_traffic = true;
  bool all_traffic_known = true;
  Range attachment;                          // where the function is attached (the connector or interface)
  const NetworkConnector* connector = nullptr;  // through a Serverless VPC Access connector
  // True when every subnet resolves to a subnet of one VPC in the code, every route table
  // and its routes are known, and the VPC's endpoints are known.
  bool known = false;
  const Vpc* vpc = nullptr;
  std::vector<FunctionSubnetPath> subnets;
  Egress egress = Egress::Unknown;
  std::vector<const NatGateway*> nats;       // NATs its default routes lead to (Google Cloud: the NATs whose
                                             // client_subnets hold its subnets)
  std::vector<const VpcEndpoint*> endpoints; // the endpoints that serve it (endpoint_serves; Azure: private endpoints in its VNet)
  std::vector<ResourceUse> resource_uses;    // Azure: what it calls that service or private endpoints could carry
};

struct Network {
  std::deque<Vpc> vpcs;
  std::deque<Subnet> subnets;
  std::deque<RouteTable> route_tables;
  std::deque<NatGateway> nat_gateways;
  std::deque<InternetGateway> internet_gateways;
  std::deque<VpcEndpoint> endpoints;
  std::deque<SecurityGroup> security_groups;
  std::deque<FlowLog> flow_logs;
  std::deque<NetworkConnector> connectors;
  std::deque<FunctionNetwork> functions;     // one per function attached to a network (VPC configuration,
                                             // connector, direct VPC egress)

  const FunctionNetwork* of(const Function& fn) const;
  const Subnet* subnet(const NativeResource* r) const;
  const Vpc* vpc(const NativeResource* r) const;
};

// Whether `endpoint` carries `fn_net`'s traffic to its service: an interface endpoint in
// the function's VPC, or a gateway endpoint associated with the route tables of all the
// function's subnets (an S3 or DynamoDB gateway endpoint works only through routes).
bool endpoint_serves(const VpcEndpoint& endpoint, const FunctionNetwork& fn_net);

}  // namespace eph
