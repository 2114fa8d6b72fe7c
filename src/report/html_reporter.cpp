// One self-contained HTML page (inline CSS, JavaScript and SVG; its Content-Security-Policy
// lets it fetch nothing, so it works offline and as a CI artifact): a summary by severity,
// rule and file; every finding with its code frame (secrets masked), message, evidence, fix,
// documentation link and a drawing of its evidence chain; filters by severity, rule and
// file (also read from the page's fragment); keyboard usable; light and dark schemes.
#include <set>

#include "registry/rule_registry.h"
#include "report/code_frame.h"
#include "report/diagram_svg.h"
#include "report/evidence_chain.h"
#include "report/html_assets.h"
#include "report/report_summary.h"
#include "report/reporter.h"
#include "report/secret_mask.h"
#include "report/source_root.h"

namespace eph {
namespace {

std::string esc(std::string_view s) { return xml_text(s); }

// The caret line under a code frame, its markers in their own span.
std::string caret_html(std::string_view caret) {
  size_t first = caret.find_first_not_of(" \t");
  if (first == std::string_view::npos) return esc(caret);
  return esc(caret.substr(0, first)) + "<span class=\"caret\">" + esc(caret.substr(first)) + "</span>";
}

void write_options(std::ostream& out, const char* id, const char* label, const std::set<std::string>& values,
                   const std::vector<std::string>& ordered = {}) {
  out << "<label for=\"filter-" << id << "\">" << label << "<select id=\"filter-" << id << "\"><option value=\"\">all</option>";
  for (const std::string& v : ordered.empty() ? std::vector<std::string>(values.begin(), values.end()) : ordered)
    if (values.count(v)) out << "<option value=\"" << esc(v) << "\">" << esc(v) << "</option>";
  out << "</select></label>\n";
}

void write_summary_table(std::ostream& out, const char* title, const char* key,
                         const std::vector<std::pair<std::string, size_t>>& rows) {
  out << "<section><h2>" << title << "</h2><table>";
  for (const auto& [name, n] : rows)
    out << "<tr><td><button type=\"button\" data-filter=\"" << key << "\" data-value=\"" << esc(name) << "\">" << esc(name)
        << "</button></td><td class=\"n\">" << n << "</td></tr>";
  if (rows.empty()) out << "<tr><td>none</td></tr>";
  out << "</table></section>\n";
}

void write_finding(std::ostream& out, const Finding& f, size_t index, const std::string& path, const SecretMask& mask,
                   const SourceRoot& root) {
  Location loc = to_location(f.range);
  std::string id = "f-" + std::to_string(index);
  std::string severity(to_string(f.severity));
  out << "<article class=\"finding\" id=\"" << id << "\" tabindex=\"-1\" data-severity=\"" << severity << "\" data-rule=\""
      << esc(f.rule_id) << "\" data-file=\"" << esc(path) << "\"" << (f.suppressed ? " data-suppressed=\"true\"" : "")
      << " aria-labelledby=\"" << id << "-title\">\n<header><span class=\"sev\">" << severity << "</span><span class=\"rule\">"
      << esc(f.rule_id) << "</span><a class=\"where\" href=\"#" << id << "\">" << esc(path) << ":" << loc.line << ":"
      << loc.column << "</a>";
  if (!f.resource.empty()) out << "<span class=\"resource\">" << esc(f.resource) << "</span>";
  if (f.suppressed) {
    out << "<span class=\"suppressed-note\">suppressed by " << esc(mask.text(f.suppression));
    if (!f.justification.empty()) out << ": " << esc(mask.text(f.justification));
    out << "</span>";
  }
  out << "</header>\n<p class=\"message\" id=\"" << id << "-title\">" << esc(mask.text(f.message)) << "</p>\n";
  if (std::optional<CodeFrame> frame = code_frame(f.range, mask)) {
    std::string number = std::to_string(frame->line);
    out << "<pre class=\"frame\"><span class=\"ln\">" << number << " | </span>" << esc(frame->text) << "\n<span class=\"ln\">"
        << std::string(number.size(), ' ') << " | </span>" << caret_html(frame->caret) << "</pre>\n";
  }
  if (!f.related.empty()) {
    out << "<ul class=\"evidence\">";
    for (const RelatedLocation& r : f.related) {
      Location rl = to_location(r.range);
      out << "<li><span class=\"where\">" << esc(root.relative(rl.file).value_or(rl.file)) << ":" << rl.line << "</span> "
          << esc(mask.text(r.message)) << "</li>";
    }
    out << "</ul>\n";
  }
  if (f.fix) out << "<p class=\"fix\"><strong>Fix:</strong> " << esc(mask.text(f.fix->description)) << "</p>\n";
  if (const RuleEntry* rule = find_rule(f.rule_id))
    out << "<p class=\"docs\"><a href=\"" << esc(rule_help_uri(*rule->info)) << "\" rel=\"noopener noreferrer\">"
        << esc(rule->info->id) << " " << esc(rule->info->slug) << "</a> " << esc(rule->info->title) << "</p>\n";
  if (std::optional<Diagram> chain = evidence_chain(f, mask, root)) {
    out << "<figure class=\"chain\">";
    write_svg(out, *chain, SvgOptions{id, false, "Evidence chain of " + f.rule_id + " at " + path + ":" + std::to_string(loc.line)});
    out << "<figcaption>Evidence chain</figcaption></figure>\n";
  }
  out << "</article>\n";
}

}  // namespace

void write_html_report(std::ostream& out, const AnalysisResult& result, const ReportOptions& options) {
  const SecretMask mask(result, options.show_secrets);
  const ReportSummary summary = summarise(result, options);
  const SourceRoot root(options.source_root);
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
         "script-src 'unsafe-inline'; img-src data:\">\n"
         "<meta name=\"color-scheme\" content=\"light dark\">\n<title>ephemera report</title>\n<style>\n"
      << html_report_style() << svg_stylesheet() << "</style>\n</head>\n<body>\n<div class=\"page\">\n";
  out << "<header class=\"top\"><h1>ephemera</h1><span class=\"total\">" << esc(summary_line(result, summary))
      << "</span><span class=\"meta\">ephemera " << esc(options.version) << "</span></header>\n";

  // Summary by severity, rule and file: each entry is a button that filters by it.
  std::vector<std::pair<std::string, size_t>> by_severity, by_rule, by_file;
  std::set<std::string> severities, rules, files;
  for (int s = 4; s >= 0; --s)
    if (summary.by_severity[s]) by_severity.push_back({std::string(to_string(static_cast<Severity>(s))), summary.by_severity[s]});
  for (const auto& [id, n] : summary.by_rule) by_rule.push_back({id, n});
  for (const FileFindings& file : summary.files) {
    size_t active = 0;
    for (const Finding* f : file.findings) {
      active += !f->suppressed;
      severities.insert(std::string(to_string(f->severity)));
      rules.insert(f->rule_id);
    }
    files.insert(file.path);
    by_file.push_back({file.path, active});
  }
  out << "<div class=\"summary\">\n";
  write_summary_table(out, "By severity", "severity", by_severity);
  write_summary_table(out, "By rule", "rule", by_rule);
  write_summary_table(out, "By file", "file", by_file);
  out << "</div>\n";

  out << "<form class=\"filters\" role=\"search\" aria-label=\"Filter findings\" onsubmit=\"return false\">\n";
  write_options(out, "severity", "Severity", severities, {"critical", "high", "medium", "low", "info"});
  write_options(out, "rule", "Rule", rules);
  std::vector<std::string> file_order;
  for (const FileFindings& file : summary.files) file_order.push_back(file.path);
  write_options(out, "file", "File", files, file_order);
  out << "<button type=\"button\" id=\"filter-reset\">Clear filters</button>"
         "<span class=\"keys\"><kbd>/</kbd> filters <kbd>j</kbd> <kbd>k</kbd> next, previous</span>"
         "<output id=\"shown-count\" aria-live=\"polite\">"
      << summary.shown << " of " << summary.shown << (summary.shown == 1 ? " finding" : " findings") << " shown</output>\n</form>\n";

  out << "<main id=\"findings\">\n";
  if (summary.shown == 0) out << "<p class=\"empty\">No findings.</p>\n";
  out << "<p class=\"empty\" id=\"nothing-shown\" hidden>No finding matches these filters.</p>\n";
  size_t index = 0;
  for (const FileFindings& file : summary.files) {
    out << "<section class=\"file\" data-file=\"" << esc(file.path) << "\"><h2>" << esc(file.path) << " <span class=\"count\">"
        << file.findings.size() << (file.findings.size() == 1 ? " finding" : " findings") << "</span></h2>\n";
    for (const Finding* f : file.findings) write_finding(out, *f, ++index, file.path, mask, root);
    out << "</section>\n";
  }
  out << "</main>\n";
  if (!result.errors.empty()) {
    out << "<section class=\"errors\"><h2>Errors</h2><ul>";
    for (const InputError& e : result.errors) out << "<li>" << esc(e.path) << ": " << esc(mask.text(e.message)) << "</li>";
    out << "</ul></section>\n";
  }
  out << "</div>\n<script>\n" << html_report_script() << "</script>\n</body>\n</html>\n";
}

}  // namespace eph
