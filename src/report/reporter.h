#pragma once
// Reporters turn an analysis result into one output format each. Every reporter shows
// source text and messages through a SecretMask (report/secret_mask.h), so that no secret
// value reaches a report unless `show_secrets`.
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "core/version.h"
#include "engine/analyzer.h"

namespace eph {

enum class ReportFormat { Text, Json, Sarif, Junit, Github, Gitlab, Markdown, Html };

std::optional<ReportFormat> parse_report_format(std::string_view name);

struct ReportOptions {
  bool color = false;            // ANSI colours (text only)
  bool show_suppressed = false;  // list suppressed findings too
  bool show_secrets = false;     // print secret values instead of masking them (report/secret_mask.h)
  std::string version = eph::version();
  std::string source_root;       // SARIF SRCROOT, GitLab, Markdown and HTML paths (absolute or relative to the cwd); empty: the cwd
  // Markdown: links to lines start here ("https://github.com/o/r/blob/SHA"); empty: links
  // relative to the source root. The CLI fills it from GitHub Actions' variables.
  std::string blob_url;
};

void write_report(ReportFormat format, std::ostream& out, const AnalysisResult& result, const ReportOptions& options);

void write_text_report(std::ostream& out, const AnalysisResult& result, const ReportOptions& options);
void write_json_report(std::ostream& out, const AnalysisResult& result, const ReportOptions& options);
void write_sarif_report(std::ostream& out, const AnalysisResult& result, const ReportOptions& options);
void write_junit_report(std::ostream& out, const AnalysisResult& result, const ReportOptions& options);
void write_github_report(std::ostream& out, const AnalysisResult& result, const ReportOptions& options);
void write_gitlab_report(std::ostream& out, const AnalysisResult& result, const ReportOptions& options);
void write_markdown_report(std::ostream& out, const AnalysisResult& result, const ReportOptions& options);
void write_html_report(std::ostream& out, const AnalysisResult& result, const ReportOptions& options);

}  // namespace eph
