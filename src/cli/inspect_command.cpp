// `ephemera inspect PATH`: what the front-ends made of the files, as JSON.
#include <iostream>

#include "cli/commands.h"
#include "core/disk_file_provider.h"
#include "engine/analyzer.h"
#include "report/inspect_json.h"

namespace eph::cli {

int run_inspect(const std::vector<std::string>& args) {
  if (wants_help(args) || args.empty()) {
    (args.empty() ? std::cerr : std::cout)
        << "usage: ephemera inspect PATH...\n\nPrints the evaluated resources of each unit under PATH (addresses, "
           "values, where each value was written, graph references) as JSON, and the traffic view of each function: how "
           "requests reach it (with their authorization, throttling and caps), what it calls (AWS services, hosts "
           "outside AWS) and its one egress verdict, each with its source position.\n";
    return args.empty() ? kExitUsage : kExitClean;
  }
  AnalysisOptions options;
  DiscoveredFiles found = discover_files(args);
  DiskFileProvider provider(scan_roots(args), options.config.max_file_bytes);
  std::vector<LoadedUnit> units;
  for (const auto& plan : plan_units(found, provider, options.config.max_file_bytes)) {
    units.push_back(load_unit(plan, provider, options));
  }
  write_inspect_json(std::cout, units);
  for (const auto& e : found.errors) std::cerr << e.path << ": " << e.message << "\n";
  return found.errors.empty() ? kExitClean : kExitUsage;
}

}  // namespace eph::cli
