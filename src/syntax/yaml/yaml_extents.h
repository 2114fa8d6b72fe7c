#pragma once
// Where YAML nodes end. yaml-cpp marks only the first character of a node (the tag or
// anchor when there is one); these functions measure the rest from the source text.
#include <cstdint>
#include <string_view>

namespace eph::yaml {

struct Properties {
  uint32_t tag_begin = 0, tag_end = 0;  // empty when the node has no tag
  uint32_t content = 0;                 // first byte of the node's content
};

// Skips a node's properties (`!tag`, `&anchor`, in any order) starting at `at`.
Properties skip_properties(std::string_view text, uint32_t at);

// End of the scalar whose content starts at `at`; `value` is the scalar as yaml-cpp
// decoded it (used to follow folded plain scalars across lines).
uint32_t scalar_end(std::string_view text, uint32_t at, std::string_view value);

// End of a flow collection (just past its `]` or `}`), searching from `from` (the end of
// its last item, or just past its opening bracket).
uint32_t flow_collection_end(std::string_view text, uint32_t from, char closing);

// End of an alias `*name` starting at `at`.
uint32_t alias_end(std::string_view text, uint32_t at);

}  // namespace eph::yaml
