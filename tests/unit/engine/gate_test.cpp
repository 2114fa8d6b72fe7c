// The CI gate's decisions: the exit verdict and the changed-files filter.
#include <doctest/doctest.h>

#include "engine/exit_policy.h"
#include "engine/finding_filter.h"

using namespace eph;

namespace {

Finding make(std::string rule, Severity s, const SourceFilePtr& file, bool suppressed = false) {
  Finding f;
  f.rule_id = std::move(rule);
  f.severity = s;
  f.range = Range{file.get(), 0, 1};
  f.suppressed = suppressed;
  return f;
}

}  // namespace

TEST_CASE("verdict: fail-on, suppressions, parse errors and input errors") {
  auto file = std::make_shared<SourceFile>("main.tf", "x");
  Config config;
  AnalysisResult r;
  CHECK(scan_verdict(r, config) == ScanVerdict::Clean);

  r.findings = {make("EPH401", Severity::Medium, file)};
  CHECK(scan_verdict(r, config) == ScanVerdict::Findings);
  config.fail_on = Severity::High;
  CHECK(scan_verdict(r, config) == ScanVerdict::Clean);

  r.findings = {make("EPH301", Severity::Critical, file, /*suppressed=*/true)};
  CHECK(scan_verdict(r, config) == ScanVerdict::Clean);

  // A parse error fails whatever fail-on says, unless configured otherwise.
  config.fail_on = Severity::Critical;
  r.findings = {make("EPH000", Severity::High, file)};
  CHECK(scan_verdict(r, config) == ScanVerdict::Findings);
  config.fail_on_parse_errors = false;
  CHECK(scan_verdict(r, config) == ScanVerdict::Clean);

  // fail-on none (--soft-fail): findings never fail, parse errors included...
  config.fail_on_parse_errors = true;
  config.fail_on = std::nullopt;
  r.findings = {make("EPH000", Severity::High, file), make("EPH301", Severity::Critical, file)};
  CHECK(scan_verdict(r, config) == ScanVerdict::Clean);

  // ... but an incomplete scan is still an error.
  r.errors.push_back({"gone.tf", "cannot read"});
  CHECK(scan_verdict(r, config) == ScanVerdict::Error);
}

TEST_CASE("only files: a finding stays when it or its evidence is in a changed file") {
  auto a = std::make_shared<SourceFile>("./mod/a.tf", "x");
  auto b = std::make_shared<SourceFile>("mod/b.tf", "y");
  auto c = std::make_shared<SourceFile>("mod/c.tf", "z");
  AnalysisResult r;
  r.findings = {make("EPH401", Severity::Medium, a), make("EPH401", Severity::Medium, b, true),
                make("EPH501", Severity::Low, c)};
  r.findings[2].related.push_back({Range{a.get(), 0, 1}, "its client"});
  r.suppressed = 1;
  keep_findings_touching(r, {"mod/a.tf"});
  REQUIRE(r.findings.size() == 2);
  CHECK(r.findings[0].range.file == a.get());
  CHECK(r.findings[1].rule_id == "EPH501");  // caused by the changed file through its evidence
  CHECK(r.suppressed == 0);
}
