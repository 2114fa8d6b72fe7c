#include "engine/baseline.h"

#include <filesystem>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;

namespace eph {
namespace {

constexpr std::string_view kPathsRelativeToBaseline = "relative-to-baseline";

fs::path absolute_normal(const fs::path& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  return (ec ? p : abs).lexically_normal();
}

// Maps a finding's path (as the scan saw it: relative to the working directory, or
// absolute) to a path relative to the baseline's directory.
struct RelativeToBaseline {
  fs::path dir;
  explicit RelativeToBaseline(const std::string& baseline_path)
      : dir(absolute_normal(baseline_path).parent_path()) {}
  std::string operator()(std::string_view path) const {
    if (path.empty()) return {};
    return absolute_normal(fs::path(path)).lexically_relative(dir).generic_string();
  }
};

}  // namespace

void write_baseline(std::ostream& out, const AnalysisResult& result, const std::string& version,
                    const std::string& baseline_path) {
  RelativeToBaseline relative(baseline_path);
  std::vector<std::string> fingerprints = fingerprints_of(result.findings, relative);
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (size_t i = 0; i < result.findings.size(); ++i) {
    const Finding& f = result.findings[i];
    if (f.suppressed && f.suppressed_in_source) continue;
    Location loc = to_location(f.range);
    // Only the fingerprint is matched; the rest helps a reviewer read the file.
    findings.push_back({{"fingerprint", fingerprints[i]},
                        {"rule", f.rule_id},
                        {"file", relative(loc.file)},
                        {"line", loc.line},
                        {"resource", f.resource},
                        {"message", f.message}});
  }
  nlohmann::ordered_json doc;
  doc["tool"] = "ephemera";
  doc["version"] = version;
  doc["kind"] = "baseline";
  doc["paths"] = kPathsRelativeToBaseline;
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
  out.paths_relative_to_baseline = doc.value("paths", "") == kPathsRelativeToBaseline;
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
  std::vector<std::string> keys = fingerprints_of(result.findings, RelativeToBaseline(baseline.path));
  size_t matched = 0;
  for (size_t i = 0; i < result.findings.size(); ++i) {
    Finding& f = result.findings[i];
    if (f.suppressed) continue;
    // An old baseline holds paths as seen from where it was written: the baseline's own
    // directory in the usual case (matched from anywhere), else the working directory.
    bool recorded = baseline.fingerprints.count(keys[i]) ||
                    (!baseline.paths_relative_to_baseline && baseline.fingerprints.count(f.fingerprint));
    if (!recorded) continue;
    f.suppressed = true;
    f.suppressed_in_source = false;
    f.suppression = "baseline " + baseline.path;
    f.justification = "present when the baseline was recorded";
    ++matched;
  }
  result.suppressed += matched;
  return matched;
}

std::optional<std::string> unmatched_baseline_warning(const Baseline& baseline, size_t matched) {
  if (matched > 0 || baseline.fingerprints.empty()) return std::nullopt;
  size_t n = baseline.fingerprints.size();
  std::string warning = "baseline " + baseline.path + " matched none of its " + std::to_string(n) +
                        (n == 1 ? " finding" : " findings") +
                        ": they were fixed, or it was recorded for other files; rewrite it with --write-baseline";
  if (!baseline.paths_relative_to_baseline)
    warning += " (it was written by an older ephemera, with paths relative to the directory it was written from)";
  return warning;
}

}  // namespace eph
