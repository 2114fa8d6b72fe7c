#pragma once
// Comparing LSP positions and ranges (line, character) as the client sent them.
#include <nlohmann/json.hpp>

#include <utility>

namespace eph::lsp {

using LspPoint = std::pair<int64_t, int64_t>;  // line, character

// InvalidParams unless `position` has non-negative integer line and character.
LspPoint point_of(const nlohmann::json& position);
// Ranges are inclusive of their end here: a cursor just after a finding still touches it.
bool contains(const nlohmann::json& range, LspPoint p);
bool overlaps(const nlohmann::json& range, LspPoint begin, LspPoint end);

}  // namespace eph::lsp
