#include "core/source.h"

#include <algorithm>
#include <cstring>

namespace eph {
namespace {

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Width of the UTF-8 sequence starting at `c` in UTF-16 code units.
uint32_t utf16_width(unsigned char c) { return c >= 0xF0 ? 2 : 1; }

// The column (0-based, in `unit`) after the text `before` of a line.
uint32_t column_after(std::string_view before, ColumnUnit unit) {
  if (unit == ColumnUnit::Bytes) return static_cast<uint32_t>(before.size());
  uint32_t column = 0;
  for (char ch : before) {
    auto c = static_cast<unsigned char>(ch);
    if (is_continuation(c)) continue;
    column += unit == ColumnUnit::Utf16 ? utf16_width(c) : 1;
  }
  return column;
}

// The byte of `line` (with its line break) at 0-based `column0` in `unit`; past its end, its end.
uint32_t byte_at_column(std::string_view line, uint32_t column0, ColumnUnit unit) {
  auto stop = static_cast<uint32_t>(line.size());
  if (stop > 0 && line[stop - 1] == '\n') --stop;
  if (stop > 0 && line[stop - 1] == '\r') --stop;
  if (unit == ColumnUnit::Bytes) return std::min(column0, stop);
  uint32_t i = 0, column = 0;
  while (i < stop && column < column0) {
    auto c = static_cast<unsigned char>(line[i]);
    column += unit == ColumnUnit::Utf16 ? utf16_width(c) : 1;
    ++i;
    while (i < stop && is_continuation(static_cast<unsigned char>(line[i]))) ++i;
  }
  return i;
}

}  // namespace

std::atomic<size_t> SourceFile::live_text_bytes_{0};

SourceFile::SourceFile(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {
  live_text_bytes_.fetch_add(text_.size(), std::memory_order_relaxed);
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

SourceFile::SourceFile(const SourceFile& other)
    : path_(other.path_),
      text_(other.text_),
      line_starts_(other.line_starts_),
      excerpt_(other.excerpt_ ? std::make_unique<Excerpt>(*other.excerpt_) : nullptr) {
  live_text_bytes_.fetch_add(text_.size(), std::memory_order_relaxed);
}

SourceFile::SourceFile(std::string path, std::string text, std::unique_ptr<Excerpt> excerpt)
    : SourceFile(std::move(path), std::move(text)) {
  excerpt_ = std::move(excerpt);
}

SourceFile::~SourceFile() { live_text_bytes_.fetch_sub(text_.size(), std::memory_order_relaxed); }

// Line k of text_, with its line break.
static std::string_view stored_line(const std::string& text, const std::vector<uint32_t>& starts, size_t k) {
  if (k >= starts.size()) return {};
  uint32_t stop = k + 1 < starts.size() ? starts[k + 1] : static_cast<uint32_t>(text.size());
  return std::string_view(text).substr(starts[k], stop - starts[k]);
}

size_t SourceFile::excerpt_line_of(uint32_t offset) const {
  const auto& starts = excerpt_->starts;
  auto it = std::upper_bound(starts.begin(), starts.end(), offset);
  return it == starts.begin() ? 0 : static_cast<size_t>(it - starts.begin()) - 1;
}

uint32_t SourceFile::line_count() const {
  return excerpt_ ? excerpt_->original_lines : static_cast<uint32_t>(line_starts_.size());
}

LineCol SourceFile::position(uint32_t offset, ColumnUnit unit) const {
  if (excerpt_) {
    offset = std::min(offset, excerpt_->original_size);
    if (excerpt_->starts.empty()) return {1, 1};
    size_t k = excerpt_line_of(offset);
    uint32_t into = offset > excerpt_->starts[k] ? offset - excerpt_->starts[k] : 0;
    std::string_view line = stored_line(text_, line_starts_, k);
    uint32_t column = unit == ColumnUnit::Bytes ? into : column_after(line.substr(0, into), unit);
    return {excerpt_->numbers[k], column + 1};
  }
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  uint32_t line0 = static_cast<uint32_t>(it - line_starts_.begin()) - 1;
  uint32_t start = line_starts_[line0];
  return {line0 + 1, column_after(std::string_view(text_).substr(start, offset - start), unit) + 1};
}

uint32_t SourceFile::offset_of(uint32_t line0, uint32_t column0, ColumnUnit unit) const {
  if (excerpt_) {
    const auto& numbers = excerpt_->numbers;
    auto it = std::lower_bound(numbers.begin(), numbers.end(), line0 + 1);
    if (it == numbers.end() || *it != line0 + 1) return line0 + 1 > excerpt_->original_lines ? excerpt_->original_size : 0;
    auto k = static_cast<size_t>(it - numbers.begin());
    return excerpt_->starts[k] + byte_at_column(stored_line(text_, line_starts_, k), column0, unit);
  }
  if (line0 >= line_starts_.size()) return static_cast<uint32_t>(text_.size());
  return line_starts_[line0] + byte_at_column(stored_line(text_, line_starts_, line0), column0, unit);
}

std::string_view SourceFile::line_text(uint32_t line1) const {
  size_t k = line1 - 1;
  if (line1 == 0) return {};
  if (excerpt_) {
    const auto& numbers = excerpt_->numbers;
    auto it = std::lower_bound(numbers.begin(), numbers.end(), line1);
    if (it == numbers.end() || *it != line1) return {};
    k = static_cast<size_t>(it - numbers.begin());
  }
  std::string_view line = stored_line(text_, line_starts_, k);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  return line;
}

uint32_t SourceFile::line_start(uint32_t line1) const {
  if (line1 == 0) return 0;
  if (!excerpt_) return line1 <= line_starts_.size() ? line_starts_[line1 - 1] : 0;
  const auto& numbers = excerpt_->numbers;
  auto it = std::lower_bound(numbers.begin(), numbers.end(), line1);
  return it != numbers.end() && *it == line1 ? excerpt_->starts[static_cast<size_t>(it - numbers.begin())] : 0;
}

std::string_view SourceFile::slice(uint32_t begin, uint32_t end) const {
  auto size = static_cast<uint32_t>(text_.size());
  if (!excerpt_) {
    uint32_t b = std::min(begin, size);
    uint32_t e = std::min(std::max(end, b), size);
    return std::string_view(text_).substr(b, e - b);
  }
  if (excerpt_->starts.empty()) return {};
  uint32_t b = std::min(begin, excerpt_->original_size);
  uint32_t e = std::min(std::max(end, b), excerpt_->original_size);
  size_t k = excerpt_line_of(b);
  uint32_t at = line_starts_[k] + (b > excerpt_->starts[k] ? b - excerpt_->starts[k] : 0);
  at = std::min(at, size);
  return std::string_view(text_).substr(at, std::min(e - b, size - at));
}

SourceFilePtr SourceFile::excerpt(const std::vector<std::pair<uint32_t, uint32_t>>& ranges,
                                  std::vector<std::pair<uint32_t, ResourceBlock>> blocks) const {
  if (excerpt_) return std::make_shared<const SourceFile>(*this);
  auto size = static_cast<uint32_t>(text_.size());
  auto line0_of = [&](uint32_t offset) {
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), std::min(offset, size));
    return static_cast<uint32_t>(it - line_starts_.begin()) - 1;
  };
  std::vector<std::pair<uint32_t, uint32_t>> lines;  // 0-based, inclusive
  for (auto [begin, end] : ranges) lines.emplace_back(line0_of(begin), line0_of(std::max(begin, end)));
  std::sort(lines.begin(), lines.end());
  auto kept = std::make_unique<Excerpt>();
  kept->original_size = size;
  kept->original_lines = static_cast<uint32_t>(line_starts_.size());
  std::string text;
  uint32_t next = 0;  // the first line not taken yet
  for (auto [first, last] : lines) {
    for (uint32_t line0 = std::max(first, next); line0 <= last; ++line0) {
      kept->starts.push_back(line_starts_[line0]);
      kept->numbers.push_back(line0 + 1);
      text += stored_line(text_, line_starts_, line0);
    }
    next = std::max(next, last + 1);
  }
  std::stable_sort(blocks.begin(), blocks.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  blocks.erase(std::unique(blocks.begin(), blocks.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
               blocks.end());
  kept->blocks = std::move(blocks);
  return SourceFilePtr(new SourceFile(path_, std::move(text), std::move(kept)));
}

SourceFile::ExcerptParts SourceFile::excerpt_parts() const {
  ExcerptParts parts;
  parts.path = path_;
  parts.text = text_;
  if (excerpt_) {
    parts.starts = excerpt_->starts;
    parts.numbers = excerpt_->numbers;
    parts.original_size = excerpt_->original_size;
    parts.original_lines = excerpt_->original_lines;
    parts.blocks = excerpt_->blocks;
    return parts;
  }
  parts.starts = line_starts_;
  for (size_t k = 0; k < line_starts_.size(); ++k) parts.numbers.push_back(static_cast<uint32_t>(k + 1));
  parts.original_size = static_cast<uint32_t>(text_.size());
  parts.original_lines = static_cast<uint32_t>(line_starts_.size());
  return parts;
}

SourceFilePtr SourceFile::from_excerpt_parts(ExcerptParts parts) {
  auto kept = std::make_unique<Excerpt>();
  kept->starts = std::move(parts.starts);
  kept->numbers = std::move(parts.numbers);
  kept->original_size = parts.original_size;
  kept->original_lines = parts.original_lines;
  kept->blocks = std::move(parts.blocks);
  return SourceFilePtr(new SourceFile(std::move(parts.path), std::move(parts.text), std::move(kept)));
}

std::optional<ResourceBlock> SourceFile::declared_block_at(uint32_t offset) const {
  if (!excerpt_) return std::nullopt;
  const auto& blocks = excerpt_->blocks;
  auto it = std::lower_bound(blocks.begin(), blocks.end(), offset, [](const auto& b, uint32_t o) { return b.first < o; });
  if (it == blocks.end() || it->first != offset) return std::nullopt;
  return it->second;
}

std::string_view Range::text() const { return file ? file->slice(begin, end) : std::string_view(); }

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
