#include "report/reporter.h"

namespace eph {

std::optional<ReportFormat> parse_report_format(std::string_view name) {
  if (name == "text") return ReportFormat::Text;
  if (name == "json") return ReportFormat::Json;
  if (name == "sarif") return ReportFormat::Sarif;
  if (name == "junit") return ReportFormat::Junit;
  if (name == "github") return ReportFormat::Github;
  if (name == "gitlab") return ReportFormat::Gitlab;
  if (name == "markdown") return ReportFormat::Markdown;
  if (name == "html") return ReportFormat::Html;
  return std::nullopt;
}

void write_report(ReportFormat format, std::ostream& out, const AnalysisResult& result, const ReportOptions& options) {
  switch (format) {
    case ReportFormat::Text: write_text_report(out, result, options); return;
    case ReportFormat::Json: write_json_report(out, result, options); return;
    case ReportFormat::Sarif: write_sarif_report(out, result, options); return;
    case ReportFormat::Junit: write_junit_report(out, result, options); return;
    case ReportFormat::Github: write_github_report(out, result, options); return;
    case ReportFormat::Gitlab: write_gitlab_report(out, result, options); return;
    case ReportFormat::Markdown: write_markdown_report(out, result, options); return;
    case ReportFormat::Html: write_html_report(out, result, options); return;
  }
}

}  // namespace eph
