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

std::shared_ptr<const SourceFile> SourceFile::excerpt(const SourceFile& whole,
                                                     std::vector<std::pair<uint32_t, uint32_t>> ranges) {
  // The lines each range spans, merged where they touch.
  auto line_of = [&](uint32_t offset) { return whole.position(offset, ColumnUnit::Bytes).line - 1; };
  std::vector<std::pair<uint32_t, uint32_t>> lines;
  for (auto [b, e] : ranges) {
    uint32_t first = line_of(b), last = line_of(e > b ? e - 1 : b);
    lines.emplace_back(first, std::max(first, last));
  }
  std::sort(lines.begin(), lines.end());
  std::shared_ptr<SourceFile> out(new SourceFile());
  out->path_ = whole.path_;
  out->whole_size_ = whole.size();
  out->whole_lines_ = whole.line_count();
  for (size_t i = 0; i < lines.size();) {
    auto [first, last] = lines[i];
    for (++i; i < lines.size() && lines[i].first <= last + 1; ++i) last = std::max(last, lines[i].second);
    uint32_t begin = whole.line_start(first + 1);
    uint32_t end = last + 1 < whole.line_count() ? whole.line_start(last + 2) : whole.size();
    Piece piece{begin, static_cast<uint32_t>(out->text_.size()), end - begin, static_cast<uint32_t>(out->line_starts_.size())};
    out->text_ += whole.slice(begin, end);
    for (uint32_t line = first; line <= last; ++line) {
      out->line_starts_.push_back(whole.line_start(line + 1));
      out->line_numbers_.push_back(line);
    }
    out->pieces_.push_back(piece);
  }
  if (out->pieces_.empty()) out->pieces_.push_back(Piece{});  // nothing kept: an empty excerpt
  if (out->line_starts_.empty()) {
    out->line_starts_.push_back(0);
    out->line_numbers_.push_back(0);
  }
  return out;
}

const SourceFile::Piece& SourceFile::piece_at(uint32_t offset) const {
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), offset, [](uint32_t o, const Piece& p) { return o < p.begin; });
  return it == pieces_.begin() ? *it : *(it - 1);
}

std::string_view SourceFile::slice(uint32_t begin, uint32_t end) const {
  if (pieces_.empty()) {
    uint32_t b = std::min<uint32_t>(begin, static_cast<uint32_t>(text_.size()));
    uint32_t e = std::min<uint32_t>(std::max(end, b), static_cast<uint32_t>(text_.size()));
    return std::string_view(text_).substr(b, e - b);
  }
  const Piece& p = piece_at(begin);
  uint32_t b = std::clamp(begin, p.begin, p.begin + p.size);
  uint32_t e = std::clamp(std::max(end, b), b, p.begin + p.size);
  return std::string_view(text_).substr(p.at + (b - p.begin), e - b);
}

bool SourceFile::line_view(uint32_t line0, uint32_t& start, std::string_view& text) const {
  if (pieces_.empty()) {
    if (line0 >= line_starts_.size()) return false;
    start = line_starts_[line0];
    uint32_t stop = line0 + 1 < line_starts_.size() ? line_starts_[line0 + 1] : static_cast<uint32_t>(text_.size());
    text = std::string_view(text_).substr(start, stop - start);
    return true;
  }
  auto it = std::lower_bound(line_numbers_.begin(), line_numbers_.end(), line0);
  if (it == line_numbers_.end() || *it != line0) return false;
  size_t index = static_cast<size_t>(it - line_numbers_.begin());
  start = line_starts_[index];
  const Piece& p = piece_at(start);
  uint32_t stop = index + 1 < line_numbers_.size() && line_numbers_[index + 1] == line0 + 1 ? line_starts_[index + 1]
                                                                                           : p.begin + p.size;
  text = slice(start, stop);
  return true;
}

LineCol SourceFile::position(uint32_t offset, ColumnUnit unit) const {
  uint32_t line0 = 0;
  if (pieces_.empty()) {
    offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    line0 = static_cast<uint32_t>(it - line_starts_.begin()) - 1;
  } else {
    const Piece& p = piece_at(offset);
    offset = std::clamp(offset, p.begin, p.begin + p.size);
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    size_t index = it == line_starts_.begin() ? 0 : static_cast<size_t>(it - line_starts_.begin()) - 1;
    line0 = line_numbers_[index];
  }
  uint32_t start = 0;
  std::string_view line;
  if (!line_view(line0, start, line)) return {line0 + 1, 1};
  uint32_t column = 0;
  if (unit == ColumnUnit::Bytes) {
    column = offset - start;
  } else {
    for (unsigned char c : line.substr(0, offset - start)) {
      if (is_continuation(c)) continue;
      column += unit == ColumnUnit::Utf16 ? utf16_width(c) : 1;
    }
  }
  return {line0 + 1, column + 1};
}

uint32_t SourceFile::offset_of(uint32_t line0, uint32_t column0, ColumnUnit unit) const {
  uint32_t start = 0;
  std::string_view line;
  if (!line_view(line0, start, line)) return size();
  // A position past the end of a line means the end of that line (LSP semantics).
  if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  auto stop = static_cast<uint32_t>(line.size());
  if (unit == ColumnUnit::Bytes) return start + std::min(column0, stop);
  uint32_t i = 0, column = 0;
  while (i < stop && column < column0) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    column += unit == ColumnUnit::Utf16 ? utf16_width(c) : 1;
    ++i;
    while (i < stop && is_continuation(static_cast<unsigned char>(line[i]))) ++i;
  }
  return start + i;
}

std::string_view SourceFile::line_text(uint32_t line1) const {
  uint32_t start = 0;
  std::string_view line;
  if (line1 == 0 || !line_view(line1 - 1, start, line)) return {};
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  return line;
}

uint32_t SourceFile::line_start(uint32_t line1) const {
  uint32_t start = 0;
  std::string_view line;
  if (line1 == 0) return 0;
  return line_view(line1 - 1, start, line) ? start : size();
}

std::string_view Range::text() const {
  if (!file) return {};
  return file->slice(begin, end);
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
