#include "core/source.h"

#include <algorithm>
#include <cstring>

namespace eph {
namespace {

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Width of the UTF-8 sequence starting at `c` in UTF-16 code units.
uint32_t utf16_width(unsigned char c) { return c >= 0xF0 ? 2 : 1; }

}  // namespace

SourceFile::SourceFile(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {
  line_starts_.push_back(0);
  // memchr: lines average dozens of bytes, and every file read gets a line index.
  const char* begin = text_.data();
  const char* end = begin + text_.size();
  for (const char* at = begin; at < end;) {
    const void* newline = std::memchr(at, '\n', static_cast<size_t>(end - at));
    if (!newline) break;
    at = static_cast<const char*>(newline) + 1;
    line_starts_.push_back(static_cast<uint32_t>(at - begin));
  }
}

LineCol SourceFile::position(uint32_t offset, ColumnUnit unit) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  uint32_t line0 = static_cast<uint32_t>(it - line_starts_.begin()) - 1;
  uint32_t start = line_starts_[line0];
  uint32_t column = 0;
  if (unit == ColumnUnit::Bytes) {
    column = offset - start;
  } else {
    for (uint32_t i = start; i < offset; ++i) {
      unsigned char c = static_cast<unsigned char>(text_[i]);
      if (is_continuation(c)) continue;
      column += unit == ColumnUnit::Utf16 ? utf16_width(c) : 1;
    }
  }
  return {line0 + 1, column + 1};
}

uint32_t SourceFile::offset_of(uint32_t line0, uint32_t column0, ColumnUnit unit) const {
  if (line0 >= line_starts_.size()) return static_cast<uint32_t>(text_.size());
  uint32_t start = line_starts_[line0];
  uint32_t stop = line0 + 1 < line_starts_.size() ? line_starts_[line0 + 1] : static_cast<uint32_t>(text_.size());
  // A position past the end of a line means the end of that line (LSP semantics).
  if (stop > start && text_[stop - 1] == '\n') --stop;
  if (stop > start && text_[stop - 1] == '\r') --stop;
  if (unit == ColumnUnit::Bytes) return std::min(start + column0, stop);
  uint32_t i = start, column = 0;
  while (i < stop && column < column0) {
    unsigned char c = static_cast<unsigned char>(text_[i]);
    column += unit == ColumnUnit::Utf16 ? utf16_width(c) : 1;
    ++i;
    while (i < stop && is_continuation(static_cast<unsigned char>(text_[i]))) ++i;
  }
  return i;
}

std::string_view SourceFile::line_text(uint32_t line1) const {
  if (line1 == 0 || line1 > line_starts_.size()) return {};
  uint32_t start = line_starts_[line1 - 1];
  uint32_t stop = line1 < line_starts_.size() ? line_starts_[line1] : static_cast<uint32_t>(text_.size());
  std::string_view line(text_.data() + start, stop - start);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  return line;
}

std::string_view Range::text() const {
  if (!file) return {};
  const std::string& t = file->text();
  uint32_t b = std::min<uint32_t>(begin, static_cast<uint32_t>(t.size()));
  uint32_t e = std::min<uint32_t>(std::max(end, b), static_cast<uint32_t>(t.size()));
  return std::string_view(t).substr(b, e - b);
}

Location to_location(const Range& range, ColumnUnit unit) {
  Location loc;
  if (!range.file) return loc;
  loc.file = range.file->path();
  LineCol b = range.file->position(range.begin, unit);
  LineCol e = range.file->position(std::max(range.end, range.begin), unit);
  loc.line = b.line;
  loc.column = b.column;
  loc.end_line = e.line;
  loc.end_column = e.column;
  return loc;
}

}  // namespace eph
