// Human-readable output: `file:line:col: severity EPHnnn message`, a code frame, the
// evidence chain, and a summary line.
#include "registry/rule_registry.h"
#include "report/code_frame.h"
#include "report/reporter.h"
#include "report/secret_mask.h"

namespace eph {
namespace {

struct Palette {
  bool on;
  const char* bold() const { return on ? "\033[1m" : ""; }
  const char* dim() const { return on ? "\033[2m" : ""; }
  const char* reset() const { return on ? "\033[0m" : ""; }
  const char* severity(Severity s) const {
    if (!on) return "";
    switch (s) {
      case Severity::Critical: return "\033[1;35m";
      case Severity::High: return "\033[1;31m";
      case Severity::Medium: return "\033[1;33m";
      case Severity::Low: return "\033[1;36m";
      case Severity::Info: return "\033[1;34m";
    }
    return "";
  }
};

// The code frame (report/code_frame.h) under a finding, with its line number in a gutter.
void write_frame(std::ostream& out, const Range& range, const SecretMask& mask, const Palette& p) {
  std::optional<CodeFrame> frame = code_frame(range, mask);
  if (!frame) return;
  std::string number = std::to_string(frame->line);
  std::string gutter(number.size(), ' ');
  out << p.dim() << " " << number << " | " << p.reset() << frame->text << "\n";
  out << p.dim() << " " << gutter << " | " << p.reset() << p.bold() << frame->caret << p.reset() << "\n";
}

}  // namespace

void write_text_report(std::ostream& out, const AnalysisResult& result, const ReportOptions& options) {
  Palette p{options.color};
  const SecretMask mask(result, options.show_secrets);
  size_t shown = 0, suppressed = 0;
  size_t by_severity[5] = {0, 0, 0, 0, 0};  // of the findings not suppressed
  for_each_finding(result, [&](const Finding& f) {
    if (f.suppressed) ++suppressed;
    else ++by_severity[static_cast<int>(f.severity)];
    if (f.suppressed && !options.show_suppressed) return;
    ++shown;
    Location loc = to_location(f.range);
    out << p.bold() << loc.file << ":" << loc.line << ":" << loc.column << ":" << p.reset() << " "
        << p.severity(f.severity) << to_string(f.severity) << p.reset() << " " << p.bold() << f.rule_id << p.reset()
        << " " << mask.text(f.message);
    if (f.suppressed) {
      out << " " << p.dim() << "[suppressed by " << f.suppression;
      if (!f.justification.empty()) out << ": " << mask.text(f.justification);
      out << "]" << p.reset();
    }
    out << "\n";
    write_frame(out, f.range, mask, p);
    for (const auto& r : f.related) {
      Location rl = to_location(r.range);
      out << "    " << p.dim() << "note:" << p.reset() << " " << rl.file << ":" << rl.line << ":" << rl.column << ": "
          << mask.text(r.message) << "\n";
    }
    if (f.fix) out << "    " << p.dim() << "fix:" << p.reset() << " " << mask.text(f.fix->description) << "\n";
    if (const RuleEntry* rule = find_rule(f.rule_id))
      out << "    " << p.dim() << "docs:" << p.reset() << " " << rule_help_uri(*rule->info) << "\n";
  });
  for (const auto& e : result.errors) {
    out << p.bold() << e.path << ":" << p.reset() << " " << p.severity(Severity::High) << "error" << p.reset() << " "
        << mask.text(e.message) << "\n";
  }
  for (const auto& w : result.warnings)
    out << p.severity(Severity::Medium) << "warning:" << p.reset() << " " << w << "\n";
  size_t active = 0;
  for (size_t n : by_severity) active += n;
  if (!result.spilled) {  // the counts the result was given
    active = result.findings.size() - result.suppressed;
    suppressed = result.suppressed;
  }
  if (shown > 0 || !result.errors.empty() || !result.warnings.empty()) out << "\n";
  out << p.bold() << active << (active == 1 ? " finding" : " findings") << p.reset();
  if (active > 0) {
    out << " (";
    bool first = true;
    for (int s = 4; s >= 0; --s) {
      if (!by_severity[s]) continue;
      out << (first ? "" : ", ") << by_severity[s] << " " << to_string(static_cast<Severity>(s));
      first = false;
    }
    out << ")";
  }
  out << " in " << result.files_analyzed << (result.files_analyzed == 1 ? " file" : " files");
  if (suppressed) out << ", " << suppressed << " suppressed";
  if (!result.errors.empty()) out << ", " << result.errors.size() << (result.errors.size() == 1 ? " error" : " errors");
  out << "\n";
}

}  // namespace eph
