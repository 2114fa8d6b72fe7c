// Human-readable output: `file:line:col: severity EPHnnn message`, a code frame, the
// evidence chain, and a summary line.
#include <algorithm>

#include "engine/rule_registry.h"
#include "report/reporter.h"

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

void write_frame(std::ostream& out, const Range& range, const Location& loc, const Palette& p) {
  if (!range.file || loc.line == 0) return;
  std::string_view line = range.file->line_text(loc.line);
  if (line.empty()) return;
  std::string number = std::to_string(loc.line);
  std::string gutter(number.size(), ' ');
  // Tabs keep their width in the caret line so the carets line up.
  std::string caret;
  uint32_t col = 1;
  size_t i = 0;
  for (; i < line.size() && col < loc.column; ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;
    caret += c == '\t' ? '\t' : ' ';
    ++col;
  }
  uint32_t width = loc.end_line == loc.line && loc.end_column > loc.column ? loc.end_column - loc.column : 1;
  caret += '^';
  for (uint32_t w = 1; w < width; ++w) caret += '~';
  out << p.dim() << " " << number << " | " << p.reset() << line << "\n";
  out << p.dim() << " " << gutter << " | " << p.reset() << p.bold() << caret << p.reset() << "\n";
}

}  // namespace

void write_text_report(std::ostream& out, const AnalysisResult& result, const ReportOptions& options) {
  Palette p{options.color};
  size_t shown = 0;
  for (const auto& f : result.findings) {
    if (f.suppressed && !options.show_suppressed) continue;
    ++shown;
    Location loc = to_location(f.range);
    out << p.bold() << loc.file << ":" << loc.line << ":" << loc.column << ":" << p.reset() << " "
        << p.severity(f.severity) << to_string(f.severity) << p.reset() << " " << p.bold() << f.rule_id << p.reset()
        << " " << f.message;
    if (f.suppressed) {
      out << " " << p.dim() << "[suppressed by " << f.suppression;
      if (!f.justification.empty()) out << ": " << f.justification;
      out << "]" << p.reset();
    }
    out << "\n";
    write_frame(out, f.range, loc, p);
    for (const auto& r : f.related) {
      Location rl = to_location(r.range);
      out << "    " << p.dim() << "note:" << p.reset() << " " << rl.file << ":" << rl.line << ":" << rl.column << ": "
          << r.message << "\n";
    }
    if (f.fix) out << "    " << p.dim() << "fix:" << p.reset() << " " << f.fix->description << "\n";
    if (const RuleEntry* rule = find_rule(f.rule_id))
      out << "    " << p.dim() << "docs:" << p.reset() << " " << rule_help_uri(*rule->info) << "\n";
  }
  for (const auto& e : result.errors) {
    out << p.bold() << e.path << ":" << p.reset() << " " << p.severity(Severity::High) << "error" << p.reset() << " "
        << e.message << "\n";
  }
  for (const auto& w : result.warnings)
    out << p.severity(Severity::Medium) << "warning:" << p.reset() << " " << w << "\n";
  size_t active = result.findings.size() - result.suppressed;
  size_t by_severity[5] = {0, 0, 0, 0, 0};
  for (const auto& f : result.findings)
    if (!f.suppressed) ++by_severity[static_cast<int>(f.severity)];
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
  if (result.suppressed) out << ", " << result.suppressed << " suppressed";
  if (!result.errors.empty()) out << ", " << result.errors.size() << (result.errors.size() == 1 ? " error" : " errors");
  out << "\n";
}

}  // namespace eph
