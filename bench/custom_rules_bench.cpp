// ephemera_custom_rules_bench: what custom rules add to a full scan. Scans PATH... on one
// thread with the built-in rules only and with the custom rules under --rules-dir too,
// interleaved, each the best of N runs of CPU time (the stable measure on a shared machine),
// with parsed modules forgotten before each run so that both scans do all the work.
//
// usage: ephemera_custom_rules_bench --rules-dir DIR [--rules-dir DIR]... [--repeat N] PATH...
// Exit 1 when the custom rules cost 10% or more; 77 (skip) when a PATH does not exist.
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>

#include "core/disk_file_provider.h"
#include "custom/custom_rules.h"
#include "engine/analyzer.h"
#include "terraform/module_config_cache.h"

using namespace eph;

namespace {

double cpu_now() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> paths, dirs;
  int repeat = 5;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--rules-dir" && i + 1 < argc) dirs.push_back(argv[++i]);
    else if (a == "--repeat" && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
    else paths.push_back(a);
  }
  if (paths.empty() || dirs.empty()) {
    std::cerr << "usage: ephemera_custom_rules_bench --rules-dir DIR... [--repeat N] PATH...\n";
    return 2;
  }
  for (const auto& p : paths)
    if (!std::filesystem::exists(p)) {
      std::cout << "SKIP: " << p << " does not exist\n";
      return 77;
    }
  CustomRuleSet set;
  std::vector<ConfigError> errors;
  bool loaded = load_custom_rules(dirs, set, errors);
  for (const auto& e : errors) std::cerr << e.to_string() << "\n";
  if (!loaded) return 2;
  install_custom_rules(set);

  AnalysisOptions with, without;
  with.threads = without.threads = 1;
  for (const auto& info : set.infos) without.config.rules[info->id].enabled = false;
  size_t findings_with = 0, findings_without = 0, custom_findings = 0;
  auto scan = [&](const AnalysisOptions& options, size_t& findings) {
    terraform::ModuleConfigCache::shared().clear();
    DiskFileProvider disk(paths, options.config.max_file_bytes);
    disk.keep_texts_for_one_more_read(DiskFileProvider::kScanTextBudgetBytes);
    DiscoveredFiles found = discover_files(paths);
    double start = cpu_now();
    AnalysisResult result = analyze(plan_units(found, disk, options.config.max_file_bytes), disk, options);
    double cpu = cpu_now() - start;
    findings = result.findings.size();
    if (&options == &with) {
      custom_findings = 0;
      for (const auto& f : result.findings)
        for (const auto& info : set.infos) custom_findings += f.rule_id == info->id;
    }
    return cpu;
  };
  scan(with, findings_with);  // untimed: grows the heap for both
  double best_with = 1e30, best_without = 1e30;
  for (int i = 0; i < repeat; ++i) {
    best_without = std::min(best_without, scan(without, findings_without));
    best_with = std::min(best_with, scan(with, findings_with));
  }
  double overhead = (best_with - best_without) / best_without;
  std::printf("%-40s %zu\n", "custom rules", set.infos.size());
  std::printf("%-40s %10.3f\n", "full scan, built-in rules (CPU s)", best_without);
  std::printf("%-40s %10.3f\n", "full scan, with custom rules (CPU s)", best_with);
  std::printf("%-40s %9.1f%%  (target < 10%%: %s)\n", "cost of the custom rules", overhead * 100,
              overhead < 0.10 ? "met" : "EXCEEDED");
  std::printf("%-40s %zu (%zu of them custom)\n", "findings with custom rules", findings_with, custom_findings);
  return overhead < 0.10 ? 0 : 1;
}
