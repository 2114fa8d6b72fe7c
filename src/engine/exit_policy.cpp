#include "engine/exit_policy.h"

namespace eph {

ScanVerdict scan_verdict(const AnalysisResult& result, const Config& config) {
  if (!result.errors.empty()) return ScanVerdict::Error;
  if (!config.fail_on) return ScanVerdict::Clean;  // fail-on none / --soft-fail: report only
  for (const auto& f : result.findings) {
    if (f.suppressed) continue;
    if (f.severity >= *config.fail_on) return ScanVerdict::Findings;
    if (f.rule_id == "EPH000" && config.fail_on_parse_errors) return ScanVerdict::Findings;
  }
  return ScanVerdict::Clean;
}

}  // namespace eph
