#pragma once
// Source files and byte ranges. Everything inside the engine speaks byte offsets;
// line/column conversions (1-based code points for the CLI and SARIF, UTF-16 for LSP)
// happen here, in one place.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
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

  // What a report still needs of `whole` once its unit is analysed: the lines that hold
  // `ranges` (byte ranges of `whole`), and nothing else. Offsets, lines and columns inside
  // those lines are those of `whole`; elsewhere they are clamped to the nearest kept line.
  static std::shared_ptr<const SourceFile> excerpt(const SourceFile& whole,
                                                   std::vector<std::pair<uint32_t, uint32_t>> ranges);

  const std::string& path() const { return path_; }
  // The whole text; of an excerpt, only its kept lines one after the other (use slice()).
  const std::string& text() const { return text_; }
  bool is_excerpt() const { return !pieces_.empty(); }
  // The text of [begin, end), clamped to the file (to a kept line of an excerpt).
  std::string_view slice(uint32_t begin, uint32_t end) const;

  // 1-based line and column of a byte offset (clamped to the text).
  LineCol position(uint32_t offset, ColumnUnit unit = ColumnUnit::CodePoints) const;
  // Byte offset of a 0-based line and a column in `unit` units (0-based); clamped.
  uint32_t offset_of(uint32_t line0, uint32_t column0, ColumnUnit unit) const;
  std::string_view line_text(uint32_t line1) const;  // without the line break
  // Byte offset where a 1-based line starts (clamped).
  uint32_t line_start(uint32_t line1) const;
  uint32_t line_count() const { return pieces_.empty() ? static_cast<uint32_t>(line_starts_.size()) : whole_lines_; }

 private:
  SourceFile() = default;
  // Excerpt: the piece of kept lines holding `offset`, or the nearest one.
  struct Piece {
    uint32_t begin = 0;  // offset in the whole file
    uint32_t at = 0;     // offset in text_
    uint32_t size = 0;
    uint32_t first_line = 0;  // index in line_starts_ of the piece's first line
  };
  const Piece& piece_at(uint32_t offset) const;
  // The 0-based line `line0`: where it starts and its text with its line break. False when an
  // excerpt does not keep it.
  bool line_view(uint32_t line0, uint32_t& start, std::string_view& text) const;
  uint32_t size() const { return pieces_.empty() ? static_cast<uint32_t>(text_.size()) : whole_size_; }

  std::string path_;
  std::string text_;
  std::vector<uint32_t> line_starts_;  // offsets in the whole file; of an excerpt, of the kept lines only
  std::vector<uint32_t> line_numbers_;  // excerpt: the 0-based line number of each entry of line_starts_
  std::vector<Piece> pieces_;           // excerpt: sorted by begin
  uint32_t whole_size_ = 0;
  uint32_t whole_lines_ = 0;
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
