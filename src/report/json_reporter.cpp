// The stable JSON output documented in README.md (shape from ARCHITECTURE.md).
#include <nlohmann/json.hpp>

#include "registry/rule_registry.h"
#include "report/reporter.h"
#include "report/secret_mask.h"

namespace eph {

void write_json_report(std::ostream& out, const AnalysisResult& result, const ReportOptions& options) {
  const SecretMask mask(result, options.show_secrets);
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const auto& f : result.findings) {
    if (f.suppressed && !options.show_suppressed) continue;
    Location loc = to_location(f.range);
    const RuleEntry* rule = find_rule(f.rule_id);
    nlohmann::ordered_json j;
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
    nlohmann::ordered_json related = nlohmann::ordered_json::array();
    for (const auto& r : f.related) {
      Location rl = to_location(r.range);
      related.push_back({{"file", rl.file}, {"line", rl.line}, {"column", rl.column}, {"message", mask.text(r.message)}});
    }
    j["related"] = std::move(related);
    j["fingerprint"] = f.fingerprint;
    if (f.fix) {
      nlohmann::ordered_json edits = nlohmann::ordered_json::array();
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
    findings.push_back(std::move(j));
  }
  nlohmann::ordered_json errors = nlohmann::ordered_json::array();
  for (const auto& e : result.errors) errors.push_back({{"file", e.path}, {"message", mask.text(e.message)}});
  nlohmann::ordered_json doc;
  doc["tool"] = "ephemera";
  doc["version"] = options.version;
  doc["findings"] = std::move(findings);
  doc["errors"] = std::move(errors);
  if (!result.warnings.empty()) doc["warnings"] = result.warnings;
  doc["summary"] = {{"files", result.files_analyzed},
                    {"findings", result.findings.size() - result.suppressed},
                    {"suppressed", result.suppressed}};
  out << doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

}  // namespace eph
