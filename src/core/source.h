#pragma once
// Source files and byte ranges. Everything inside the engine speaks byte offsets;
// line/column conversions (1-based code points for the CLI and SARIF, UTF-16 for LSP)
// happen here, in one place.
#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eph {

struct LineCol {
  uint32_t line = 0;    // 1-based
  uint32_t column = 0;  // 1-based, in the unit the caller asked for
};

enum class ColumnUnit { Bytes, CodePoints, Utf16 };

// The resource whose declaration encloses a position, as a reader sees it (each format reads
// it: SourceFormat::declared_resource_at).
struct ResourceBlock {
  std::string kind;   // "aws_subnet", "data.aws_iam_policy_document", "AWS::SQS::Queue"; empty: none
  uint32_t line = 0;  // where the block starts (its header or logical id); 0: in no block
};

class SourceFile;
using SourceFilePtr = std::shared_ptr<const SourceFile>;

class SourceFile {
 public:
  SourceFile(std::string path, std::string text);
  SourceFile(const SourceFile& other);
  ~SourceFile();
  SourceFile& operator=(const SourceFile&) = delete;

  const std::string& path() const { return path_; }
  // The whole text; an excerpt's holds only its lines, one after the other: read an excerpt
  // through slice(), line_text() and position(), which take the original offsets.
  const std::string& text() const { return text_; }
  // Bytes [begin, end) of the original text (clamped; in an excerpt, within its lines).
  std::string_view slice(uint32_t begin, uint32_t end) const;
  // Offset in the original text where a 1-based line starts (a line an excerpt lacks: 0).
  uint32_t line_start(uint32_t line1) const;

  // What a report still needs of a file once its unit is done: the whole lines that hold
  // `ranges` (byte ranges of this file), at their original offsets and line numbers, and
  // `blocks` (resource blocks the format read at given offsets, from the whole text). Range
  // texts, line texts and positions inside those lines are those of the whole file.
  SourceFilePtr excerpt(const std::vector<std::pair<uint32_t, uint32_t>>& ranges,
                        std::vector<std::pair<uint32_t, ResourceBlock>> blocks) const;
  bool is_excerpt() const { return excerpt_ != nullptr; }
  // What an excerpt is made of, to write it out and make it again in this same process (a scan
  // keeps excerpts on disk beside its findings: engine/finding_spill.h).
  struct ExcerptParts {
    std::string path, text;
    std::vector<uint32_t> starts, numbers;
    uint32_t original_size = 0, original_lines = 0;
    std::vector<std::pair<uint32_t, ResourceBlock>> blocks;
  };
  ExcerptParts excerpt_parts() const;  // of a whole file: its path and text, one line per line
  static SourceFilePtr from_excerpt_parts(ExcerptParts parts);
  // An excerpt's resource block read at `offset` when it was made; nothing otherwise.
  std::optional<ResourceBlock> declared_block_at(uint32_t offset) const;

  // Bytes of text held by every SourceFile alive in the process: tests see files released.
  static size_t live_text_bytes() { return live_text_bytes_.load(std::memory_order_relaxed); }

  // 1-based line and column of a byte offset (clamped to the text).
  LineCol position(uint32_t offset, ColumnUnit unit = ColumnUnit::CodePoints) const;
  // Byte offset of a 0-based line and a column in `unit` units (0-based); clamped.
  uint32_t offset_of(uint32_t line0, uint32_t column0, ColumnUnit unit) const;
  std::string_view line_text(uint32_t line1) const;  // without the line break
  uint32_t line_count() const;

 private:
  // Where an excerpt's lines came from: line k of text_ (at line_starts_[k]) is line
  // `numbers[k]` of the original, which started at offset `starts[k]`.
  struct Excerpt {
    std::vector<uint32_t> starts, numbers;
    uint32_t original_size = 0, original_lines = 0;
    std::vector<std::pair<uint32_t, ResourceBlock>> blocks;  // by offset
  };
  SourceFile(std::string path, std::string text, std::unique_ptr<Excerpt> excerpt);
  // The excerpt's line holding original offset `offset` (the nearest before it when absent).
  size_t excerpt_line_of(uint32_t offset) const;

  std::string path_;
  std::string text_;
  std::vector<uint32_t> line_starts_;
  std::unique_ptr<Excerpt> excerpt_;
  static std::atomic<size_t> live_text_bytes_;
};

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
