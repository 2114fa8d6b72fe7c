#include "model/network_evidence.h"

namespace eph {
namespace {

void add(std::vector<RelatedLocation>& out, Range range, std::string message) {
  if (!range.valid()) return;
  for (const auto& r : out)
    if (r.range.file == range.file && r.range.begin == range.begin && r.message == message) return;
  out.push_back(RelatedLocation{range, std::move(message)});
}

}  // namespace

std::string describe(const Function& fn) { return std::string(fn.label) + " " + fn.address(); }

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

void append_path_evidence(const FunctionNetwork& fn_net, std::vector<RelatedLocation>& out) {
  const Function& fn = *fn_net.function;
  add(out, fn.resource->declaration, describe(fn));
  for (const auto& path : fn_net.subnets) {
    if (!path.subnet) continue;
    const std::string& subnet = path.subnet->resource->address;
    add(out, path.subnet->resource->declaration, "runs in subnet " + subnet);
    if (!path.route_table) continue;
    std::string table = path.route_table->name();
    Range table_range = path.subnet->association ? path.subnet->association->declaration : path.route_table->range;
    add(out, table_range,
        "subnet " + subnet + " uses " + (path.subnet->association ? "route table " + table : table));
    const Route* route = path.default_route;
    if (!route) {
      add(out, path.route_table->range, table + " has no default route");
      continue;
    }
    switch (route->target) {
      case RouteTarget::NatGateway:
        if (route->nat) {
          add(out, route->range, "the default route of " + table + " leads to NAT gateway " + route->nat->resource->address);
          add(out, route->nat->resource->declaration, "NAT gateway " + route->nat->resource->address);
        }
        break;
      case RouteTarget::InternetGateway:
        add(out, route->range, "the default route of " + table + " leads to an internet gateway, which a function (no public address) cannot use");
        break;
      case RouteTarget::Local:
      case RouteTarget::OtherNetwork:
      case RouteTarget::Unknown:
        add(out, route->range, "the default route of " + table);
        break;
    }
  }
}

}  // namespace eph
