#include "terraform/functions/document_decoding.h"

#include "core/partly_known.h"
#include "syntax/json/json_loader.h"
#include "syntax/yaml/yaml_loader.h"
#include "terraform/functions/function_support.h"
#include "terraform/value_ops.h"

namespace eph::terraform::fn {

namespace {

constexpr size_t kMaxDocumentBytes = 4 << 20;
constexpr uint32_t kMaxYamlAliasNodes = 200'000;  // aliases can multiply nodes: bound the expansion

// Where `text` stands verbatim inside `where`, the byte offset in `where.file`.
std::optional<uint32_t> verbatim_offset(std::string_view text, const Range& where) {
  if (!where.valid() || text.empty()) return std::nullopt;
  std::string_view written = where.text();
  size_t at = written.find(text);
  if (at == std::string_view::npos) return std::nullopt;
  if (written.find(text, at + 1) != std::string_view::npos) return std::nullopt;  // ambiguous
  return where.begin + static_cast<uint32_t>(at);
}

bool limit_reached(const std::vector<Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics)
    if (d.kind == Diagnostic::Kind::LimitReached) return true;
  return false;
}

}  // namespace

void mark_deep(Value& v, uint8_t marks) {
  if (!marks) return;
  v.marks |= marks;
  for (auto& item : v.items) mark_deep(item, marks);
  for (auto& f : v.fields) mark_deep(f.value, marks);
}

namespace {

size_t count_occurrences(std::string_view text, std::string_view needle, size_t& first) {
  size_t n = 0;
  first = std::string_view::npos;
  for (size_t at = text.find(needle); at != std::string_view::npos && n < 2; at = text.find(needle, at + 1)) {
    if (n == 0) first = at;
    ++n;
  }
  return n;
}

// The literal's range in `written`, when it is there once and rendered once.
std::optional<Range> unique_literal(std::string_view s, const Range& written, std::string_view rendered) {
  if (s.empty() || s.find_first_of("\"\\") != std::string_view::npos) return std::nullopt;
  for (char c : s)
    if (static_cast<unsigned char>(c) < 0x20) return std::nullopt;
  std::string quoted = "\"" + std::string(s) + "\"";
  size_t in_written = 0, in_rendered = 0;
  if (count_occurrences(rendered, quoted, in_rendered) != 1) return std::nullopt;
  if (count_occurrences(written.text(), quoted, in_written) != 1) return std::nullopt;
  uint32_t begin = written.begin + static_cast<uint32_t>(in_written);
  return Range{written.file, begin, begin + static_cast<uint32_t>(quoted.size())};
}

// A YAML block key ("  get:"): where `key` followed by a colon starts a line's content.
size_t count_yaml_keys(std::string_view text, std::string_view key, size_t& first) {
  size_t n = 0;
  first = std::string_view::npos;
  std::string needle = std::string(key) + ":";
  for (size_t at = text.find(needle); at != std::string_view::npos && n < 2; at = text.find(needle, at + 1)) {
    size_t line = text.rfind('\n', at == 0 ? 0 : at - 1);
    size_t start = line == std::string_view::npos || at == 0 ? 0 : line + 1;
    std::string_view before = text.substr(start, at - start);
    if (before.find_first_not_of(" -") != std::string_view::npos) continue;
    if (n == 0) first = at;
    ++n;
  }
  return n;
}

std::optional<Range> unique_yaml_key(std::string_view key, const Range& written, std::string_view rendered) {
  if (key.empty() || key.find_first_of(":\n") != std::string_view::npos) return std::nullopt;
  size_t in_written = 0, in_rendered = 0;
  if (count_yaml_keys(rendered, key, in_rendered) != 1) return std::nullopt;
  if (count_yaml_keys(written.text(), key, in_written) != 1) return std::nullopt;
  uint32_t begin = written.begin + static_cast<uint32_t>(in_written);
  return Range{written.file, begin, begin + static_cast<uint32_t>(key.size())};
}

void anchor(Value& v, const Range& written, std::string_view rendered, bool yaml, int depth) {
  if (depth > 256) return;
  if (v.is_string()) {
    if (auto r = unique_literal(v.text, written, rendered)) v.where = *r;
    return;
  }
  for (auto& item : v.items) anchor(item, written, rendered, yaml, depth + 1);
  for (auto& f : v.fields) {
    if (auto r = unique_literal(f.key, written, rendered)) f.key_range = *r;
    else if (auto k = yaml ? unique_yaml_key(f.key, written, rendered) : std::nullopt) f.key_range = *k;
    anchor(f.value, written, rendered, yaml, depth + 1);
  }
}

}  // namespace

void anchor_literals(Value& doc, const Range& written, std::string_view rendered, bool yaml) {
  if (!written.valid()) return;
  anchor(doc, written, rendered, yaml, 0);
}

Decoded decode_json(std::string_view text, const Range& where, const Range& fallback) {
  Decoded out;
  if (text.size() > kMaxDocumentBytes) {
    out.limit_hit = true;
    return out;
  }
  auto at = verbatim_offset(text, where);
  json::ParseResult r = at ? json::parse(*where.file, *at, *at + static_cast<uint32_t>(text.size()))
                           : json::parse_text(text, where.valid() ? where : fallback);
  if (limit_reached(r.diagnostics)) {
    out.limit_hit = true;
    return out;
  }
  if (r.ok()) out.value = std::move(r.value);
  return out;
}

// Through the loader templates and the configuration use, with its limits; local tags
// (`!Ref`) mean nothing to Terraform and are read as plain values.
Decoded decode_yaml(std::string_view text, const Range& where, const Range& fallback) {
  Decoded out;
  if (text.size() > kMaxDocumentBytes) {
    out.limit_hit = true;
    return out;
  }
  yaml::Limits limits;
  limits.max_bytes = kMaxDocumentBytes;
  limits.max_alias_nodes = kMaxYamlAliasNodes;
  limits.cloudformation_tags = false;
  auto at = verbatim_offset(text, where);
  yaml::ParseResult r = at ? yaml::parse(*where.file, *at, *at + static_cast<uint32_t>(text.size()), limits)
                           : yaml::parse_text(text, where.valid() ? where : fallback, limits);
  if (limit_reached(r.diagnostics)) {
    out.limit_hit = true;
    return out;
  }
  if (r.ok()) out.value = std::move(r.value);
  return out;
}

std::shared_ptr<const Value> decode_json_file(const SourceFile& file) {
  std::string_view text = file.text();
  size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || (text[first] != '{' && text[first] != '[')) return nullptr;
  if (text.size() > kMaxDocumentBytes) return nullptr;
  json::ParseResult r = json::parse(file);
  if (!r.ok() || limit_reached(r.diagnostics)) return nullptr;
  return std::make_shared<const Value>(std::move(r.value));
}

}  // namespace eph::terraform::fn

namespace eph::terraform::fn {
namespace {

constexpr std::string_view kHole = "${...}";

size_t count_holes(std::string_view s) {
  size_t n = 0;
  for (size_t at = s.find(kHole); at != std::string_view::npos; at = s.find(kHole, at + kHole.size())) ++n;
  return n;
}

// Turns each string that holds holes into a partly known value carrying the references of
// the parts it stands for, in document order. False when the holes cannot be matched
// (a hole in a key, more holes than parts).
bool fill_holes(Value& v, const std::vector<Value>& parts, size_t& next) {
  if (v.is_string()) {
    size_t n = count_holes(v.text);
    if (n == 0) return true;
    if (next + n > parts.size()) return false;
    Value u = partly_known(v.where, v.text);
    for (size_t i = 0; i < n; ++i) absorb(u, parts[next + i]);
    next += n;
    v = std::move(u);
    return true;
  }
  for (auto& item : v.items)
    if (!fill_holes(item, parts, next)) return false;
  for (auto& f : v.fields)
    if (count_holes(f.key) != 0 || !fill_holes(f.value, parts, next)) return false;
  return true;
}

}  // namespace

bool is_yaml_file_name(std::string_view path) {
  return path.ends_with(".yaml") || path.ends_with(".yml");
}

std::shared_ptr<const Value> decode_rendered_template(std::string_view rendered, const std::vector<Value>& unknown_parts,
                                                      const SourceFile& file, const Range& fallback) {
  Range whole{&file, 0, static_cast<uint32_t>(file.text().size())};
  bool verbatim = rendered == file.text();
  size_t first = rendered.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return nullptr;
  Decoded d;
  if (rendered[first] == '{' || rendered[first] == '[') d = decode_json(rendered, verbatim ? whole : Range{}, fallback);
  else if (is_yaml_file_name(file.path())) d = decode_yaml(rendered, verbatim ? whole : Range{}, fallback);
  if (!d.value || !(d.value->is_map() || d.value->is_list())) return nullptr;
  size_t next = 0;
  if (!fill_holes(*d.value, unknown_parts, next) || next != unknown_parts.size()) return nullptr;
  if (!verbatim) anchor_literals(*d.value, whole, rendered, rendered[first] != '{' && rendered[first] != '[');
  return std::make_shared<const Value>(std::move(*d.value));
}

}  // namespace eph::terraform::fn
