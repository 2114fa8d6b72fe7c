#include "formats/declared_resource.h"

namespace eph {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string_view unquote(std::string_view s) {
  s = trim(s);
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front()) return s.substr(1, s.size() - 2);
  return s;
}

size_t indent_of(std::string_view line) {
  size_t n = 0;
  while (n < line.size() && line[n] == ' ') ++n;
  return n;
}

bool blank_or_comment(std::string_view line) {
  std::string_view t = trim(line);
  return t.empty() || t.front() == '#' || (t.size() > 1 && t[0] == '/' && (t[1] == '/' || t[1] == '*'));
}

}  // namespace

ResourceBlock hcl_block_at(const SourceFile& file, uint32_t line) {
  for (uint32_t l = line; l >= 1; --l) {
    std::string_view text = file.line_text(l);
    if (text.empty() || text[0] == ' ' || text[0] == '\t' || blank_or_comment(text)) continue;
    if (text[0] == '}') return {};
    for (std::string_view block : {"resource", "data", "module", "variable", "output", "locals", "provider"}) {
      if (text.substr(0, block.size()) != block) continue;
      std::string_view rest = trim(text.substr(block.size()));
      if (block == "resource" || block == "data") {
        if (rest.empty() || rest.front() != '"') return {std::string(block), l};
        size_t close = rest.find('"', 1);
        std::string type(rest.substr(1, close == std::string_view::npos ? std::string_view::npos : close - 1));
        return {block == "data" ? "data." + type : type, l};
      }
      return {std::string(block), l};
    }
    return {};
  }
  return {};
}

ResourceBlock yaml_template_resource_at(const SourceFile& file, uint32_t line) {
  uint32_t resources = 0;
  for (uint32_t l = line; l >= 1 && !resources; --l) {
    std::string_view text = file.line_text(l);
    if (blank_or_comment(text) || indent_of(text) > 0) continue;
    if (trim(text) != "Resources:") return {};
    resources = l;
  }
  if (!resources) return {};
  size_t id_indent = 0;
  for (uint32_t l = resources + 1; l <= file.line_count(); ++l) {
    std::string_view text = file.line_text(l);
    if (blank_or_comment(text)) continue;
    id_indent = indent_of(text);
    break;
  }
  if (id_indent == 0) return {};
  uint32_t id_line = 0;
  for (uint32_t l = line; l > resources && !id_line; --l) {
    std::string_view text = file.line_text(l);
    if (!blank_or_comment(text) && indent_of(text) == id_indent) id_line = l;
  }
  if (!id_line) return {};
  for (uint32_t l = id_line + 1; l <= file.line_count(); ++l) {
    std::string_view text = file.line_text(l);
    if (blank_or_comment(text)) continue;
    if (indent_of(text) <= id_indent) break;
    std::string_view t = trim(text);
    if (t.substr(0, 5) == "Type:") return {std::string(unquote(t.substr(5))), id_line};
  }
  return {};
}

ResourceBlock json_template_resource_at(const SourceFile& file, uint32_t offset) {
  const std::string& s = file.text();
  size_t at = s.find("\"Resources\"");
  if (at == std::string::npos) return {};
  at = s.find('{', at);
  int depth = 0;
  size_t object_begin = 0;
  std::string last_string, type;
  bool type_next = false;
  for (size_t i = at; i < s.size(); ++i) {
    char c = s[i];
    if (c == '"') {
      size_t j = i + 1;
      while (j < s.size() && s[j] != '"') j += s[j] == '\\' ? 2 : 1;
      last_string = s.substr(i + 1, j - i - 1);
      if (type_next && depth == 2) type = last_string;
      type_next = false;
      i = j;
    } else if (c == ':') {
      type_next = depth == 2 && last_string == "Type";
    } else if (c == '{' || c == '[') {
      if (++depth == 2) object_begin = i, type.clear();
    } else if (c == '}' || c == ']') {
      if (depth == 2 && object_begin <= offset && offset <= i) return {type, file.position(static_cast<uint32_t>(object_begin)).line};
      if (--depth == 0) return {};
    }
  }
  return {};
}

}  // namespace eph
