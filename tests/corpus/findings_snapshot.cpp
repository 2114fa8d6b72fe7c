// Findings snapshot over ../shared/corpus: one line per finding users would see (rule, file,
// line, severity), compared with the committed tests/corpus/findings-snapshot.tsv so that any
// change in what users see shows in the diff of a commit. Skips (exit 77) when the corpus is
// absent. Also prints the share of each rule, the check that no rule drowns the others.
//
// usage: ephemera_findings_snapshot CORPUS_DIR SNAPSHOT_FILE [--update]
//   regenerate: make snapshot
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "core/disk_file_provider.h"
#include "engine/analyzer.h"

namespace fs = std::filesystem;
using namespace eph;

namespace {

constexpr int kSkipped = 77;
constexpr const char* kRegenerate = "make snapshot";
constexpr const char* kHeader = "# rule\tfile\tline\tseverity  (regenerate: make snapshot; see tests/corpus/README.md)";

std::vector<std::string> read_lines(const fs::path& path) {
  std::vector<std::string> out;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line.front() != '#') out.push_back(line);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: ephemera_findings_snapshot CORPUS_DIR SNAPSHOT_FILE [--update]\n";
    return 2;
  }
  fs::path corpus = argv[1];
  fs::path snapshot = fs::absolute(argv[2]);
  bool update = argc > 3 && std::string(argv[3]) == "--update";
  if (!fs::exists(corpus / "MANIFEST.tsv")) {
    std::cout << "corpus not found at " << corpus << ": skipped\n";
    return kSkipped;
  }
  fs::current_path(corpus);

  AnalysisOptions options;
  std::vector<std::string> roots;
  for (const char* dir : {"cloudformation", "sam", "serverless", "terraform"})
    if (fs::is_directory(dir)) roots.push_back(dir);
  DiscoveredFiles found = discover_files(roots);
  DiskFileProvider provider({"."}, options.config.max_file_bytes);
  AnalysisResult result = analyze(plan_units(found, provider, options.config.max_file_bytes), provider, options);

  std::vector<std::string> actual;
  std::map<std::string, size_t> per_rule;
  for (const auto& f : result.findings) {
    if (f.suppressed) continue;
    Location loc = to_location(f.range);
    actual.push_back(f.rule_id + "\t" + fs::path(loc.file).lexically_normal().string() + "\t" +
                     std::to_string(loc.line) + "\t" + std::string(to_string(f.severity)));
    ++per_rule[f.rule_id];
  }
  std::sort(actual.begin(), actual.end());

  std::cout << actual.size() << " findings over the corpus:\n";
  for (const auto& [rule, n] : per_rule)
    std::cout << "  " << rule << "  " << n << "  (" << (100.0 * n / std::max<size_t>(1, actual.size())) << "%)\n";

  if (update) {
    std::ofstream out(snapshot);
    out << kHeader << "\n";
    for (const auto& line : actual) out << line << "\n";
    std::cout << "wrote " << snapshot << "\n";
    return out ? 0 : 1;
  }

  std::vector<std::string> expected = read_lines(snapshot);
  std::sort(expected.begin(), expected.end());
  std::vector<std::string> gone, added;
  std::set_difference(expected.begin(), expected.end(), actual.begin(), actual.end(), std::back_inserter(gone));
  std::set_difference(actual.begin(), actual.end(), expected.begin(), expected.end(), std::back_inserter(added));
  if (gone.empty() && added.empty()) {
    std::cout << "snapshot matches " << snapshot << "\n";
    return 0;
  }
  std::cout << "FAIL: the findings over the corpus changed (" << gone.size() << " gone, " << added.size()
            << " new). If the change is intended, regenerate the snapshot with `" << kRegenerate
            << "` and commit tests/corpus/findings-snapshot.tsv with it, so the diff shows what users now see.\n";
  size_t shown = 0;
  for (const auto& line : gone)
    if (shown++ < 40) std::cout << "  - " << line << "\n";
  for (const auto& line : added)
    if (shown++ < 80) std::cout << "  + " << line << "\n";
  if (shown > 80) std::cout << "  ... (" << shown - 80 << " more)\n";
  return 1;
}
