#pragma once
// The parse-only baseline: each file through its parser (tree-sitter for HCL, yaml-cpp for
// YAML, the JSON parser for JSON) and nothing else. A full scan is measured against it.
#include <string>
#include <vector>

namespace eph::bench {

struct ParseOnlyResult {
  size_t files = 0;
  size_t bytes = 0;
  size_t failures = 0;  // files the parser rejected (still timed)
};

ParseOnlyResult parse_only(const std::vector<std::string>& files);

}  // namespace eph::bench
