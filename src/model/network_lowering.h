#pragma once
// The parts of lower_network(): the graph of network resources, each VPC-attached
// function's path through it, and each function's service use.
#include "model/model.h"

namespace eph {

class RefResolver;

void build_network_graph(const LoadedUnit& unit, const RefResolver& refs, Network& net);
void attach_functions_to_network(const RefResolver& refs, Model& model);
// Networks whose NATs, private API access and flow logs are per subnet (Google Cloud), after
// the route-table graph; then the functions that send traffic into them through a connector
// or a direct interface, with their egress setting.
void build_subnet_network(const LoadedUnit& unit, const RefResolver& refs, Network& net);
void attach_functions_to_subnets(const RefResolver& refs, Model& model);
// Azure virtual networks: VNets, subnets (resources and inline blocks) with their service
// endpoints, private endpoints, NAT gateway associations and flow logs (on the VNet, the
// subnet, or the network security group associated with it); then each Function App's VNet
// integration with its route-all setting and the resources it calls.
void build_virtual_networks(const LoadedUnit& unit, const RefResolver& refs, Network& net);
void attach_functions_to_vnets(const RefResolver& refs, Model& model);
// The Azure subnet a value designates: a subnet resource, or the only inline subnet of a VNet.
const Subnet* azure_subnet_of(const RefResolver& refs, const Network& net, const Value* v);
// Each AWS function's service use (service_use.h).
void lower_service_use(const RefResolver& refs, Model& model);

}  // namespace eph
