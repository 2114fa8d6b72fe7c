#pragma once
// The one place where LSP positions meet byte offsets. LSP counts columns in UTF-16
// code units unless the client negotiated UTF-8 (positionEncoding "utf-8").
#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "core/source.h"

namespace eph::lsp {

enum class PositionEncoding { Utf16, Utf8 };

std::string_view encoding_name(PositionEncoding e);

nlohmann::json to_lsp_position(const SourceFile& file, uint32_t offset, PositionEncoding e);
nlohmann::json to_lsp_range(const SourceFile& file, uint32_t begin, uint32_t end, PositionEncoding e);
// A Range that points nowhere becomes the start of the document.
nlohmann::json to_lsp_range(const Range& range, PositionEncoding e);

// Byte offset of an LSP Position object. A character past the end of its line means the
// line's end (as the protocol says); a line past the end of the text, a negative number
// or a malformed object is an error (nullopt, with `error` saying why).
std::optional<uint32_t> offset_of_lsp_position(const SourceFile& file, const nlohmann::json& position,
                                               PositionEncoding e, std::string& error);

}  // namespace eph::lsp
