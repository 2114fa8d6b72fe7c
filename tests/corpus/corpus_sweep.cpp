// Corpus sweep: every file of ../shared/corpus loads with no crash, no hang and no
// parse error unless MANIFEST.tsv says it is broken (then it must be reported with a
// line). Skips cleanly when the corpus is absent.
//
// usage: ephemera_corpus_sweep CORPUS_DIR [SECONDS_PER_UNIT]
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "core/disk_file_provider.h"
#include "engine/analyzer.h"

namespace fs = std::filesystem;
using namespace eph;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: ephemera_corpus_sweep CORPUS_DIR [SECONDS_PER_UNIT]\n";
    return 2;
  }
  fs::path corpus = argv[1];
  double limit_seconds = argc > 2 ? std::stod(argv[2]) : 10.0;
  if (!fs::exists(corpus / "MANIFEST.tsv")) {
    std::cout << "corpus not found at " << corpus << ": skipped\n";
    return 77;  // ctest: skipped (SKIP_RETURN_CODE)
  }
  fs::current_path(corpus);

  std::map<std::string, std::string> expect;  // path -> ok | empty | duplicate-keys | yaml-error | json-error
  {
    std::ifstream in("MANIFEST.tsv");
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
      std::istringstream row(line);
      std::string path, format, bytes, status;
      std::getline(row, path, '\t');
      std::getline(row, format, '\t');
      std::getline(row, bytes, '\t');
      std::getline(row, status, '\t');
      expect[fs::path(path).lexically_normal().string()] = status;
    }
  }

  AnalysisOptions options;
  options.threads = 1;
  DiscoveredFiles found = discover_files({"terraform", "cloudformation", "sam"});
  DiskFileProvider provider({"."}, options.config.max_file_bytes);
  std::vector<UnitPlan> units = plan_units(found, provider, options.config.max_file_bytes);

  std::map<std::string, std::vector<std::string>> parse_errors;  // file -> messages with line
  int failures = 0;
  double slowest = 0;
  std::string slowest_unit;
  for (const auto& plan : units) {
    auto start = std::chrono::steady_clock::now();
    LoadedUnit unit = load_unit(plan, provider, options);
    std::vector<Finding> findings;
    std::vector<InputError> errors;
    check_unit(unit, options.config, findings, errors);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (seconds > slowest) {
      slowest = seconds;
      slowest_unit = plan.root;
    }
    if (seconds > limit_seconds) {
      std::cout << "FAIL too slow: " << plan.root << " took " << seconds << " s\n";
      ++failures;
    }
    for (const auto& e : errors) {
      std::cout << "FAIL error: " << e.path << ": " << e.message << "\n";
      ++failures;
    }
    for (const auto& d : unit.diagnostics) {
      if (d.kind != Diagnostic::Kind::ParseError || !d.range.file) continue;
      Location loc = to_location(d.range);
      parse_errors[fs::path(loc.file).lexically_normal().string()].push_back(std::to_string(loc.line) + ":" +
                                                                            std::to_string(loc.column) + " " + d.message);
    }
  }

  int checked = 0;
  for (const auto& [path, status] : expect) {
    bool broken_fixture = path.find("cfn-lint/test/fixtures/templates/bad/") != std::string::npos;
    auto it = parse_errors.find(path);
    bool reported = it != parse_errors.end();
    ++checked;
    if ((status == "ok" || status == "empty") && reported && !broken_fixture) {
      std::cout << "FAIL parse error in a valid file: " << path << ": " << it->second.front() << "\n";
      ++failures;
    } else if ((status == "yaml-error" || status == "json-error") && !reported) {
      std::cout << "FAIL broken file not reported: " << path << "\n";
      ++failures;
    }
  }
  std::cout << "corpus: " << units.size() << " units, " << checked << " files checked, slowest unit " << slowest_unit
            << " (" << slowest << " s)\n";
  std::cout << (checked - failures) << " passed, " << failures << " failed\n";
  return failures ? 1 : 0;
}
