// A scan keeps what its report needs of a unit, not the unit: each unit's source files are
// released when it is analysed, and the result holds excerpts of the lines findings point at.
// Memory that grew with the tree again (whole files kept for the report) fails here.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/memory_file_provider.h"
#include "engine/analyzer.h"
#include "engine/discovery.h"
#include "terraform/module_config_cache.h"

using namespace eph;

namespace {

// Records how much source text is alive each time the analysis reads a unit's file.
class WatchedFiles final : public FileProvider {
 public:
  explicit WatchedFiles(const MemoryFileProvider& files) : files_(files) {}
  std::optional<std::string> read(const std::string& path) const override {
    if (watching) peak_live = std::max(peak_live, SourceFile::live_text_bytes());
    return files_.read(path);
  }
  std::vector<std::string> list(const std::string& dir, bool files_only) const override { return files_.list(dir, files_only); }
  bool is_directory(const std::string& path) const override { return files_.is_directory(path); }

  bool watching = false;
  mutable size_t peak_live = 0;

 private:
  const MemoryFileProvider& files_;
};

std::string unit_text(int i, size_t padding_lines) {
  std::string text;
  for (size_t l = 0; l < padding_lines; ++l) text += "# padding that no finding points at, line " + std::to_string(l) + "\n";
  text += "resource \"aws_lambda_function\" \"f" + std::to_string(i) + "\" {\n"
          "  function_name = \"f" + std::to_string(i) + "\"\n"
          "  role          = \"arn:aws:iam::123456789012:role/f\"\n"
          "  handler       = \"index.handler\"\n"
          "  runtime       = \"nodejs20.x\"\n"
          "  filename      = \"f.zip\"\n"
          "  reserved_concurrent_executions = 5\n"
          "  environment {\n"
          "    variables = {\n"
          "      DB_PASSWORD = \"hunter2-prod-7f3a\"\n"
          "    }\n"
          "  }\n"
          "}\n";
  return text;
}

}  // namespace

TEST_CASE("a scan releases each unit's files as it finishes and keeps excerpts for the report") {
  constexpr int kUnits = 24;
  constexpr size_t kPadding = 2000;  // ~100 KB of text a unit, none of it in a report
  MemoryFileProvider memory;
  DiscoveredFiles found;
  found.directories_scanned = {"/tree"};
  size_t unit_bytes = 0;
  for (int i = 0; i < kUnits; ++i) {
    std::string path = "/tree/u" + std::string(i < 10 ? "0" : "") + std::to_string(i) + "/main.tf";
    std::string text = unit_text(i, kPadding);
    unit_bytes = std::max(unit_bytes, text.size());
    memory.add(path, std::move(text));
    found.files.push_back(path);
  }
  WatchedFiles files(memory);
  std::vector<UnitPlan> units = plan_units(found, files, AnalysisOptions{}.config.max_file_bytes);
  REQUIRE(units.size() == kUnits);

  // Without a module cache holding the parsed roots: what stays alive is the analysis's own.
  auto& cache = terraform::ModuleConfigCache::shared();
  cache.clear();
  cache.set_budget(0);
  AnalysisOptions options;
  options.threads = 1;
  options.excerpt_files = true;
  size_t before = SourceFile::live_text_bytes();
  files.watching = true;
  AnalysisResult result = analyze(units, files, options);
  files.watching = false;
  cache.clear();  // it may keep the last module it was given, whatever its budget
  size_t after = SourceFile::live_text_bytes();
  cache.set_budget(terraform::ModuleConfigCache::kDefaultBudgetBytes);

  size_t found_secrets = std::count_if(result.findings.begin(), result.findings.end(),
                                       [](const Finding& f) { return f.rule_id == "EPH301"; });
  CHECK(found_secrets == kUnits);
  // While unit k loads, units before it hold only excerpts: a bound that does not grow with k.
  CHECK(files.peak_live - before < 3 * unit_bytes);
  // Once done, the result holds a few lines of each file, not the files.
  CHECK(after - before < unit_bytes);
  for (const auto& f : result.findings) {
    REQUIRE(f.range.file);
    CHECK(f.range.file->is_excerpt());
    CHECK(f.range.file->text().size() < 2000);
  }
  // And the report reads the same positions and text from the excerpts.
  const Finding& first = result.findings.front();
  Location loc = to_location(first.range);
  CHECK(loc.line == kPadding + 10);
  CHECK(first.range.text().find("hunter2") != std::string_view::npos);
  CHECK(first.range.file->line_text(loc.line).find("DB_PASSWORD") != std::string_view::npos);
}
