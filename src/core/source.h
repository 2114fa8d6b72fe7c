#pragma once
// Source files and byte ranges. Everything inside the engine speaks byte offsets;
// line/column conversions (1-based code points for the CLI and SARIF, UTF-16 for LSP)
// happen here, in one place.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace eph {

struct LineCol {
  uint32_t line = 0;    // 1-based
  uint32_t column = 0;  // 1-based, in the unit the caller asked for
};

enum class ColumnUnit { Bytes, CodePoints, Utf16 };

class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }

  // 1-based line and column of a byte offset (clamped to the text).
  LineCol position(uint32_t offset, ColumnUnit unit = ColumnUnit::CodePoints) const;
  // Byte offset of a 0-based line and a column in `unit` units (0-based); clamped.
  uint32_t offset_of(uint32_t line0, uint32_t column0, ColumnUnit unit) const;
  std::string_view line_text(uint32_t line1) const;  // without the line break
  uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }

 private:
  std::string path_;
  std::string text_;
  std::vector<uint32_t> line_starts_;
};

using SourceFilePtr = std::shared_ptr<const SourceFile>;

// A half-open byte range [begin, end) in one file. A default Range points nowhere.
struct Range {
  const SourceFile* file = nullptr;
  uint32_t begin = 0;
  uint32_t end = 0;

  bool valid() const { return file != nullptr; }
  std::string_view text() const;
};

// A range resolved for output: what reporters and the LSP see.
struct Location {
  std::string file;
  uint32_t line = 0, column = 0, end_line = 0, end_column = 0;  // 1-based
};
Location to_location(const Range& range, ColumnUnit unit = ColumnUnit::CodePoints);

}  // namespace eph
