#pragma once
// `ephemera graph`: the traffic view of a unit as a diagram. Per function: the inbound
// paths that reach it (routes, URLs, queues, rules...), its network path (subnets, route
// tables, NAT gateways, VPC endpoints, the internet) and what it calls (AWS services, data
// stores, destinations, hosts outside AWS). Findings are marked on the node of the resource
// they name, else on the nearest resource declared above them in the same file.
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/finding.h"
#include "engine/config.h"
#include "model/model.h"
#include "report/diagram.h"
#include "report/secret_mask.h"

namespace eph {

// Appends the unit's nodes (group `group`) and edges to `diagram`.
void add_traffic_graph(Diagram& diagram, const std::string& group, const Model& model,
                       const std::vector<Finding>& findings, const SecretMask& mask);

// Every unit's traffic view, its findings (by the rules `config` enables) marked, secrets
// in their messages masked.
Diagram traffic_diagram(const std::vector<LoadedUnit>& units, const Config& config);

enum class GraphFormat { Dot, Mermaid, Svg, Json };
std::optional<GraphFormat> parse_graph_format(std::string_view name);
void write_graph(std::ostream& out, const Diagram& diagram, GraphFormat format);

}  // namespace eph
