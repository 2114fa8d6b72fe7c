#include "lsp/finding_conversion.h"

#include <map>

#include "engine/discovery.h"
#include "formats/registry.h"
#include "lsp/json_metadata_suppression.h"
#include "registry/rule_registry.h"

namespace eph::lsp {
namespace {

using nlohmann::json;

std::string path_of(const Range& range) { return range.file ? range.file->path() : std::string(); }

json workspace_edit(const std::vector<TextEdit>& edits, PositionEncoding encoding, const UriOf& uri_of) {
  std::map<std::string, json> by_uri;
  for (const auto& e : edits) {
    if (!e.range.file) continue;
    json& list = by_uri[uri_of(e.range.file->path())];
    if (list.is_null()) list = json::array();
    list.push_back({{"range", to_lsp_range(e.range, encoding)}, {"newText", e.new_text}});
  }
  json changes = json::object();
  for (auto& [uri, list] : by_uri) changes[uri] = std::move(list);
  return {{"changes", std::move(changes)}};
}

constexpr const char* kReasonPlaceholder = "explain why this is acceptable";

json suppression_action(const Finding& finding, const json& diagnostic, PositionEncoding encoding,
                        const UriOf& uri_of, JsonMetadataSuppressions* json_templates) {
  if (!finding.range.file) return nullptr;
  std::string comment = suppression_comment(finding.range.file->path(), finding.rule_id);
  if (comment.empty()) {
    if (!json_templates || finding.resource.empty()) return nullptr;
    auto edit = json_templates->edit_for(*finding.range.file, finding.resource, finding.rule_id, kReasonPlaceholder);
    if (!edit) return nullptr;
    return {{"title", "Suppress " + finding.rule_id + " for " + finding.resource + " (Metadata, with a reason)"},
            {"kind", "quickfix"},
            {"diagnostics", json::array({diagnostic})},
            {"edit", workspace_edit({*edit}, encoding, uri_of)}};
  }
  const SourceFile& file = *finding.range.file;
  uint32_t line1 = file.position(finding.range.begin, ColumnUnit::Bytes).line;
  std::string_view text = file.line_text(line1);
  std::string indent(text.substr(0, text.find_first_not_of(" \t") == std::string_view::npos
                                        ? text.size()
                                        : text.find_first_not_of(" \t")));
  uint32_t line_start = file.offset_of(line1 - 1, 0, ColumnUnit::Bytes);
  TextEdit insert{Range{&file, line_start, line_start}, indent + comment + "\n"};
  return {{"title", "Suppress " + finding.rule_id + " here (ephemera:ignore with a reason)"},
          {"kind", "quickfix"},
          {"diagnostics", json::array({diagnostic})},
          {"edit", workspace_edit({insert}, encoding, uri_of)}};
}

}  // namespace

int lsp_severity(Severity s) {
  switch (s) {
    case Severity::Critical:
    case Severity::High: return 1;
    case Severity::Medium: return 2;
    case Severity::Low: return 3;
    case Severity::Info: return 4;
  }
  return 2;
}

std::string suppression_comment(const std::string& path, const std::string& rule_id) {
  const SourceFormat* format = format_for_name(path);
  return format ? format->suppression_comment(path, rule_id, kReasonPlaceholder) : std::string();
}

PublishedFinding publish_finding(const Finding& finding, PositionEncoding encoding, const UriOf& uri_of,
                                 JsonMetadataSuppressions* json_templates) {
  PublishedFinding out;
  out.rule_id = finding.rule_id;
  json d = {{"range", to_lsp_range(finding.range, encoding)},
            {"severity", lsp_severity(finding.severity)},
            {"code", finding.rule_id},
            {"source", "ephemera"},
            {"message", finding.message}};
  if (const RuleEntry* rule = find_rule(finding.rule_id)) {
    d["codeDescription"] = {{"href", rule_help_uri(*rule->info)}};
  }
  if (!finding.related.empty()) {
    json related = json::array();
    for (const auto& r : finding.related) {
      if (!r.range.file) continue;
      related.push_back({{"location", {{"uri", uri_of(path_of(r.range))}, {"range", to_lsp_range(r.range, encoding)}}},
                         {"message", r.message}});
    }
    d["relatedInformation"] = std::move(related);
  }
  if (!finding.resource.empty()) d["data"] = {{"resource", finding.resource}, {"fingerprint", finding.fingerprint}};
  else d["data"] = {{"fingerprint", finding.fingerprint}};
  if (finding.fix && !finding.fix->edits.empty()) {
    out.fix = {{"title", finding.fix->description.empty() ? "Fix " + finding.rule_id : finding.fix->description},
               {"kind", "quickfix"},
               {"isPreferred", true},
               {"diagnostics", json::array({d})},
               {"edit", workspace_edit(finding.fix->edits, encoding, uri_of)}};
  }
  out.suppression = suppression_action(finding, d, encoding, uri_of, json_templates);
  out.diagnostic = std::move(d);
  return out;
}

}  // namespace eph::lsp
