#include "report/report_summary.h"

#include "report/source_root.h"

namespace eph {

ReportSummary summarise(const AnalysisResult& result, const ReportOptions& options) {
  ReportSummary s;
  const SourceRoot root(options.source_root);
  std::map<std::string, size_t> file_index;
  for (const Finding& f : result.findings) {
    if (!f.suppressed) {
      ++s.active;
      ++s.by_severity[static_cast<int>(f.severity)];
      ++s.by_rule[f.rule_id];
    }
    if (f.suppressed && !options.show_suppressed) continue;
    ++s.shown;
    std::string file = to_location(f.range).file;
    std::string path = root.relative(file).value_or(file);
    auto [it, added] = file_index.emplace(path, s.files.size());
    if (added) s.files.push_back(FileFindings{path, {}});
    s.files[it->second].findings.push_back(&f);
  }
  return s;
}

std::string summary_line(const AnalysisResult& result, const ReportSummary& s) {
  std::string out = std::to_string(s.active) + (s.active == 1 ? " finding" : " findings");
  std::string parts;
  for (int sev = 4; sev >= 0; --sev) {
    if (!s.by_severity[sev]) continue;
    parts += (parts.empty() ? "" : ", ") + std::to_string(s.by_severity[sev]) + " " +
             std::string(to_string(static_cast<Severity>(sev)));
  }
  if (!parts.empty()) out += " (" + parts + ")";
  out += " in " + std::to_string(result.files_analyzed) + (result.files_analyzed == 1 ? " file" : " files");
  if (result.suppressed) out += ", " + std::to_string(result.suppressed) + " suppressed";
  if (!result.errors.empty())
    out += ", " + std::to_string(result.errors.size()) + (result.errors.size() == 1 ? " error" : " errors");
  return out;
}

}  // namespace eph
