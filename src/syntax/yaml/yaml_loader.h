#pragma once
// YAML with positions, built from yaml-cpp's event stream (no yaml-cpp node tree).
// yaml-cpp reports only where a node starts; the loader measures where each node ends.
// CloudFormation short-form tags become single-key maps in the long form, so the rest of
// the engine sees one representation for YAML and JSON templates:
//   !Ref X -> {Ref: X}   !Condition C -> {Condition: C}   !Sub s -> {"Fn::Sub": s}
// The key's range is the tag; the map's range covers tag and content.
// Duplicate keys are reported (last value wins, as in PyYAML); anchors and aliases work
// within a node budget; nesting is bounded. Bad input gives a Diagnostic, never a crash.
#include <cstdint>
#include <vector>

#include "core/finding.h"
#include "core/value.h"

namespace eph::yaml {

struct Limits {
  uint32_t max_depth = 256;            // nested collections; deeper values become Unknown
  uint32_t max_alias_nodes = 100000;   // nodes copied by alias expansion, over the whole document
};

struct ParseResult {
  Value value;                          // the first document; Null when empty or unreadable
  std::vector<Diagnostic> diagnostics;  // syntax errors, duplicate keys, limits hit
  bool ok() const;                      // no ParseError diagnostics
};

ParseResult parse(const SourceFile& file, Limits limits = {});

}  // namespace eph::yaml
