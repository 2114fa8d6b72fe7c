#include "engine/fixture_check.h"

#include <fstream>
#include <sstream>

#include "core/disk_file_provider.h"
#include "engine/fixture_expectations.h"
#include "formats/registry.h"

namespace fs = std::filesystem;

namespace eph::fixtures {
namespace {

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<Expectation> expectations_for(const fs::path& fixture, std::vector<std::string>& errors) {
  std::vector<fs::path> files;
  if (fs::is_directory(fixture)) {
    for (auto& e : fs::recursive_directory_iterator(fixture))
      if (e.is_regular_file() && is_fixture_file(e.path())) files.push_back(e.path());
  } else {
    files.push_back(fixture);
  }
  std::vector<Expectation> out;
  for (const auto& f : files) {
    std::string path = f.string();
    fs::path sidecar = f.string() + ".expect";
    if (fs::exists(sidecar)) {
      std::string error;
      auto e = parse_sidecar_expectations(path, read_file(sidecar), error);
      if (!error.empty()) errors.push_back(error);
      out.insert(out.end(), e.begin(), e.end());
    } else {
      auto e = parse_inline_expectations(path, read_file(f));
      out.insert(out.end(), e.begin(), e.end());
    }
  }
  return out;
}

struct Found {
  std::string file;
  unsigned line;
  std::string rule;
  std::string message;
  std::string severity;
};

std::string normal(const std::string& p) { return fs::path(p).lexically_normal().string(); }

}  // namespace

bool is_fixture_file(const fs::path& p) {
  std::string name = p.filename().string();
  auto ends = [&](std::string_view s) { return name.size() >= s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0; };
  if (name == "README.md" || ends(".cpp") || ends(".h") || ends(".expect") || ends(".md") || ends(".rule.yaml")) return false;
  return candidate_source_name(name);  // every format's file names (formats/registry)
}

FixtureOutcome check_fixture(const fs::path& fixture, const AnalysisOptions& options) {
  std::vector<std::string> errors;
  std::vector<Expectation> expected = expectations_for(fixture, errors);

  std::vector<std::string> paths = {fixture.string()};
  DiscoveredFiles found = discover_files(paths);
  std::vector<std::string> roots = {fs::is_directory(fixture) ? fixture.string() : fixture.parent_path().string()};
  DiskFileProvider provider(roots, options.config.max_file_bytes);
  AnalysisResult result = analyze(plan_units(found, provider, options.config.max_file_bytes), provider, options);
  for (const auto& e : result.errors) errors.push_back(e.path + ": " + e.message);

  std::vector<Found> actual;
  for (const auto& f : result.findings) {
    if (f.suppressed) continue;
    Location loc = to_location(f.range);
    actual.push_back(Found{normal(loc.file), loc.line, f.rule_id, f.message, std::string(to_string(f.severity))});
  }

  FixtureOutcome outcome;
  std::vector<bool> used(actual.size(), false);
  std::ostringstream report;
  for (const auto& e : expected) {
    bool matched = false;
    for (size_t i = 0; i < actual.size() && !matched; ++i) {
      if (used[i] || actual[i].file != normal(e.file) || actual[i].line != e.line || actual[i].rule != e.rule) continue;
      if (!e.fragment.empty() && actual[i].message.find(e.fragment) == std::string::npos) continue;
      if (!e.severity.empty() && actual[i].severity != e.severity) continue;
      used[i] = matched = true;
    }
    if (!matched) {
      ++outcome.mismatches;
      report << "  missing:    " << e.file << ":" << e.line << " " << e.rule
             << (e.severity.empty() ? "" : " [" + e.severity + "]") << (e.fragment.empty() ? "" : " \"" + e.fragment + "\"")
             << "\n";
    }
  }
  for (size_t i = 0; i < actual.size(); ++i) {
    if (used[i]) continue;
    ++outcome.mismatches;
    report << "  unexpected: " << actual[i].file << ":" << actual[i].line << " " << actual[i].rule << " ["
           << actual[i].severity << "] " << actual[i].message << "\n";
  }
  for (const auto& e : errors) {
    ++outcome.mismatches;
    report << "  error:      " << e << "\n";
  }
  outcome.report = std::string(outcome.mismatches ? "FAIL " : "ok   ") + fixture.string() + " (" +
                   std::to_string(expected.size()) + " expected, " + std::to_string(actual.size()) + " found)\n" +
                   report.str();
  return outcome;
}

}  // namespace eph::fixtures
