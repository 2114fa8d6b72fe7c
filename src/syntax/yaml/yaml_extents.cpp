#include "syntax/yaml/yaml_extents.h"

namespace eph::yaml {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_break(char c) { return c == '\n' || c == '\r'; }
bool is_space(char c) { return is_blank(c) || is_break(c); }

uint32_t size_of(std::string_view text) { return static_cast<uint32_t>(text.size()); }

uint32_t line_end(std::string_view text, uint32_t at) {
  while (at < text.size() && !is_break(text[at])) ++at;
  return at;
}

// Skips blanks, line breaks and comments.
uint32_t skip_gap(std::string_view text, uint32_t at) {
  while (at < text.size()) {
    if (is_space(text[at])) {
      ++at;
    } else if (text[at] == '#') {
      at = line_end(text, at);
    } else {
      break;
    }
  }
  return at;
}

uint32_t double_quoted_end(std::string_view text, uint32_t at) {
  for (uint32_t i = at + 1; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == '"') {
      return i + 1;
    }
  }
  return size_of(text);
}

uint32_t single_quoted_end(std::string_view text, uint32_t at) {
  for (uint32_t i = at + 1; i < text.size(); ++i) {
    if (text[i] == '\'') {
      if (i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
      } else {
        return i + 1;
      }
    }
  }
  return size_of(text);
}

// A block scalar (`|`, `>`, with indicators) runs over the following lines indented at
// least as much as its first content line; it ends with its last non-blank line.
uint32_t block_scalar_end(std::string_view text, uint32_t at, std::string_view value) {
  uint32_t header_end = line_end(text, at);
  // A trailing comment on the header line is not content.
  uint32_t end = header_end;
  while (end > at && is_blank(text[end - 1])) --end;
  if (value.empty()) return end;
  uint32_t pos = header_end;
  int content_indent = -1;
  while (pos < text.size()) {
    if (text[pos] == '\r') ++pos;
    if (pos < text.size() && text[pos] == '\n') ++pos;
    if (pos >= text.size()) break;
    uint32_t line_start = pos;
    uint32_t indent_end = line_start;
    while (indent_end < text.size() && text[indent_end] == ' ') ++indent_end;
    uint32_t stop = line_end(text, line_start);
    bool blank = true;
    for (uint32_t i = indent_end; i < stop; ++i) {
      if (!is_blank(text[i])) {
        blank = false;
        break;
      }
    }
    int indent = static_cast<int>(indent_end - line_start);
    if (!blank) {
      if (content_indent < 0) content_indent = indent;
      if (indent < content_indent) break;
      end = stop;
      while (end > line_start && is_blank(text[end - 1])) --end;
    }
    pos = stop;
  }
  return end;
}

// A plain scalar may be folded over several lines: follow the source and the decoded
// value together; where the source breaks a line, the value holds one space or newlines.
uint32_t plain_end(std::string_view text, uint32_t at, std::string_view value) {
  uint32_t i = at;
  size_t j = 0;
  while (j < value.size() && i < text.size()) {
    if (text[i] == value[j]) {
      ++i;
      ++j;
      continue;
    }
    if (is_space(text[i]) && (value[j] == ' ' || value[j] == '\n')) {
      while (i < text.size() && is_space(text[i])) ++i;
      while (j < value.size() && (value[j] == ' ' || value[j] == '\n')) ++j;
      continue;
    }
    break;
  }
  return i;
}

}  // namespace

Properties skip_properties(std::string_view text, uint32_t at) {
  Properties p;
  uint32_t i = at;
  while (i < text.size() && (text[i] == '!' || text[i] == '&')) {
    uint32_t e = i;
    if (text[i] == '!' && i + 1 < text.size() && text[i + 1] == '<') {
      while (e < text.size() && text[e] != '>') ++e;
      if (e < text.size()) ++e;
    } else {
      while (e < text.size() && !is_space(text[e]) && text[e] != ',' && text[e] != ']' && text[e] != '}' &&
             text[e] != '[' && text[e] != '{') {
        ++e;
      }
    }
    if (text[i] == '!') {
      p.tag_begin = i;
      p.tag_end = e;
    }
    i = skip_gap(text, e);
  }
  p.content = i;
  return p;
}

uint32_t scalar_end(std::string_view text, uint32_t at, std::string_view value) {
  if (at >= text.size()) return size_of(text);
  switch (text[at]) {
    case '"': return double_quoted_end(text, at);
    case '\'': return single_quoted_end(text, at);
    case '|':
    case '>': return block_scalar_end(text, at, value);
    default: return plain_end(text, at, value);
  }
}

uint32_t flow_collection_end(std::string_view text, uint32_t from, char closing) {
  uint32_t i = from;
  while (i < text.size()) {
    i = skip_gap(text, i);
    if (i >= text.size()) break;
    if (text[i] == closing) return i + 1;
    if (text[i] != ',') break;  // not where the collection should close: stop at the last item
    ++i;
  }
  return from;
}

uint32_t alias_end(std::string_view text, uint32_t at) {
  uint32_t e = at + 1;
  while (e < text.size() && !is_space(text[e]) && text[e] != ',' && text[e] != ']' && text[e] != '}') ++e;
  return e;
}

}  // namespace eph::yaml
