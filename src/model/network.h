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

struct Function;
struct Vpc;
struct RouteTable;
struct NatGateway;

struct Subnet {
  const NativeResource* resource = nullptr;
  const Vpc* vpc = nullptr;                 // null: the VPC is not in the code
  const RouteTable* route_table = nullptr;  // explicit association, else the VPC's main table
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
  const Subnet* subnet = nullptr;            // where it lives (a public subnet)
  const Vpc* vpc = nullptr;
  bool connectivity_known = true;
  bool is_public = true;                     // connectivity_type "private" NATs do not reach the internet
  const NativeResource* elastic_ip = nullptr;
  // An output or export publishes its public address (for partners' allow-lists): the
  // static egress IP is the reason it exists.
  const NativeResource* published_address = nullptr;  // the output (core/published_output.h)
};

struct InternetGateway {
  const NativeResource* resource = nullptr;
  const Vpc* vpc = nullptr;
};

enum class EndpointType { Gateway, Interface, GatewayLoadBalancer, Unknown };

struct VpcEndpoint {
  const NativeResource* resource = nullptr;
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

struct FunctionNetwork {
  const Function* function = nullptr;
  // True when every subnet resolves to a subnet of one VPC in the code, every route table
  // and its routes are known, and the VPC's endpoints are known.
  bool known = false;
  const Vpc* vpc = nullptr;
  std::vector<FunctionSubnetPath> subnets;
  Egress egress = Egress::Unknown;
  std::vector<const NatGateway*> nats;       // NATs its default routes lead to
  std::vector<const VpcEndpoint*> endpoints; // the endpoints that serve it (endpoint_serves)
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
  std::deque<FunctionNetwork> functions;     // one per AWS function with a VPC configuration

  const FunctionNetwork* of(const Function& fn) const;
  const Subnet* subnet(const NativeResource* r) const;
  const Vpc* vpc(const NativeResource* r) const;
};

// Whether `endpoint` carries `fn_net`'s traffic to its service: an interface endpoint in
// the function's VPC, or a gateway endpoint associated with the route tables of all the
// function's subnets (an S3 or DynamoDB gateway endpoint works only through routes).
bool endpoint_serves(const VpcEndpoint& endpoint, const FunctionNetwork& fn_net);

}  // namespace eph
