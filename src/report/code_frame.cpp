#include "report/code_frame.h"

#include <algorithm>

namespace eph {

std::optional<CodeFrame> code_frame(const Range& range, const SecretMask& mask) {
  if (!range.file) return std::nullopt;
  Location loc = to_location(range);
  if (loc.line == 0) return std::nullopt;
  const SourceFile& file = *range.file;
  std::string_view line = file.line_text(loc.line);
  if (line.empty()) return std::nullopt;
  uint32_t line_begin = file.line_start(loc.line);  // the file may be an excerpt: offsets are the original's
  auto line_end = line_begin + static_cast<uint32_t>(line.size());
  uint32_t from = std::clamp(range.begin, line_begin, line_end);
  uint32_t to = range.end > from && range.end <= line_end ? range.end : from + 1;
  CodeFrame frame;
  frame.line = loc.line;
  bool marked = false;
  auto mark = [&](bool under, char blank) {
    frame.caret += under ? (marked ? '~' : '^') : blank;
    marked = marked || under;
  };
  std::vector<SecretMask::Cut> cuts = mask.cuts(file, line_begin, line_end);
  size_t next = 0;
  for (uint32_t at = line_begin; at < line_end;) {
    if (next < cuts.size() && cuts[next].begin == at) {
      const SecretMask::Cut& cut = cuts[next++];
      frame.text += cut.text;
      for (unsigned char c : cut.text)
        if ((c & 0xC0) != 0x80) mark(cut.begin < to && cut.end > from, ' ');
      at = cut.end;
      continue;
    }
    char c = line[at - line_begin];
    frame.text += c;
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) mark(at >= from && at < to, c == '\t' ? '\t' : ' ');
    ++at;
  }
  if (!marked) frame.caret += '^';
  while (!frame.caret.empty() && (frame.caret.back() == ' ' || frame.caret.back() == '\t')) frame.caret.pop_back();
  return frame;
}

}  // namespace eph
