// GitLab Code Quality report (artifacts:reports:codequality): a JSON array of issues with
// description, check_name, fingerprint, severity and location {path, lines {begin, end}},
// paths relative to the repository (--source-root, default the working directory). GitLab
// has no notion of a suppressed issue, so suppressed findings are left out.
#include <nlohmann/json.hpp>

#include "report/reporter.h"
#include "report/secret_mask.h"
#include "report/source_root.h"

namespace eph {
namespace {

using json = nlohmann::ordered_json;

// GitLab's scale: info, minor, major, critical, blocker.
const char* gitlab_severity(Severity s) {
  switch (s) {
    case Severity::Critical: return "blocker";
    case Severity::High: return "critical";
    case Severity::Medium: return "major";
    case Severity::Low: return "minor";
    case Severity::Info: return "info";
  }
  return "major";
}

std::string fnv1a_hex(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace

void write_gitlab_report(std::ostream& out, const AnalysisResult& result, const ReportOptions& options) {
  SourceRoot root(options.source_root);
  const SecretMask mask(result, options.show_secrets);
  auto path_of = [&](const std::string& file) { return root.relative(file).value_or(file); };
  json issues = json::array();
  for_each_finding(result, [&](const Finding& f) {
    if (f.suppressed) return;
    Location loc = to_location(f.range);
    uint32_t begin = std::max<uint32_t>(loc.line, 1);
    issues.push_back({{"description", f.rule_id + " " + mask.text(f.message)},
                      {"check_name", f.rule_id},
                      {"fingerprint", f.fingerprint},
                      {"severity", gitlab_severity(f.severity)},
                      {"location", {{"path", path_of(loc.file)}, {"lines", {{"begin", begin}, {"end", std::max(begin, loc.end_line)}}}}}});
  });
  // An input that could not be analysed is shown too: the widget is where reviewers look.
  for (const auto& e : result.errors) {
    issues.push_back({{"description", "ephemera could not analyse this file: " + mask.text(e.message)},
                      {"check_name", "ephemera-input-error"},
                      {"fingerprint", fnv1a_hex("input-error\n" + path_of(e.path) + "\n" + e.message)},
                      {"severity", "blocker"},
                      {"location", {{"path", path_of(e.path)}, {"lines", {{"begin", 1}, {"end", 1}}}}}});
  }
  out << issues.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

}  // namespace eph
