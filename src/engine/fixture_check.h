#pragma once
// Checking a fixture against its inline expectations (fixture_expectations.h): anything
// found and not expected, or expected and not found, is a mismatch. Used by the built-in
// rules' fixture tests and by `ephemera test-rules` for custom rules.
#include <filesystem>
#include <string>

#include "engine/analyzer.h"

namespace eph::fixtures {

// A file that is a fixture (Terraform, templates, plan JSON, tfvars), not documentation,
// code or an expectation sidecar.
bool is_fixture_file(const std::filesystem::path& path);

struct FixtureOutcome {
  int mismatches = 0;
  std::string report;  // "ok   PATH (N expected, M found)" or "FAIL ..." and one line per mismatch
};

// Scans `fixture` (a file, or a directory analysed as one tree) with `options` and compares.
FixtureOutcome check_fixture(const std::filesystem::path& fixture, const AnalysisOptions& options);

}  // namespace eph::fixtures
