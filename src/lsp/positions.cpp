#include "lsp/positions.h"

namespace eph::lsp {
namespace {

ColumnUnit unit_of(PositionEncoding e) { return e == PositionEncoding::Utf8 ? ColumnUnit::Bytes : ColumnUnit::Utf16; }

bool read_index(const nlohmann::json& pos, const char* key, uint32_t& out) {
  auto it = pos.find(key);
  if (it == pos.end() || !it->is_number_integer()) return false;
  if (it->is_number_unsigned()) {
    auto v = it->get<uint64_t>();
    if (v > UINT32_MAX) return false;
    out = static_cast<uint32_t>(v);
    return true;
  }
  auto v = it->get<int64_t>();
  if (v < 0 || v > UINT32_MAX) return false;
  out = static_cast<uint32_t>(v);
  return true;
}

}  // namespace

std::string_view encoding_name(PositionEncoding e) { return e == PositionEncoding::Utf8 ? "utf-8" : "utf-16"; }

nlohmann::json to_lsp_position(const SourceFile& file, uint32_t offset, PositionEncoding e) {
  LineCol lc = file.position(offset, unit_of(e));
  return {{"line", lc.line - 1}, {"character", lc.column - 1}};
}

nlohmann::json to_lsp_range(const SourceFile& file, uint32_t begin, uint32_t end, PositionEncoding e) {
  return {{"start", to_lsp_position(file, begin, e)}, {"end", to_lsp_position(file, std::max(begin, end), e)}};
}

nlohmann::json to_lsp_range(const Range& range, PositionEncoding e) {
  if (!range.file) {
    nlohmann::json zero = {{"line", 0}, {"character", 0}};
    return {{"start", zero}, {"end", zero}};
  }
  return to_lsp_range(*range.file, range.begin, range.end, e);
}

std::optional<uint32_t> offset_of_lsp_position(const SourceFile& file, const nlohmann::json& position,
                                               PositionEncoding e, std::string& error) {
  uint32_t line = 0, character = 0;
  if (!position.is_object() || !read_index(position, "line", line) || !read_index(position, "character", character)) {
    error = "a position needs non-negative integer 'line' and 'character'";
    return std::nullopt;
  }
  if (line >= file.line_count()) {
    error = "line " + std::to_string(line) + " is past the end of the document (" + std::to_string(file.line_count()) +
            " lines)";
    return std::nullopt;
  }
  return file.offset_of(line, character, unit_of(e));
}

}  // namespace eph::lsp
