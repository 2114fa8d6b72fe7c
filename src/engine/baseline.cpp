#include "engine/baseline.h"

#include <nlohmann/json.hpp>

namespace eph {

void write_baseline(std::ostream& out, const AnalysisResult& result, const std::string& version) {
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const auto& f : result.findings) {
    if (f.suppressed && f.suppressed_in_source) continue;
    Location loc = to_location(f.range);
    // Only the fingerprint is matched; the rest helps a reviewer read the file.
    findings.push_back({{"fingerprint", f.fingerprint},
                        {"rule", f.rule_id},
                        {"file", loc.file},
                        {"line", loc.line},
                        {"resource", f.resource},
                        {"message", f.message}});
  }
  nlohmann::ordered_json doc;
  doc["tool"] = "ephemera";
  doc["version"] = version;
  doc["kind"] = "baseline";
  doc["findings"] = std::move(findings);
  out << doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

bool read_baseline(const std::string& path, const std::string& text, Baseline& out, std::string& error) {
  out.path = path;
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    error = path + ": not a JSON document";
    return false;
  }
  if (!doc.is_object() || doc.value("kind", "") != "baseline" || !doc.contains("findings") ||
      !doc["findings"].is_array()) {
    error = path + ": not an ephemera baseline (write one with --write-baseline)";
    return false;
  }
  for (const auto& f : doc["findings"]) {
    if (!f.is_object() || !f.contains("fingerprint") || !f["fingerprint"].is_string()) {
      error = path + ": a finding without a fingerprint";
      return false;
    }
    out.fingerprints.insert(f["fingerprint"].get<std::string>());
  }
  return true;
}

size_t apply_baseline(const Baseline& baseline, AnalysisResult& result) {
  size_t matched = 0;
  for (auto& f : result.findings) {
    if (f.suppressed || !baseline.fingerprints.count(f.fingerprint)) continue;
    f.suppressed = true;
    f.suppressed_in_source = false;
    f.suppression = "baseline " + baseline.path;
    f.justification = "present when the baseline was recorded";
    ++matched;
  }
  result.suppressed += matched;
  return matched;
}

}  // namespace eph
