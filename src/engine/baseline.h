#pragma once
// Baselines: today's findings recorded by fingerprint, so that a scan reports and fails
// only on findings that are new. Fingerprints ignore line numbers (see assign_fingerprints),
// so moving code up or down a file keeps its findings baselined.
#include <ostream>
#include <set>
#include <string>

#include "engine/analyzer.h"

namespace eph {

struct Baseline {
  std::string path;
  std::set<std::string> fingerprints;
};

// Writes the findings that are not suppressed in the source (JSON, stable order).
void write_baseline(std::ostream& out, const AnalysisResult& result, const std::string& version);

// Reads a baseline written by write_baseline; false with `error` when malformed.
bool read_baseline(const std::string& path, const std::string& text, Baseline& out, std::string& error);

// Marks findings whose fingerprint is in the baseline as suppressed (externally); returns how many.
size_t apply_baseline(const Baseline& baseline, AnalysisResult& result);

}  // namespace eph
