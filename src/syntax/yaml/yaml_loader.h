#pragma once
// The one YAML reader: templates, `.ephemera.yaml` and Terraform's `yamldecode` all load
// through it, so all three have the same limits (size, depth, alias expansion).
// YAML with positions, built from a parser's event stream (no parser's node tree).
// libyaml decides what is YAML, and where it accepts a text its events build the tree
// (libyaml_events.h). yaml-cpp reads a text too where libyaml rejects it (the error is
// yaml-cpp's, as it always was), where collections nest 64 deep or more (yaml-cpp's own depth
// guard keeps its verdict) and where a node is written as nothing (`a:` or `- ` alone: the two
// parsers can place it at different bytes, and yaml-cpp's place is kept); there the loader is what it was
// before: yaml-cpp's tree where both parsers read the same values (event_digest.h), libyaml's
// where yaml-cpp 0.7 rejects valid YAML or misreads a value. Parsers report only where a node
// starts; the loader measures where each node ends.
// CloudFormation short-form tags become single-key maps in the long form, so the rest of
// the engine sees one representation for YAML and JSON templates:
//   !Ref X -> {Ref: X}   !Condition C -> {Condition: C}   !Sub s -> {"Fn::Sub": s}
// The key's range is the tag; the map's range covers tag and content.
// Duplicate keys are reported (last value wins, as in PyYAML); anchors and aliases work
// within a node budget; nesting is bounded. Bad input gives a Diagnostic, never a crash.
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "core/value.h"

namespace eph::yaml {

struct Limits {
  uint32_t max_depth = 256;            // nested collections; deeper values become Unknown
  uint32_t max_alias_nodes = 100000;   // nodes copied by alias expansion, over the whole document
  uint32_t max_bytes = UINT32_MAX;     // a longer text is not read at all (LimitReached)
  bool cloudformation_tags = true;     // `!Ref X` -> {Ref: X}; off: a local tag is ignored
};

struct ParseResult {
  Value value;                          // the first document; Null when empty or unreadable
  std::vector<Diagnostic> diagnostics;  // syntax errors, duplicate keys, limits hit
  bool ok() const;                      // no ParseError diagnostics
};

// The whole file, or the bytes [begin, end) of it (a document written inside another
// file); ranges point into `file`.
ParseResult parse(const SourceFile& file, Limits limits = {});
ParseResult parse(const SourceFile& file, uint32_t begin, uint32_t end, Limits limits = {});

// Text that does not stand verbatim in a file (an evaluated string): every range is
// `fallback`, the place the text came from.
ParseResult parse_text(std::string_view text, Range fallback, Limits limits = {});

// The tree built from libyaml's events alone, whatever yaml-cpp says: for the tests that
// hold it to the same trees and ranges as yaml-cpp's where both read the text.
ParseResult parse_with_libyaml(const SourceFile& file, Limits limits = {});

// What parse() returned when yaml-cpp read every text as well (the paragraph above): for the
// test that holds parse() to the same trees, ranges and diagnostics on real and damaged files.
ParseResult parse_with_yaml_cpp_too(const SourceFile& file, Limits limits = {});

}  // namespace eph::yaml
