// GitHub Actions workflow commands: each finding becomes an annotation on the pull
// request's diff (`::error file=...,line=...,col=...::message`).
#include "report/reporter.h"
#include "report/secret_mask.h"

namespace eph {
namespace {

// Escaping defined by the runner for workflow command data and properties.
std::string escape_data(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

std::string escape_property(std::string_view s) {
  std::string out;
  for (char c : escape_data(s)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

const char* command_of(Severity s) {
  switch (s) {
    case Severity::Critical:
    case Severity::High: return "error";
    case Severity::Medium: return "warning";
    case Severity::Low:
    case Severity::Info: return "notice";
  }
  return "warning";
}

}  // namespace

void write_github_report(std::ostream& out, const AnalysisResult& result, const ReportOptions& options) {
  const SecretMask mask(result, options.show_secrets);
  size_t shown = 0, suppressed = 0;
  for_each_finding(result, [&](const Finding& f) {
    suppressed += f.suppressed ? 1 : 0;
    if (f.suppressed) return;  // annotations are for what needs attention
    ++shown;
    Location loc = to_location(f.range);
    std::string message = mask.text(f.message);
    for (const auto& r : f.related) {
      Location rl = to_location(r.range);
      message += "\n" + rl.file + ":" + std::to_string(rl.line) + ": " + mask.text(r.message);
    }
    out << "::" << command_of(f.severity) << " file=" << escape_property(loc.file) << ",line=" << loc.line
        << ",col=" << loc.column << ",endLine=" << loc.end_line << ",endColumn=" << loc.end_column
        << ",title=" << escape_property(f.rule_id + " " + std::string(to_string(f.severity))) << "::"
        << escape_data(message) << "\n";
  });
  for (const auto& e : result.errors)
    out << "::error file=" << escape_property(e.path) << ",title=ephemera::" << escape_data(mask.text(e.message)) << "\n";
  out << "ephemera: " << shown << (shown == 1 ? " finding" : " findings") << " in " << result.files_analyzed
      << (result.files_analyzed == 1 ? " file" : " files");
  if (!result.spilled) suppressed = result.suppressed;  // the count the result was given
  if (suppressed) out << ", " << suppressed << " suppressed";
  out << "\n";
}

}  // namespace eph
