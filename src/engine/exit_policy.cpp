#include "engine/exit_policy.h"

namespace eph {

ScanVerdict scan_verdict(const AnalysisResult& result, const Config& config) {
  if (!result.errors.empty()) return ScanVerdict::Error;
  if (!config.fail_on) return ScanVerdict::Clean;  // fail-on none / --soft-fail: report only
  bool fails = any_finding(result, [&](const Finding& f) {
    return !f.suppressed &&
           (f.severity >= *config.fail_on || (f.rule_id == "EPH000" && config.fail_on_parse_errors));
  });
  return fails ? ScanVerdict::Findings : ScanVerdict::Clean;
}

}  // namespace eph
