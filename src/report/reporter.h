#pragma once
// Reporters turn an analysis result into one output format each.
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "core/version.h"
#include "engine/analyzer.h"

namespace eph {

enum class ReportFormat { Text, Json, Sarif, Junit, Github, Gitlab };

std::optional<ReportFormat> parse_report_format(std::string_view name);

struct ReportOptions {
  bool color = false;            // ANSI colours (text only)
  bool show_suppressed = false;  // list suppressed findings too
  std::string version = eph::version();
  std::string source_root;       // SARIF SRCROOT, GitLab paths (absolute or relative to the cwd); empty: the cwd
};

void write_report(ReportFormat format, std::ostream& out, const AnalysisResult& result, const ReportOptions& options);

void write_text_report(std::ostream& out, const AnalysisResult& result, const ReportOptions& options);
void write_json_report(std::ostream& out, const AnalysisResult& result, const ReportOptions& options);
void write_sarif_report(std::ostream& out, const AnalysisResult& result, const ReportOptions& options);
void write_junit_report(std::ostream& out, const AnalysisResult& result, const ReportOptions& options);
void write_github_report(std::ostream& out, const AnalysisResult& result, const ReportOptions& options);
void write_gitlab_report(std::ostream& out, const AnalysisResult& result, const ReportOptions& options);

}  // namespace eph
