#include "report/report_merge.h"

#include "core/message_shape.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace eph {
namespace {

using json = nlohmann::ordered_json;

// Where a finding is and what it says, read from either format.
struct Place {
  std::string file;
  int64_t line = 0, column = 0, end_line = 0, end_column = 0;
  std::string rule, message, resource;
  bool suppressed = false;
  Severity severity = Severity::Medium;
};

// The message without the names of the resource that reached it (core/message_shape.h).
std::string message_shape(const Place& p) { return eph::message_shape(p.message, p.resource); }

bool same_place(const Place& a, const Place& b) {
  return std::tie(a.file, a.line, a.column, a.end_line, a.end_column, a.rule) ==
             std::tie(b.file, b.line, b.column, b.end_line, b.end_column, b.rule) &&
         (a.message == b.message || message_shape(a) == message_shape(b));
}

// The scan's order: file, position, rule, then the message (its shape first).
bool before(const Place& a, const Place& b) {
  auto ka = std::tie(a.file, a.line, a.column, a.end_line, a.end_column, a.rule);
  auto kb = std::tie(b.file, b.line, b.column, b.end_line, b.end_column, b.rule);
  if (ka != kb) return ka < kb;
  if (a.message == b.message) return false;
  std::string sa = message_shape(a), sb = message_shape(b);
  return sa != sb ? sa < sb : a.message < b.message;
}

Severity severity_of_level(const std::string& level) {
  if (level == "error") return Severity::High;
  if (level == "note") return Severity::Low;
  return Severity::Medium;
}

Place json_place(const json& f) {
  Place p;
  p.file = f.value("file", "");
  p.line = f.value("line", int64_t{0});
  p.column = f.value("column", int64_t{0});
  p.end_line = f.value("end_line", int64_t{0});
  p.end_column = f.value("end_column", int64_t{0});
  p.rule = f.value("rule", "");
  p.message = f.value("message", "");
  p.resource = f.value("resource", "");
  p.suppressed = f.contains("suppressed");
  p.severity = parse_severity(f.value("severity", "medium")).value_or(Severity::Medium);
  return p;
}

Place sarif_place(const json& r) {
  Place p;
  p.rule = r.value("ruleId", "");
  if (auto m = r.find("message"); m != r.end() && m->is_object()) p.message = m->value("text", "");
  // SARIF messages are sentences: the period the report added would change their order.
  if (!p.message.empty() && p.message.back() == '.') p.message.pop_back();
  if (auto l = r.find("locations"); l != r.end() && l->is_array() && !l->empty()) {
    const json& physical = (*l)[0].value("physicalLocation", json::object());
    p.file = physical.value("artifactLocation", json::object()).value("uri", "");
    const json& region = physical.value("region", json::object());
    p.line = region.value("startLine", int64_t{0});
    p.column = region.value("startColumn", int64_t{0});
    p.end_line = region.value("endLine", p.line);
    p.end_column = region.value("endColumn", p.column);
  }
  const json& properties = r.value("properties", json::object());
  p.resource = properties.value("resource", "");
  std::string severity = properties.value("severity", "");
  p.severity = parse_severity(severity).value_or(severity_of_level(r.value("level", "warning")));
  p.suppressed = r.contains("suppressions") && !r["suppressions"].empty();
  return p;
}

// Sorts `items` into the scan's order and keeps one of each place (the most severe; not
// suppressed when any of them was not).
void order_and_merge(std::vector<json>& items, Place (*place_of)(const json&), void (*unsuppress)(json&)) {
  std::vector<std::pair<Place, json>> all;
  for (auto& item : items) all.emplace_back(place_of(item), std::move(item));
  std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return before(a.first, b.first); });
  items.clear();
  for (size_t i = 0; i < all.size();) {
    size_t j = i + 1;
    while (j < all.size() && same_place(all[i].first, all[j].first)) ++j;
    size_t keep = i;
    bool any_active = false;
    for (size_t k = i; k < j; ++k) {
      if (all[k].first.severity > all[keep].first.severity) keep = k;
      any_active = any_active || !all[k].first.suppressed;
    }
    if (any_active && all[keep].first.suppressed) unsuppress(all[keep].second);
    items.push_back(std::move(all[keep].second));
    i = j;
  }
}

}  // namespace

std::optional<MergedFormat> report_format_of(const json& doc) {
  if (!doc.is_object()) return std::nullopt;
  if (doc.value("tool", "") == "ephemera" && doc.contains("findings") && doc["findings"].is_array()) return MergedFormat::Json;
  if (doc.value("version", "") == "2.1.0" && doc.contains("runs") && doc["runs"].is_array() && doc["runs"].size() == 1)
    return MergedFormat::Sarif;
  return std::nullopt;
}

json merge_json_reports(const std::vector<json>& docs) {
  json merged = docs.empty() ? json::object() : docs.front();
  std::vector<json> findings, errors;
  std::vector<std::string> warnings;
  uint64_t files = 0;
  for (const auto& doc : docs) {
    for (const auto& f : doc.value("findings", json::array())) findings.push_back(f);
    // Every shard discovers the whole tree: a path it could not read is reported by each.
    for (const auto& e : doc.value("errors", json::array()))
      if (std::find(errors.begin(), errors.end(), e) == errors.end()) errors.push_back(e);
    for (const auto& w : doc.value("warnings", json::array()))
      if (std::find(warnings.begin(), warnings.end(), w.get<std::string>()) == warnings.end())
        warnings.push_back(w.get<std::string>());
    files += doc.value("summary", json::object()).value("files", uint64_t{0});
  }
  // Suppressed findings are in a report only with --show-suppressed: the count comes from the summaries.
  uint64_t suppressed = 0;
  for (const auto& doc : docs) suppressed += doc.value("summary", json::object()).value("suppressed", uint64_t{0});
  order_and_merge(findings, json_place, [](json& f) {
    f.erase("suppressed");
    f.erase("justification");
  });
  uint64_t active = 0, shown_suppressed = 0;
  for (const auto& f : findings) (f.contains("suppressed") ? shown_suppressed : active) += 1;
  merged["findings"] = json(findings);
  merged["errors"] = json(errors);
  if (!warnings.empty()) merged["warnings"] = warnings;
  else merged.erase("warnings");
  json summary = merged.value("summary", json::object());
  summary["files"] = files;
  summary["findings"] = active;
  summary["suppressed"] = std::max<uint64_t>(suppressed, shown_suppressed);
  merged.erase("summary");  // last, as the scan writes it
  merged["summary"] = std::move(summary);
  return merged;
}

json merge_sarif_reports(const std::vector<json>& docs) {
  json merged = docs.empty() ? json::object() : docs.front();
  std::vector<json> results, finding_notes, error_notes;
  bool successful = true;
  for (const auto& doc : docs) {
    const json& run = doc["runs"][0];
    for (const auto& r : run.value("results", json::array())) results.push_back(r);
    for (const auto& invocation : run.value("invocations", json::array())) {
      successful = successful && invocation.value("executionSuccessful", true);
      for (const auto& n : invocation.value("toolExecutionNotifications", json::array()))
        if (n.contains("descriptor")) finding_notes.push_back(n);
        else if (std::find(error_notes.begin(), error_notes.end(), n) == error_notes.end()) error_notes.push_back(n);
    }
  }
  order_and_merge(results, sarif_place, [](json& r) { r.erase("suppressions"); });
  // Notifications about findings (EPH000, EPH001) in the findings' order, then the errors.
  std::vector<json> notes = finding_notes;
  order_and_merge(notes, [](const json& n) {
    Place p = sarif_place(n);
    p.rule = n.value("descriptor", json::object()).value("id", "");
    return p;
  }, [](json&) {});
  for (auto& n : error_notes) notes.push_back(std::move(n));
  json& run = merged["runs"][0];
  run["results"] = json(results);
  json invocation = {{"executionSuccessful", successful}};
  if (!notes.empty()) invocation["toolExecutionNotifications"] = json(notes);
  run["invocations"] = json::array({std::move(invocation)});
  return merged;
}

ScanVerdict merged_verdict(const json& merged, MergedFormat format, std::optional<Severity> fail_on) {
  std::vector<Place> places;
  if (format == MergedFormat::Json) {
    if (!merged.value("errors", json::array()).empty()) return ScanVerdict::Error;
    for (const auto& f : merged.value("findings", json::array())) places.push_back(json_place(f));
  } else {
    const json& run = merged["runs"][0];
    for (const auto& invocation : run.value("invocations", json::array()))
      if (!invocation.value("executionSuccessful", true)) return ScanVerdict::Error;
    for (const auto& r : run.value("results", json::array())) places.push_back(sarif_place(r));
  }
  if (!fail_on) return ScanVerdict::Clean;
  for (const auto& p : places) {
    if (p.suppressed) continue;
    if (p.severity >= *fail_on || p.rule == "EPH000") return ScanVerdict::Findings;
  }
  return ScanVerdict::Clean;
}

}  // namespace eph
