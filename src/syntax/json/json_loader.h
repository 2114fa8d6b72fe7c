#pragma once
// JSON with positions: every value (and every object key) knows its byte range.
// Used for CloudFormation JSON templates, .tf.json, plan JSON, and policy documents
// written as JSON strings. Depth and size are bounded (EPH001 / EPH000, never a crash).
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "core/value.h"

namespace eph::json {

struct Limits {
  uint32_t max_depth = 512;
};

struct ParseResult {
  Value value;                          // Null when the text is not JSON
  std::vector<Diagnostic> diagnostics;  // syntax errors (with position), duplicate keys, limits hit
  bool ok() const;                      // no ParseError diagnostics
};

// Parses the bytes [begin, end) of `file` (the whole file by default). Values' `where`
// ranges point into `file`; string values cover the literal including its quotes.
ParseResult parse(const SourceFile& file, uint32_t begin = 0, uint32_t end = UINT32_MAX, Limits limits = {});

// Parses text that does not stand verbatim in a file (an evaluated string): every
// position is `fallback`, the place the text came from.
ParseResult parse_text(std::string_view text, Range fallback, Limits limits = {});

}  // namespace eph::json
