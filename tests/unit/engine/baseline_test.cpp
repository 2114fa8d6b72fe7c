// Baselines: fingerprints survive moving code up and down; a baseline round-trips; a
// malformed baseline is an error, not an empty baseline.
#include <doctest/doctest.h>

#include <sstream>

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
  write_baseline(text, result, "test");

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
