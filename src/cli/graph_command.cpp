// `ephemera graph PATH`: the traffic view of each unit as a picture (DOT, Mermaid, SVG or JSON).
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "core/disk_file_provider.h"
#include "core/path_confinement.h"
#include "core/spelling.h"
#include "engine/analyzer.h"
#include "report/traffic_graph.h"

namespace eph::cli {

namespace {

const char* kGraphHelp =
    "usage: ephemera graph PATH... [--format dot|mermaid|svg|json] [--output FILE]\n"
    "\n"
    "Draws the traffic view of each unit under PATH: the inbound paths that reach each function\n"
    "(API routes, URLs, queues, streams, rules...), the function, its network path (subnets, route\n"
    "tables, NAT gateways, VPC endpoints, the internet) and what it calls (AWS services, data stores,\n"
    "destinations, hosts outside AWS). Nodes that findings concern are outlined in the colour of\n"
    "their most severe finding, the findings in their tooltip.\n"
    "\n"
    "options:\n"
    "  --format FMT   dot (default; Graphviz), mermaid, svg (drawn by ephemera itself) or json\n"
    "  --output FILE  write to FILE (default: stdout)\n";

}  // namespace

int run_graph(const std::vector<std::string>& args) {
  if (wants_help(args) || args.empty()) {
    (args.empty() ? std::cerr : std::cout) << kGraphHelp;
    return args.empty() ? kExitUsage : kExitClean;
  }
  std::vector<std::string> paths;
  GraphFormat format = GraphFormat::Dot;
  std::string output;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if ((a == "--format" || a == "--output") && i + 1 >= args.size()) {
      std::cerr << "ephemera graph: option " << a << " needs a value\n";
      return kExitUsage;
    }
    if (a == "--format") {
      auto f = parse_graph_format(args[++i]);
      if (!f) {
        std::cerr << "ephemera graph: unknown format '" << args[i] << "'"
                  << did_you_mean(args[i], {"dot", "mermaid", "svg", "json"}) << " (dot, mermaid, svg, json)\n";
        return kExitUsage;
      }
      format = *f;
    } else if (a == "--output") {
      output = args[++i];
    } else if (a.starts_with("-")) {
      std::cerr << "ephemera graph: unknown option '" << a << "'" << did_you_mean(a, {"--format", "--output", "--help"})
                << " (see `ephemera graph --help`)\n";
      return kExitUsage;
    } else {
      paths.push_back(a);
    }
  }
  if (paths.empty()) {
    std::cerr << "ephemera graph: no PATH given (see `ephemera graph --help`)\n";
    return kExitUsage;
  }
  AnalysisOptions options;
  DiscoveredFiles found = discover_files(paths);
  DiskFileProvider provider(scan_roots(paths), options.config.max_file_bytes);
  std::vector<LoadedUnit> units;
  for (const auto& plan : plan_units(found, provider, options.config.max_file_bytes))
    units.push_back(load_unit(plan, provider, options));
  std::ostringstream text;
  write_graph(text, traffic_diagram(units, options.config), format);
  for (const auto& e : found.errors) std::cerr << e.path << ": " << e.message << "\n";
  if (output.empty()) {
    std::cout << text.str();
  } else if (PathConfinement(scan_roots(paths)).check(output) == PathConfinement::Verdict::LeadsOutside ||
             !(std::ofstream(output, std::ios::binary | std::ios::trunc) << text.str())) {
    // Like `scan --output`: never through a link inside the scanned paths that leads out of them.
    std::cerr << "ephemera graph: cannot write " << output << "\n";
    return kExitUsage;
  }
  return found.errors.empty() ? kExitClean : kExitUsage;
}

}  // namespace eph::cli
