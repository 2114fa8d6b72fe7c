#include "lsp/lsp_ranges.h"

#include "lsp/json_rpc.h"

namespace eph::lsp {

LspPoint point_of(const nlohmann::json& position) {
  auto line = require_field(position, "line", nlohmann::json::value_t::number_integer).get<int64_t>();
  auto character = require_field(position, "character", nlohmann::json::value_t::number_integer).get<int64_t>();
  if (line < 0 || character < 0) throw RpcError(kInvalidParams, "a position cannot be negative");
  return {line, character};
}

bool contains(const nlohmann::json& range, LspPoint p) { return overlaps(range, p, p); }

bool overlaps(const nlohmann::json& range, LspPoint begin, LspPoint end) {
  LspPoint start{range["start"]["line"].get<int64_t>(), range["start"]["character"].get<int64_t>()};
  LspPoint stop{range["end"]["line"].get<int64_t>(), range["end"]["character"].get<int64_t>()};
  return start <= end && begin <= stop;
}

}  // namespace eph::lsp
