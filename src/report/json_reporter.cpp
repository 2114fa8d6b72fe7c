// The stable JSON output documented in README.md (shape from ARCHITECTURE.md). Written one
// finding at a time, as nlohmann's dump(2) of the whole document would print it: a scan of a
// large tree never holds its whole report as a JSON tree and a string at once.
#include <nlohmann/json.hpp>

#include "registry/rule_registry.h"
#include "report/reporter.h"
#include "report/json_nesting.h"
#include "report/secret_mask.h"

namespace eph {
namespace {

using Json = nlohmann::ordered_json;

Json finding_json(const Finding& f, const SecretMask& mask) {
  Location loc = to_location(f.range);
  const RuleEntry* rule = find_rule(f.rule_id);
  Json j;
  j["rule"] = f.rule_id;
  j["slug"] = rule ? rule->info->slug : "";
  j["severity"] = std::string(to_string(f.severity));
  j["file"] = loc.file;
  j["line"] = loc.line;
  j["column"] = loc.column;
  j["end_line"] = loc.end_line;
  j["end_column"] = loc.end_column;
  j["resource"] = f.resource;
  j["message"] = mask.text(f.message);
  Json related = Json::array();
  for (const auto& r : f.related) {
    Location rl = to_location(r.range);
    related.push_back({{"file", rl.file}, {"line", rl.line}, {"column", rl.column}, {"message", mask.text(r.message)}});
  }
  j["related"] = std::move(related);
  j["fingerprint"] = f.fingerprint;
  if (f.fix) {
    Json edits = Json::array();
    for (const auto& e : f.fix->edits) {
      Location el = to_location(e.range);
      edits.push_back({{"file", el.file}, {"line", el.line}, {"column", el.column}, {"end_line", el.end_line},
                       {"end_column", el.end_column}, {"text", mask.text(e.new_text)}});
    }
    j["fix"] = {{"description", mask.text(f.fix->description)}, {"edits", std::move(edits)}};
  }
  if (f.suppressed) {
    j["suppressed"] = f.suppression;
    j["justification"] = mask.text(f.justification);
  }
  return j;
}

}  // namespace

void write_json_report(std::ostream& out, const AnalysisResult& result, const ReportOptions& options) {
  const SecretMask mask(result, options.show_secrets);
  out << "{\n  \"tool\": \"ephemera\",\n  \"version\": " << json_dumped(Json(options.version)) << ",\n  \"findings\": [";
  bool first = true;
  size_t findings = 0, suppressed = 0;
  for_each_finding(result, [&](const Finding& f) {
    ++findings;
    suppressed += f.suppressed ? 1 : 0;
    if (f.suppressed && !options.show_suppressed) return;
    out << (first ? "\n" : ",\n");
    first = false;
    write_nested_json(out, finding_json(f, mask), 2);
  });
  out << (first ? "],\n" : "\n  ],\n");
  // The rest is small: printed as one document, its braces left out.
  Json errors = Json::array();
  for (const auto& e : result.errors) errors.push_back({{"file", e.path}, {"message", mask.text(e.message)}});
  Json tail;
  tail["errors"] = std::move(errors);
  if (!result.warnings.empty()) tail["warnings"] = result.warnings;
  if (!result.spilled) {  // the counts the result was given
    findings = result.findings.size();
    suppressed = result.suppressed;
  }
  tail["summary"] = {{"files", result.files_analyzed}, {"findings", findings - suppressed}, {"suppressed", suppressed}};
  std::string text = json_dumped(tail, 2);
  out.write(text.data() + 2, static_cast<std::streamsize>(text.size() - 4));  // without "{\n" and "\n}"
  out << "\n}\n";
}

}  // namespace eph
