// Baselines: fingerprints survive moving code up and down; a baseline round-trips; a
// malformed baseline is an error, not an empty baseline.
#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>
#include <unistd.h>

#include "engine/baseline.h"

using namespace eph;

namespace {

Finding finding_at(const SourceFilePtr& file, std::string_view needle, std::string rule = "EPH301") {
  size_t pos = file->text().find(needle);
  REQUIRE(pos != std::string::npos);
  Finding f;
  f.rule_id = std::move(rule);
  f.range = Range{file.get(), static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + needle.size())};
  f.resource = "aws_lambda_function.api";
  f.message = "m";
  return f;
}

}  // namespace

TEST_CASE("fingerprints ignore line and column, and tell identical text apart by order") {
  auto before = std::make_shared<SourceFile>("./main.tf", "a = \"secret\"\nb = \"secret\"\n");
  auto after = std::make_shared<SourceFile>("main.tf", "# new\n\n  a   =   \"secret\"\nx = 1\nb = \"secret\"\n");
  std::vector<Finding> old_findings = {finding_at(before, "a = \"secret\""), finding_at(before, "b = \"secret\"")};
  std::vector<Finding> new_findings = {finding_at(after, "a   =   \"secret\""), finding_at(after, "b = \"secret\"")};
  assign_fingerprints(old_findings);
  assign_fingerprints(new_findings);
  CHECK(old_findings[0].fingerprint == new_findings[0].fingerprint);  // moved down, re-indented
  CHECK(old_findings[1].fingerprint == new_findings[1].fingerprint);
  CHECK(old_findings[0].fingerprint != old_findings[1].fingerprint);

  std::vector<Finding> other_rule = {finding_at(before, "a = \"secret\"", "EPH302")};
  assign_fingerprints(other_rule);
  CHECK(other_rule[0].fingerprint != old_findings[0].fingerprint);
}

TEST_CASE("a baseline round-trips and suppresses only what it recorded") {
  auto file = std::make_shared<SourceFile>("main.tf", "a = \"secret\"\nb = \"other\"\n");
  AnalysisResult result;
  result.files = {file};
  result.findings = {finding_at(file, "a = \"secret\""), finding_at(file, "b = \"other\"")};
  result.findings[1].suppressed = true;  // suppressed in the source: not recorded
  result.findings[1].suppression = "ephemera:ignore EPH301";
  result.suppressed = 1;
  assign_fingerprints(result.findings);
  std::ostringstream text;
  write_baseline(text, result, "test", "b.json");

  Baseline baseline;
  std::string error;
  REQUIRE(read_baseline("b.json", text.str(), baseline, error));
  CHECK(baseline.fingerprints.size() == 1);

  AnalysisResult next;
  next.files = {file};
  next.findings = {finding_at(file, "a = \"secret\""), finding_at(file, "b = \"other\"")};
  assign_fingerprints(next.findings);
  CHECK(apply_baseline(baseline, next) == 1);
  CHECK(next.findings[0].suppressed);
  CHECK_FALSE(next.findings[0].suppressed_in_source);
  CHECK(next.findings[0].suppression == "baseline b.json");
  CHECK_FALSE(next.findings[1].suppressed);
  CHECK(next.suppressed == 1);
}

TEST_CASE("a malformed baseline is an error") {
  Baseline b;
  std::string error;
  CHECK_FALSE(read_baseline("b.json", "{not json", b, error));
  CHECK(error == "b.json: not a JSON document");
  CHECK_FALSE(read_baseline("b.json", "{\"findings\": []}", b, error));
  CHECK(error.find("not an ephemera baseline") != std::string::npos);
  CHECK_FALSE(read_baseline("b.json", "{\"kind\": \"baseline\", \"findings\": [{\"rule\": \"EPH301\"}]}", b, error));
  CHECK(error == "b.json: a finding without a fingerprint");
}

namespace {

// The finding a scan run from the working directory reports in `file` (named as the scan names it).
AnalysisResult scanned(const std::string& file, std::vector<SourceFilePtr>& keep) {
  auto source = std::make_shared<SourceFile>(file, "a = \"secret\"\n");
  keep.push_back(source);
  AnalysisResult r;
  r.files = {source};
  r.findings = {finding_at(source, "a = \"secret\"")};
  assign_fingerprints(r.findings);
  return r;
}

// Runs the scan's side of a test from `dir`, and comes back.
struct WorkingDirectory {
  std::filesystem::path before = std::filesystem::current_path();
  explicit WorkingDirectory(const std::filesystem::path& dir) { std::filesystem::current_path(dir); }
  ~WorkingDirectory() { std::filesystem::current_path(before); }
};

}  // namespace

TEST_CASE("a baseline holds from any working directory: its paths are relative to its own directory") {
  namespace fs = std::filesystem;
  fs::path top = fs::temp_directory_path() / ("ephemera-baseline-test-" + std::to_string(::getpid()));
  fs::create_directories(top / "repo" / "infra");
  std::vector<SourceFilePtr> keep;

  // Written from the repository root...
  std::string text;
  {
    WorkingDirectory at(top / "repo");
    std::ostringstream out;
    write_baseline(out, scanned("infra/main.tf", keep), "test", "baseline.json");
    text = out.str();
  }
  CHECK(text.find("\"paths\": \"relative-to-baseline\"") != std::string::npos);
  CHECK(text.find("\"file\": \"infra/main.tf\"") != std::string::npos);

  // ... matched from a sub-directory and from above, the file and the baseline named from there.
  struct From {
    fs::path dir;
    std::string file, baseline;
  };
  for (const From& from : {From{top / "repo" / "infra", "main.tf", "../baseline.json"},
                           From{top / "repo" / "infra", "./main.tf", "../baseline.json"},
                           From{top, "repo/infra/main.tf", "repo/baseline.json"},
                           From{top / "repo", "infra/main.tf", "baseline.json"}}) {
    CAPTURE(from.dir.string());
    WorkingDirectory at(from.dir);
    Baseline baseline;
    std::string error;
    REQUIRE(read_baseline(from.baseline, text, baseline, error));
    CHECK(baseline.paths_relative_to_baseline);
    AnalysisResult r = scanned(from.file, keep);
    CHECK(apply_baseline(baseline, r) == 1);
    CHECK(r.findings[0].suppressed);
  }
  fs::remove_all(top);
}

TEST_CASE("an old baseline (paths as seen from where it was written) still matches") {
  // Written by an older ephemera from the directory the baseline is in: fingerprints of
  // the paths as given, and no "paths" marker.
  auto file = std::make_shared<SourceFile>("main.tf", "a = \"secret\"\n");
  std::vector<Finding> findings = {finding_at(file, "a = \"secret\"")};
  assign_fingerprints(findings);
  std::string old = "{\"kind\": \"baseline\", \"findings\": [{\"fingerprint\": \"" + findings[0].fingerprint + "\"}]}";
  Baseline baseline;
  std::string error;
  REQUIRE(read_baseline("baseline.json", old, baseline, error));
  CHECK_FALSE(baseline.paths_relative_to_baseline);
  AnalysisResult r;
  r.files = {file};
  r.findings = findings;
  CHECK(apply_baseline(baseline, r) == 1);

  // Written from elsewhere: matched as before, by the path as the scan gives it.
  Baseline elsewhere;
  REQUIRE(read_baseline("../elsewhere/baseline.json", old, elsewhere, error));
  AnalysisResult r2;
  r2.files = {file};
  r2.findings = findings;
  CHECK(apply_baseline(elsewhere, r2) == 1);
}

TEST_CASE("a baseline that matches nothing says so") {
  auto file = std::make_shared<SourceFile>("main.tf", "a = \"secret\"\n");
  Baseline baseline;
  std::string error;
  REQUIRE(read_baseline("b.json", "{\"kind\": \"baseline\", \"paths\": \"relative-to-baseline\", \"findings\": "
                        "[{\"fingerprint\": \"0000000000000000\"}]}", baseline, error));
  AnalysisResult r;
  r.files = {file};
  r.findings = {finding_at(file, "a = \"secret\"")};
  assign_fingerprints(r.findings);
  CHECK(apply_baseline(baseline, r) == 0);
  auto warning = unmatched_baseline_warning(baseline, 0);
  REQUIRE(warning);
  CHECK(warning->find("baseline b.json matched none of its 1 finding") == 0);
  CHECK_FALSE(unmatched_baseline_warning(baseline, 1));

  // An empty baseline matches nothing by design: no warning.
  Baseline empty;
  REQUIRE(read_baseline("b.json", "{\"kind\": \"baseline\", \"findings\": []}", empty, error));
  AnalysisResult r2;
  CHECK(apply_baseline(empty, r2) == 0);
  CHECK_FALSE(unmatched_baseline_warning(empty, 0));
}
