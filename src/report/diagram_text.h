#pragma once
// A diagram as text other tools draw: a Mermaid flowchart (GitHub renders it in Markdown),
// Graphviz DOT, and JSON. Nodes that carry findings are marked (a red border, their
// findings in the tooltip); groups become subgraphs.
#include <nlohmann/json.hpp>
#include <ostream>

#include "report/diagram.h"

namespace eph {

void write_mermaid(std::ostream& out, const Diagram& diagram);
void write_dot(std::ostream& out, const Diagram& diagram);
nlohmann::ordered_json diagram_json(const Diagram& diagram);

// The groups of a diagram in order of their first node, and each group's nodes.
std::vector<std::pair<std::string, std::vector<size_t>>> diagram_groups(const Diagram& diagram);

}  // namespace eph
