#include "report/traffic_graph.h"

#include <filesystem>
#include <map>

#include "engine/analyzer.h"
#include "report/diagram_svg.h"
#include "report/diagram_text.h"
#include "report/evidence_chain.h"

namespace eph {
namespace {

class Builder {
 public:
  Builder(Diagram& d, std::string group) : d_(d), group_(std::move(group)) {}

  // The node for `key`, made once per unit: a resource shared by two functions is one node.
  size_t node(const std::string& key, std::string title, std::string kind, const Range& at, std::string address = {}) {
    auto [it, added] = by_key_.emplace(key, d_.nodes.size());
    if (added) {
      d_.nodes.push_back(DiagramNode{std::move(title), std::move(kind), file_line(at, root_), {}, {}, group_});
      places_.push_back(Place{std::move(address), at});
    }
    return it->second;
  }
  size_t resource(const NativeResource* r, std::string kind = {}) {
    return node(r->address, r->address, kind.empty() ? r->type : std::move(kind), r->declaration, r->address);
  }
  void edge(size_t from, size_t to, std::string label) {
    for (const DiagramEdge& e : d_.edges)
      if (e.from == from && e.to == to && e.label == label) return;
    d_.edges.push_back(DiagramEdge{from, to, std::move(label)});
  }

  // The node a finding concerns: the resource it names, else the resource declared
  // nearest above it in its file (the block it lies in), when that one is drawn.
  std::optional<size_t> node_of(const Finding& f, const LoadedUnit& unit) const {
    std::string address = f.resource;
    if (!has(address) && f.range.valid()) {
      const NativeResource* enclosing = nullptr;
      for (const NativeResource& r : unit.resources) {
        const Range& at = r.declaration;
        if (!at.valid() || at.file->path() != f.range.file->path() || at.begin > f.range.begin) continue;
        if (!enclosing || at.begin > enclosing->declaration.begin) enclosing = &r;
      }
      if (enclosing) address = enclosing->address;
    }
    for (size_t i = 0; i < places_.size(); ++i)
      if (!address.empty() && places_[i].address == address) return first_ + i;
    return std::nullopt;
  }

 private:
  struct Place {
    std::string address;
    Range at;
  };
  Diagram& d_;
  std::string group_;
  const SourceRoot root_{""};  // positions relative to the working directory, as `scan` shows them
  size_t first_ = d_.nodes.size();
  std::map<std::string, size_t> by_key_;
  std::vector<Place> places_;

  bool has(const std::string& address) const {
    for (const Place& p : places_)
      if (!address.empty() && p.address == address) return true;
    return false;
  }
};

std::string inbound_label(const Inbound& in) {
  std::string label = "invokes";
  if (!in.why.empty()) label += " (" + in.why + ")";
  return label;
}

void add_network(Builder& b, size_t fn_node, const FunctionNetwork& net) {
  for (const FunctionSubnetPath& path : net.subnets) {
    if (!path.subnet) continue;
    size_t subnet = b.resource(path.subnet->resource);
    b.edge(fn_node, subnet, "runs in");
    if (!path.route_table) continue;
    size_t table = path.route_table->resource
                       ? b.resource(path.route_table->resource)
                       : b.node("table:" + path.route_table->name(), path.route_table->name(), "route table",
                                path.route_table->range);
    b.edge(subnet, table, "routes through");
    const Route* route = path.default_route;
    if (!route) continue;
    if (route->target == RouteTarget::NatGateway && route->nat) {
      size_t nat = b.resource(route->nat->resource);
      b.edge(table, nat, "routes through");
      if (route->nat->is_public) b.edge(nat, b.node("internet", "the internet", "", {}), "egress");
    } else if (route->target == RouteTarget::InternetGateway) {
      b.edge(table, b.node("igw:" + path.route_table->name(), "internet gateway (no public address: no egress)",
                           "route", route->range),
             "routes to");
    } else if (route->target == RouteTarget::OtherNetwork) {
      b.edge(table, b.node("other:" + path.route_table->name(), "another network", "route", route->range), "routes to");
    }
  }
  for (const VpcEndpoint* endpoint : net.endpoints)
    b.edge(fn_node, b.resource(endpoint->resource, "VPC endpoint " + endpoint->service), "routes through");
}

void add_uses(Builder& b, size_t fn_node, const std::vector<ServiceUse>& uses, const char* kind, const char* label,
              bool mark_grants) {
  for (const ServiceUse& use : uses) {
    Range at = use.evidence.empty() ? Range{} : use.evidence.front().range;
    size_t service = b.node(std::string(kind) + ":" + use.service, use.service, kind, at);
    b.edge(fn_node, service, mark_grants && use.from_grant_only ? "may call (granted)" : label);
  }
}

}  // namespace

void add_traffic_graph(Diagram& diagram, const std::string& group, const Model& model,
                       const std::vector<Finding>& findings, const SecretMask& mask) {
  Builder b(diagram, group);
  for (const Function& fn : model.functions) {
    size_t fn_node = b.resource(fn.resource);
    for (const Inbound& in : fn.inbound) {
      std::string key = "in:" + (in.resource ? in.resource->address : std::string()) + ":" + describe(in);
      size_t source = b.node(key, describe(in), std::string(to_string(in.kind)), in.range,
                             in.resource ? in.resource->address : std::string());
      b.edge(source, fn_node, inbound_label(in));
    }
    if (const FunctionNetwork* net = model.network_of(fn)) add_network(b, fn_node, *net);
    const FunctionServices* out = model.services_of(fn);
    if (!out) continue;
    if (out->egress == EgressVerdict::NoVpc) b.edge(fn_node, b.node("internet", "the internet", "", {}), "egress (Lambda's network)");
    add_uses(b, fn_node, out->services, "AWS service", "calls", true);
    add_uses(b, fn_node, out->data_stores, "data store", "uses", false);
    add_uses(b, fn_node, out->destinations, "destination", "delivers results to", false);
    for (const ExternalHostUse& host : out->external_hosts)
      b.edge(fn_node, b.node("host:" + host.host, host.host, host.outside_aws ? "host outside AWS" : "AWS host", host.where),
             "calls (" + host.via + ")");
  }
  for (const Finding& f : findings) {
    std::optional<size_t> at = b.node_of(f, *model.unit);
    if (!at) continue;
    DiagramNode& n = diagram.nodes[*at];
    if (!n.severity || *n.severity < f.severity) n.severity = f.severity;
    n.findings.push_back(f.rule_id + " " + std::string(to_string(f.severity)) + ": " + mask.text(f.message));
  }
}

Diagram traffic_diagram(const std::vector<LoadedUnit>& units, const Config& config) {
  std::vector<std::vector<Finding>> findings(units.size());
  std::vector<SecretValue> secrets;
  std::vector<InputError> errors;  // a rule that failed: `scan` reports it; the graph is drawn without it
  for (size_t i = 0; i < units.size(); ++i) check_unit(units[i], config, findings[i], errors, &secrets);
  const SecretMask mask(secrets, false);
  Diagram diagram;
  for (size_t i = 0; i < units.size(); ++i) {
    Model model = build_model(units[i]);
    add_traffic_graph(diagram, std::filesystem::path(units[i].name).lexically_normal().generic_string(), model,
                      findings[i], mask);
  }
  return diagram;
}

std::optional<GraphFormat> parse_graph_format(std::string_view name) {
  if (name == "dot") return GraphFormat::Dot;
  if (name == "mermaid") return GraphFormat::Mermaid;
  if (name == "svg") return GraphFormat::Svg;
  if (name == "json") return GraphFormat::Json;
  return std::nullopt;
}

void write_graph(std::ostream& out, const Diagram& diagram, GraphFormat format) {
  switch (format) {
    case GraphFormat::Dot: write_dot(out, diagram); return;
    case GraphFormat::Mermaid: write_mermaid(out, diagram); return;
    case GraphFormat::Svg: write_svg(out, diagram, SvgOptions{"traffic", true, "traffic view"}); return;
    case GraphFormat::Json: out << diagram_json(diagram).dump(2) << "\n"; return;
  }
}

}  // namespace eph
