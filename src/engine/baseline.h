#pragma once
// Baselines: today's findings recorded by fingerprint, so that a scan reports and fails
// only on findings that are new. Fingerprints ignore line numbers (see assign_fingerprints),
// so moving code up or down a file keeps its findings baselined. A baseline hashes paths
// relative to its own directory, so it holds whatever directory the scan runs from.
#include <optional>
#include <ostream>
#include <set>
#include <string>

#include "engine/analyzer.h"

namespace eph {

struct Baseline {
  std::string path;
  std::set<std::string> fingerprints;
  // Baselines written before paths were relative to the baseline's directory hashed the
  // paths as seen from the directory they were written in (usually the repository root).
  bool paths_relative_to_baseline = true;
};

// Writes the findings that are not suppressed in the source (JSON, stable order), for a
// baseline file at `baseline_path`.
void write_baseline(std::ostream& out, const AnalysisResult& result, const std::string& version,
                    const std::string& baseline_path);

// Reads a baseline written by write_baseline; false with `error` when malformed.
bool read_baseline(const std::string& path, const std::string& text, Baseline& out, std::string& error);

// Marks findings recorded in the baseline as suppressed (externally); returns how many.
size_t apply_baseline(const Baseline& baseline, AnalysisResult& result);

// What to tell the user when a baseline that records findings matched none of them in a
// whole scan (`matched` from apply_baseline); nothing otherwise.
std::optional<std::string> unmatched_baseline_warning(const Baseline& baseline, size_t matched);

}  // namespace eph
