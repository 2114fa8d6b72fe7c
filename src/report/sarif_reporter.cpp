// SARIF 2.1.0 for GitHub code scanning and other SARIF consumers. Validated in the tests
// with the official Sarif.Multitool (`validate --rule-kind "Gh;Sarif"`): no errors, no warnings.
#include <nlohmann/json.hpp>

#include <map>
#include <stdexcept>

#include "registry/rule_registry.h"
#include "report/reporter.h"
#include "report/json_nesting.h"
#include "report/secret_mask.h"
#include "report/source_root.h"


namespace eph {
namespace {

using json = nlohmann::ordered_json;

constexpr const char* kRootId = "SRCROOT";
constexpr uint32_t kMaxSnippetBytes = 2048;

// SARIF best practice: messages are sentences that end with a period.
std::string sentence(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.pop_back();
  if (s.empty()) return "No message.";
  char last = s.back();
  if (last != '.' && last != '!' && last != '?') s += '.';
  return s;
}

std::string uri_escape(const std::string& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string level_of(Severity s) {
  switch (s) {
    case Severity::Critical:
    case Severity::High: return "error";
    case Severity::Medium: return "warning";
    case Severity::Low:
    case Severity::Info: return "note";
  }
  return "warning";
}

// GitHub ranks security alerts by this score (CVSS-like bands).
std::string security_severity(Severity s) {
  switch (s) {
    case Severity::Critical: return "9.5";
    case Severity::High: return "8.0";
    case Severity::Medium: return "5.5";
    case Severity::Low: return "3.0";
    case Severity::Info: return "1.0";
  }
  return "5.0";
}

class SarifWriter {
 public:
  SarifWriter(const ReportOptions& options, const SecretMask& mask) : root_(options.source_root), mask_(mask) {}

  json root_uri() const {
    std::string r = root_.path().string();
    if (r.empty() || r.back() != '/') r += '/';
    return {{"uri", "file://" + uri_escape(r)}};
  }

  // Paths under the root are relative to SRCROOT; others are absolute file URIs.
  json artifact(const std::string& path) const {
    if (auto rel = root_.relative(path)) return {{"uri", uri_escape(*rel)}, {"uriBaseId", kRootId}};
    return {{"uri", "file://" + uri_escape(root_.absolute(path).generic_string())}};
  }

  json region(const Range& range) const {
    Location loc = to_location(range, ColumnUnit::CodePoints);
    json r = {{"startLine", std::max<uint32_t>(loc.line, 1)}, {"startColumn", std::max<uint32_t>(loc.column, 1)}};
    if (range.end > range.begin) {
      r["endLine"] = loc.end_line;
      r["endColumn"] = loc.end_column;
      // The code at fault, so a reader without the checkout sees it (bounded: a region can be a whole block).
      if (range.end - range.begin <= kMaxSnippetBytes) r["snippet"] = {{"text", mask_.source(range)}};
    }
    return r;
  }

  json physical(const Range& range) const {
    return {{"physicalLocation", {{"artifactLocation", artifact(range.file->path())}, {"region", region(range)}}}};
  }

  json rule(const RuleInfo& info) const {
    std::string summary = info.summary.empty() ? info.title : info.summary;
    return {{"id", info.id},
            {"name", info.slug},
            {"shortDescription", {{"text", sentence(info.title)}}},
            {"fullDescription", {{"text", sentence(summary)}}},
            {"help", {{"text", std::string(info.documentation)}, {"markdown", std::string(info.documentation)}}},
            {"helpUri", rule_help_uri(info)},
            {"defaultConfiguration", {{"level", level_of(info.severity)}}},
            {"properties",
             {{"tags", {"security", "serverless"}},
              {"precision", "high"},
              {"problem.severity", level_of(info.severity) == "note" ? "recommendation" : level_of(info.severity)},
              {"security-severity", security_severity(info.severity)}}}};
  }

  json fixes(const Fix& fix) const {
    std::map<std::string, json> by_file;  // artifactChanges grouped per file, in path order
    for (const auto& e : fix.edits) {
      if (!e.range.file) continue;
      json& change = by_file[e.range.file->path()];
      if (change.is_null()) change = {{"artifactLocation", artifact(e.range.file->path())}, {"replacements", json::array()}};
      change["replacements"].push_back({{"deletedRegion", region(e.range)}, {"insertedContent", {{"text", mask_.text(e.new_text)}}}});
    }
    json changes = json::array();
    for (auto& [path, change] : by_file) changes.push_back(std::move(change));
    if (changes.empty()) return json();
    return json::array({{{"description", {{"text", sentence(mask_.text(fix.description))}}}, {"artifactChanges", changes}}});
  }

  json result(const Finding& f, const std::map<std::string, size_t>& rule_index) const {
    json r;
    r["ruleId"] = f.rule_id;
    auto idx = rule_index.find(f.rule_id);
    if (idx != rule_index.end()) r["ruleIndex"] = idx->second;
    r["level"] = level_of(f.severity);
    r["message"] = {{"text", sentence(mask_.text(f.message))}};
    if (f.range.file) r["locations"] = json::array({physical(f.range)});
    json related = json::array();
    int id = 1;
    for (const auto& rel : f.related) {
      if (!rel.range.file) continue;
      json loc = physical(rel.range);
      loc["id"] = id++;
      loc["message"] = {{"text", sentence(mask_.text(rel.message))}};
      related.push_back(std::move(loc));
    }
    if (!related.empty()) r["relatedLocations"] = std::move(related);
    r["partialFingerprints"] = {{"ephemeraFingerprint/v1", f.fingerprint}};
    if (f.fix) {
      json fx = fixes(*f.fix);
      if (!fx.is_null()) r["fixes"] = std::move(fx);
    }
    if (f.suppressed) {
      std::string justification =
          f.justification.empty() ? f.suppression : mask_.text(f.justification) + " (" + f.suppression + ")";
      r["suppressions"] = json::array(
          {{{"kind", f.suppressed_in_source ? "inSource" : "external"}, {"status", "accepted"}, {"justification", justification}}});
    }
    // The severity in effect (a configuration may override the rule's): `ephemera merge` decides
    // the exit code of merged shards from it.
    json properties;
    if (!f.resource.empty()) properties["resource"] = f.resource;
    properties["severity"] = std::string(to_string(f.severity));
    r["properties"] = std::move(properties);
    return r;
  }

  json notifications(const AnalysisResult& result) const {
    json out = json::array();
    for_each_finding(result, [&](const Finding& f) {
      if (f.rule_id != "EPH000" && f.rule_id != "EPH001") return;
      json n = {{"descriptor", {{"id", f.rule_id}}},
                {"level", f.rule_id == "EPH000" ? "error" : "note"},
                {"message", {{"text", sentence(mask_.text(f.message))}}}};
      if (f.range.file) n["locations"] = json::array({physical(f.range)});
      out.push_back(std::move(n));
    });
    for (const auto& e : result.errors) {
      json n = {{"level", "error"}, {"message", {{"text", sentence(mask_.text(e.message))}}}};
      if (!e.path.empty())
        n["locations"] = json::array({{{"physicalLocation", {{"artifactLocation", artifact(e.path)}}}}});
      out.push_back(std::move(n));
    }
    return out;
  }

 private:
  SourceRoot root_;
  const SecretMask& mask_;
};

}  // namespace

void write_sarif_report(std::ostream& out, const AnalysisResult& result, const ReportOptions& options) {
  const SecretMask mask(result, options.show_secrets);
  SarifWriter w(options, mask);
  json rules = json::array();
  std::map<std::string, size_t> rule_index;
  for (const auto& entry : all_rules()) {
    rule_index[entry.info->id] = rules.size();
    rules.push_back(w.rule(*entry.info));
  }
  json invocation = {{"executionSuccessful", result.errors.empty()}};
  json notes = w.notifications(result);
  if (!notes.empty()) invocation["toolExecutionNotifications"] = std::move(notes);

  json run;
  run["tool"] = {{"driver",
                  {{"name", "ephemera"},
                   {"version", options.version},
                   {"semanticVersion", options.version},
                   {"informationUri", std::string(repository_url())},
                   {"rules", std::move(rules)}}}};
  run["invocations"] = json::array({std::move(invocation)});
  run["originalUriBaseIds"] = {{kRootId, w.root_uri()}};
  run["results"] = json::array();  // written below, a result at a time
  run["columnKind"] = "unicodeCodePoints";

  json doc;
  doc["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  doc["version"] = "2.1.0";
  doc["runs"] = json::array({std::move(run)});
  const std::string text = json_dumped(doc, 2);
  // The run's own key, 6 spaces in (rule texts are deeper, and escape their quotes).
  const std::string empty_results = "\n      \"results\": []";
  size_t at = text.find(empty_results);
  if (at == std::string::npos) throw std::logic_error("SARIF document without its results");
  at += empty_results.size() - 1;  // at the "]"
  out.write(text.data(), static_cast<std::streamsize>(at));
  // Suppressed findings are always included, marked, so code scanning can show them as dismissed.
  bool first = true;
  for_each_finding(result, [&](const Finding& f) {
    out << (first ? "\n" : ",\n");
    first = false;
    write_nested_json(out, w.result(f, rule_index), 4);
  });
  if (!first) out << "\n      ";
  out.write(text.data() + at, static_cast<std::streamsize>(text.size() - at));
  out << "\n";
}

}  // namespace eph
