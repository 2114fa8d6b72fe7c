#include "report/diagram_text.h"

#include <algorithm>

namespace eph {
namespace {

// Mermaid labels are quoted; characters Mermaid or Markdown would read are written as
// Mermaid's entity codes (`#quot;`), so a label can never end the diagram or its fence.
std::string mermaid_text(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '"': out += "#quot;"; break;
      case '#': out += "#35;"; break;
      case '<': out += "#lt;"; break;
      case '>': out += "#gt;"; break;
      case '&': out += "#amp;"; break;
      case '`': out += "#96;"; break;
      case '|': out += "#124;"; break;
      case '\n':
      case '\r': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

std::string dot_text(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n' || c == '\r') {
      out += ' ';
      continue;
    }
    out += c;
  }
  return out;
}

std::string second_line(const DiagramNode& n) {
  if (n.kind.empty()) return n.where;
  if (n.where.empty()) return n.kind;
  return n.kind + " \u00b7 " + n.where;
}

std::string severity_colour(Severity s) {
  switch (s) {
    case Severity::Critical: return "#a3208f";
    case Severity::High: return "#c62828";
    case Severity::Medium: return "#b26a00";
    case Severity::Low: return "#00838f";
    case Severity::Info: return "#1565c0";
  }
  return "#c62828";
}

std::string id(size_t i) { return "n" + std::to_string(i); }

}  // namespace

std::vector<std::pair<std::string, std::vector<size_t>>> diagram_groups(const Diagram& diagram) {
  std::vector<std::pair<std::string, std::vector<size_t>>> groups;
  for (size_t i = 0; i < diagram.nodes.size(); ++i) {
    const std::string& g = diagram.nodes[i].group;
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& e) { return e.first == g; });
    if (it == groups.end()) {
      groups.push_back({g, {}});
      it = groups.end() - 1;
    }
    it->second.push_back(i);
  }
  return groups;
}

void write_mermaid(std::ostream& out, const Diagram& diagram) {
  out << "flowchart LR\n";
  auto groups = diagram_groups(diagram);
  for (size_t g = 0; g < groups.size(); ++g) {
    const bool named = !groups[g].first.empty();
    if (named) out << "  subgraph g" << g << "[\"" << mermaid_text(groups[g].first) << "\"]\n";
    for (size_t i : groups[g].second) {
      const DiagramNode& n = diagram.nodes[i];
      out << (named ? "    " : "  ") << id(i) << "[\"" << mermaid_text(n.title);
      std::string more = second_line(n);
      if (!more.empty()) out << "<br/><small>" << mermaid_text(more) << "</small>";
      // The rule and severity only: the finding's message is written next to the drawing.
      for (const std::string& f : n.findings) out << "<br/>\u26a0 " << mermaid_text(f.substr(0, f.find(':')));
      out << "\"]\n";
    }
    if (named) out << "  end\n";
  }
  for (const DiagramEdge& e : diagram.edges) {
    out << "  " << id(e.from) << " -->";
    if (!e.label.empty()) out << "|\"" << mermaid_text(e.label) << "\"|";
    out << " " << id(e.to) << "\n";
  }
  for (size_t i = 0; i < diagram.nodes.size(); ++i)
    if (diagram.nodes[i].severity)
      out << "  style " << id(i) << " stroke:" << severity_colour(*diagram.nodes[i].severity) << ",stroke-width:3px\n";
}

void write_dot(std::ostream& out, const Diagram& diagram) {
  out << "digraph ephemera {\n"
         "  rankdir=LR;\n"
         "  node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=11];\n"
         "  edge [fontname=\"Helvetica\", fontsize=10];\n";
  auto groups = diagram_groups(diagram);
  for (size_t g = 0; g < groups.size(); ++g) {
    const bool named = !groups[g].first.empty();
    if (named) out << "  subgraph cluster_" << g << " {\n    label=\"" << dot_text(groups[g].first) << "\";\n";
    for (size_t i : groups[g].second) {
      const DiagramNode& n = diagram.nodes[i];
      out << (named ? "    " : "  ") << id(i) << " [label=\"" << dot_text(n.title);
      std::string more = second_line(n);
      if (!more.empty()) out << "\\n" << dot_text(more);
      out << "\"";
      if (n.severity) {
        std::string tooltip;
        for (const std::string& f : n.findings) tooltip += (tooltip.empty() ? "" : "\n") + f;
        out << ", color=\"" << severity_colour(*n.severity) << "\", penwidth=2.5, tooltip=\"" << dot_text(tooltip) << "\"";
      }
      out << "];\n";
    }
    if (named) out << "  }\n";
  }
  for (const DiagramEdge& e : diagram.edges) {
    out << "  " << id(e.from) << " -> " << id(e.to);
    if (!e.label.empty()) out << " [label=\"" << dot_text(e.label) << "\"]";
    out << ";\n";
  }
  out << "}\n";
}

nlohmann::ordered_json diagram_json(const Diagram& diagram) {
  nlohmann::ordered_json nodes = nlohmann::ordered_json::array(), edges = nlohmann::ordered_json::array();
  for (size_t i = 0; i < diagram.nodes.size(); ++i) {
    const DiagramNode& n = diagram.nodes[i];
    nlohmann::ordered_json j;
    j["id"] = id(i);
    j["title"] = n.title;
    j["kind"] = n.kind;
    j["at"] = n.where;
    if (!n.group.empty()) j["group"] = n.group;
    if (n.severity) j["severity"] = std::string(to_string(*n.severity));
    j["findings"] = n.findings;
    nodes.push_back(std::move(j));
  }
  for (const DiagramEdge& e : diagram.edges) edges.push_back({{"from", id(e.from)}, {"to", id(e.to)}, {"label", e.label}});
  return {{"nodes", std::move(nodes)}, {"edges", std::move(edges)}};
}

}  // namespace eph
