#pragma once
// A small directed graph to draw: an evidence chain (report/evidence_chain.h) or the
// traffic view of a unit (report/traffic_graph.h). Writers: Mermaid, Graphviz DOT, JSON
// (report/diagram_text.h) and SVG with ephemera's own layered layout (report/diagram_svg.h).
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/severity.h"

namespace eph {

struct DiagramNode {
  std::string title;                  // "aws_lambda_function.api", "runs in subnet aws_subnet.a"
  std::string kind;                   // "aws_subnet", "AWS::Serverless::Function", "internet"; may be empty
  std::string where;                  // "main.tf:12"; may be empty
  std::optional<Severity> severity;   // the most severe finding on the node, when one is
  std::vector<std::string> findings;  // "EPH501 high: message", one per finding on the node
  std::string group;                  // nodes of one group are drawn together (a unit of `ephemera graph`)
};

struct DiagramEdge {
  size_t from = 0, to = 0;  // node indexes
  std::string label;        // "runs in", "routes through", "invokes", "grants"...
};

struct Diagram {
  std::vector<DiagramNode> nodes;
  std::vector<DiagramEdge> edges;
};

}  // namespace eph
