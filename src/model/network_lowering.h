#pragma once
// The parts of lower_network(): the graph of network resources, each VPC-attached
// function's path through it, and each function's service use.
#include "model/model.h"

namespace eph {

class RefResolver;

void build_network_graph(const LoadedUnit& unit, const RefResolver& refs, Network& net);
void attach_functions_to_network(const RefResolver& refs, Model& model);
// Each AWS function's service use (service_use.h).
void lower_service_use(const RefResolver& refs, Model& model);

}  // namespace eph
