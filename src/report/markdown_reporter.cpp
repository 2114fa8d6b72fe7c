// Markdown for pull-request comments and GitHub's job summary ($GITHUB_STEP_SUMMARY): a
// summary table, findings grouped by file with links to their lines, each finding's details
// collapsed in <details>, and a Mermaid drawing of each evidence chain (GitHub renders it).
// GitHub refuses a comment over 65,536 characters: the report stops before that and says
// how many findings it left out.
#include <sstream>

#include "registry/rule_registry.h"
#include "report/code_frame.h"
#include "report/diagram_text.h"
#include "report/evidence_chain.h"
#include "report/report_summary.h"
#include "report/reporter.h"
#include "report/secret_mask.h"
#include "report/source_root.h"

namespace eph {
namespace {

// Bytes, which are never fewer than the characters GitHub counts.
constexpr size_t kGithubCommentLimit = 65536;
constexpr size_t kFooterReserve = 400;

// Inline text inside HTML or Markdown: every character either could read is an entity, and
// `@` too, so that a message never mentions anyone in a pull request.
std::string inline_text(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '*': out += "&#42;"; break;
      case '_': out += "&#95;"; break;
      case '`': out += "&#96;"; break;
      case '[': out += "&#91;"; break;
      case ']': out += "&#93;"; break;
      case '\\': out += "&#92;"; break;
      case '|': out += "&#124;"; break;
      case '@': out += "&#64;"; break;
      case '~': out += "&#126;"; break;
      case '\n': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

// A link target: spaces and the characters that end a Markdown link are percent-encoded.
std::string url_path(std::string_view s) {
  std::string out;
  static const char* hex = "0123456789ABCDEF";
  for (unsigned char c : s) {
    if (c <= ' ' || c == '(' || c == ')' || c == '<' || c == '>' || c == '"' || c == '#' || c == '%' || c >= 0x7F) {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string line_link(const ReportOptions& options, const std::string& path, uint32_t line) {
  std::string target = url_path(path) + "#L" + std::to_string(line);
  return options.blob_url.empty() ? target : options.blob_url + "/" + target;
}

std::string fence_for(std::string_view content) {
  size_t longest = 0, run = 0;
  for (char c : content) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return std::string(std::max<size_t>(3, longest + 1), '`');
}

std::string language_of(std::string_view path) {
  auto ends = [&](std::string_view tail) {
    return path.size() >= tail.size() && path.substr(path.size() - tail.size()) == tail;
  };
  if (ends(".tf") || ends(".tfvars") || ends(".hcl")) return "hcl";
  if (ends(".yaml") || ends(".yml")) return "yaml";
  if (ends(".json")) return "json";
  return "";
}

std::string finding_block(const Finding& f, const std::string& path, const SecretMask& mask,
                          const ReportOptions& options, const SourceRoot& root) {
  Location loc = to_location(f.range);
  std::ostringstream out;
  out << "<details>\n<summary><b>" << to_string(f.severity) << "</b> <code>" << f.rule_id << "</code> line "
      << loc.line << ": " << inline_text(mask.text(f.message));
  if (f.suppressed) out << " <i>(suppressed by " << inline_text(mask.text(f.suppression)) << ")</i>";
  out << "</summary>\n\n";
  out << "[" << inline_text(path) << ":" << loc.line << ":" << loc.column << "](" << line_link(options, path, loc.line)
      << ")";
  if (!f.resource.empty()) out << " in <code>" << inline_text(f.resource) << "</code>";
  out << "\n\n";
  if (std::optional<CodeFrame> frame = code_frame(f.range, mask)) {
    std::string number = std::to_string(frame->line);
    std::string body = number + " | " + frame->text + "\n" + std::string(number.size(), ' ') + " | " + frame->caret + "\n";
    std::string fence = fence_for(body);
    out << fence << language_of(path) << "\n" << body << fence << "\n\n";
  }
  if (!f.related.empty()) {
    out << "Evidence:\n";
    for (const RelatedLocation& r : f.related) {
      Location rl = to_location(r.range);
      std::string rpath = root.relative(rl.file).value_or(rl.file);
      out << "- [" << inline_text(rpath) << ":" << rl.line << "](" << line_link(options, rpath, rl.line) << ") "
          << inline_text(mask.text(r.message)) << "\n";
    }
    out << "\n";
  }
  if (f.suppressed && !f.justification.empty()) out << "**Reason:** " << inline_text(mask.text(f.justification)) << "\n\n";
  if (f.fix) out << "**Fix:** " << inline_text(mask.text(f.fix->description)) << "\n\n";
  if (const RuleEntry* rule = find_rule(f.rule_id))
    out << "**Docs:** [" << rule->info->id << " " << rule->info->slug << "](" << rule_help_uri(*rule->info) << ")\n\n";
  if (std::optional<Diagram> chain = evidence_chain(f, mask, root)) {
    out << "```mermaid\n";
    write_mermaid(out, *chain);
    out << "```\n\n";
  }
  out << "</details>\n\n";
  return out.str();
}

}  // namespace

void write_markdown_report(std::ostream& os, const AnalysisResult& result, const ReportOptions& options) {
  const SecretMask mask(result, options.show_secrets);
  const ReportSummary summary = summarise(result, options);
  const SourceRoot root(options.source_root);
  std::string out = "## ephemera\n\n**" + summary_line(result, summary) + "**\n\n";
  if (summary.active) {
    out += "| Severity | Findings |\n| :-- | --: |\n";
    for (int s = 4; s >= 0; --s)
      if (summary.by_severity[s])
        out += "| " + std::string(to_string(static_cast<Severity>(s))) + " | " + std::to_string(summary.by_severity[s]) + " |\n";
    out += "\n| Rule | Findings |\n| :-- | --: |\n";
    for (const auto& [id, n] : summary.by_rule) {
      const RuleEntry* rule = find_rule(id);
      out += "| " + (rule ? "[" + id + " " + rule->info->slug + "](" + rule_help_uri(*rule->info) + ")" : id) + " | " +
             std::to_string(n) + " |\n";
    }
    out += "\n";
  }
  const size_t budget = kGithubCommentLimit - kFooterReserve;
  size_t left_out = 0;
  for (const FileFindings& file : summary.files) {
    std::string heading = "### [" + inline_text(file.path) + "](" + line_link(options, file.path, 1) + ")\n\n";
    bool heading_written = false;
    for (const Finding* f : file.findings) {
      if (left_out) {  // past the limit: only counted
        ++left_out;
        continue;
      }
      std::string block = finding_block(*f, file.path, mask, options, root);
      size_t needed = block.size() + (heading_written ? 0 : heading.size());
      if (out.size() + needed > budget) {
        ++left_out;
        continue;
      }
      if (!heading_written) out += heading;
      heading_written = true;
      out += block;
    }
  }
  std::string errors;
  for (const InputError& e : result.errors) errors += "- <code>" + inline_text(e.path) + "</code>: " + inline_text(mask.text(e.message)) + "\n";
  if (!errors.empty()) {
    if (!left_out && out.size() + errors.size() + 12 <= budget) out += "### Errors\n\n" + errors + "\n";
    else out += "**" + std::to_string(result.errors.size()) + " input errors** are not listed here.\n\n";
  }
  if (left_out)
    out += "> **" + std::to_string(left_out) + (left_out == 1 ? " finding" : " findings") +
           " not shown**: GitHub refuses a comment over 65,536 characters. `ephemera scan --format html` writes them all.\n";
  os << out;
}

}  // namespace eph
