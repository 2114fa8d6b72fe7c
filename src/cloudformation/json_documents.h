#pragma once
// Strings that hold a JSON document: policies written as JSON text (a literal, or an Fn::Sub
// template), state machine definitions, event patterns. The decoded document goes into the
// string's `decoded`, every position the string's own (the text does not stand verbatim in
// the file). Pieces of an Fn::Sub that are unknown stay Unknown inside the document.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"

namespace eph::cloudformation {

struct DocumentHole {
  std::string name;     // the ${name} it was written as
  const Value* value;   // what it evaluated to (unknown), for provenance
};

// The marker standing for hole `index` in the text given to decode_json_document.
std::string hole_marker(size_t index);

// True when `text` may be a JSON object (cheap test, run on every string).
bool may_hold_json_document(std::string_view text);

// Null when `text` is not a JSON object.
std::shared_ptr<const Value> decode_json_document(std::string_view text, Range where,
                                                  const std::vector<DocumentHole>& holes = {});

}  // namespace eph::cloudformation
