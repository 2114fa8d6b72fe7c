#include "report/evidence_chain.h"

#include <array>
#include <filesystem>
#include <utility>

#include "report/resource_kind.h"

namespace eph {
namespace {

// Phrases the rules' evidence messages use, first match wins (network_evidence.cpp and
// the rules under rules/). A message that names none links as "leads to". "Lambda
// function X" alone is the function whose path follows (a NAT gateway serves it).
constexpr std::array<std::pair<std::string_view, std::string_view>, 18> kRelations = {{
    {"runs in", "runs in"},
    {"route table", "routes through"},
    {"default route", "routes through"},
    {"NAT gateway", "routes through"},
    {"internet gateway", "routes through"},
    {"endpoint", "routes through"},
    {"invokes", "invokes"},
    {"Lambda function ", "serves"},
    {"the function", "invokes"},
    {"function ", "invokes"},
    {"route ", "routes to"},
    {"statement", "grants"},
    {"grant", "grants"},
    {"permission", "grants"},
    {"policy", "grants"},
    {"role", "grants"},
    {"comes from", "comes from"},
    {"used by", "used by"},
}};

}  // namespace

std::string relation_of(std::string_view message) {
  for (const auto& [phrase, relation] : kRelations)
    if (message.find(phrase) != std::string_view::npos) return std::string(relation);
  return "leads to";
}

// A network path goes on from the link before ("runs in subnet", "uses route table", "the
// default route leads to"); any other link hangs off the finding itself.
bool continues_path(std::string_view relation) { return relation == "runs in" || relation == "routes through"; }

std::string file_line(const Range& range, const SourceRoot& root) {
  if (!range.valid()) return {};
  Location l = to_location(range);
  std::string file = root.relative(l.file).value_or(std::filesystem::path(l.file).lexically_normal().generic_string());
  return file + ":" + std::to_string(l.line);
}

std::optional<Diagram> evidence_chain(const Finding& finding, const SecretMask& mask, const SourceRoot& root) {
  if (finding.related.empty()) return std::nullopt;
  Diagram d;
  // One node per resource block (a finding on a function's `vpc_config` and a link to the
  // function's header are one function), else per line.
  std::vector<std::string> block_of;  // by node: "file:block line", or "file:line"
  auto node_at = [&](const Range& range, std::string title) {
    std::string where = file_line(range, root);
    ResourceBlock block = resource_block_at(range);
    std::string key = where.empty() || !block.line ? where
                                                   : where.substr(0, where.rfind(':')) + ":block " + std::to_string(block.line);
    for (size_t i = 0; i < d.nodes.size(); ++i)
      if (!key.empty() && block_of[i] == key) return i;
    d.nodes.push_back(DiagramNode{std::move(title), std::move(block.kind), std::move(where), {}, {}, {}});
    block_of.push_back(std::move(key));
    return d.nodes.size() - 1;
  };
  const size_t anchor = node_at(finding.range, finding.resource.empty() ? finding.rule_id : finding.resource);
  d.nodes[anchor].severity = finding.severity;
  d.nodes[anchor].findings.push_back(finding.rule_id + " " + std::string(to_string(finding.severity)) + ": " +
                                     mask.text(finding.message));
  size_t previous = anchor, path_start = anchor;
  std::optional<size_t> function;  // the last function the finding names ("serves" it): its role's grants are its own
  bool in_path = false;
  for (const RelatedLocation& r : finding.related) {
    size_t next = node_at(r.range, mask.text(r.message));
    std::string relation = relation_of(r.message);
    // Each subnet of a path hangs off where the path starts (the function); the rest of
    // the path goes on from the link before.
    if (relation == "runs in" && !in_path) path_start = previous;
    in_path = continues_path(relation);
    size_t from = relation == "runs in"                ? path_start
                  : in_path                            ? previous
                  : relation == "grants" && function ? *function
                                                       : anchor;
    if (relation == "serves") function = next;
    previous = next;
    if (next == from) continue;
    bool known = false;
    for (const DiagramEdge& e : d.edges) known = known || (e.from == from && e.to == next);
    // "function X runs in this VPC": the link runs in the place before it, not the other way.
    bool reversed = r.message.find(" in this ") != std::string::npos;
    if (!known) d.edges.push_back(reversed ? DiagramEdge{next, from, std::move(relation)} : DiagramEdge{from, next, std::move(relation)});
  }
  return d;
}

}  // namespace eph
