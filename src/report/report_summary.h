#pragma once
// What the Markdown and HTML reports summarise before listing findings: the findings they
// show (suppressed ones only with --show-suppressed), grouped by file in order, and their
// counts by severity, rule and file.
#include <map>
#include <string>
#include <vector>

#include "engine/analyzer.h"
#include "report/reporter.h"

namespace eph {

struct FileFindings {
  std::string path;                      // relative to the source root when inside it, else as reported
  std::vector<const Finding*> findings;  // in the analysis order
};

struct ReportSummary {
  std::vector<FileFindings> files;       // in order of their first finding
  size_t shown = 0;                      // findings listed
  size_t active = 0;                     // findings not suppressed
  size_t by_severity[5] = {0, 0, 0, 0, 0};  // active findings, indexed by Severity
  std::map<std::string, size_t> by_rule;    // active findings per rule id
};

ReportSummary summarise(const AnalysisResult& result, const ReportOptions& options);

// "3 findings (1 critical, 2 high) in 12 files, 1 suppressed, 1 error".
std::string summary_line(const AnalysisResult& result, const ReportSummary& summary);

}  // namespace eph
