#include "terraform/plan/block_declarations.h"

#include <algorithm>

namespace eph::terraform::plan {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }
bool is_ident(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; }

// A block label at `i`: "quoted" or an identifier. Advances `i` past it.
bool read_label(std::string_view text, size_t& i, std::string& out) {
  while (i < text.size() && is_space(text[i])) ++i;
  if (i >= text.size()) return false;
  if (text[i] == '"') {
    size_t close = text.find('"', i + 1);
    if (close == std::string_view::npos || text.substr(i + 1, close - i - 1).find('\n') != std::string_view::npos) return false;
    out = std::string(text.substr(i + 1, close - i - 1));
    i = close + 1;
    return !out.empty();
  }
  size_t start = i;
  while (i < text.size() && is_ident(text[i])) ++i;
  out = std::string(text.substr(start, i - start));
  return !out.empty();
}

}  // namespace

std::vector<std::pair<std::string, Range>> scan_block_headers(const SourceFile& file) {
  std::vector<std::pair<std::string, Range>> out;
  std::string_view text = file.text();
  size_t line = 0;
  while (line < text.size()) {
    size_t next = text.find('\n', line);
    if (next == std::string_view::npos) next = text.size();
    size_t i = line;
    while (i < next && is_space(text[i])) ++i;
    for (std::string_view keyword : {"resource", "data"}) {
      if (text.substr(i, keyword.size()) != keyword) continue;
      size_t j = i + keyword.size();
      if (j >= text.size() || !(is_space(text[j]) || text[j] == '"')) continue;
      std::string type, name;
      if (!read_label(text, j, type) || !read_label(text, j, name)) continue;
      std::string key = (keyword == "data" ? "data." : "") + type + "." + name;
      out.emplace_back(std::move(key), Range{&file, static_cast<uint32_t>(i), static_cast<uint32_t>(j)});
    }
    line = next + 1;
  }
  return out;
}

const std::map<std::string, BlockDeclarations::Entry>& BlockDeclarations::scan(const std::string& dir) {
  auto it = by_dir_.find(dir);
  if (it != by_dir_.end()) return it->second;
  auto& entries = by_dir_[dir];
  if (!fs_.is_directory(dir)) return entries;
  std::vector<std::string> names = fs_.list(dir, true);
  std::sort(names.begin(), names.end());
  for (const auto& name : names) {
    if (name.size() < 3 || !name.ends_with(".tf")) continue;
    auto text = fs_.read(dir + "/" + name);
    if (!text) continue;
    auto file = std::make_shared<const SourceFile>(dir + "/" + name, std::move(*text));
    for (auto& [key, header] : scan_block_headers(*file)) entries.emplace(key, Entry{file, header});
  }
  return entries;
}

Range BlockDeclarations::find(const std::string& dir, const std::string& key) {
  const auto& entries = scan(dir);
  auto it = entries.find(key);
  if (it == entries.end()) return {};
  if (std::find(used_.begin(), used_.end(), it->second.file) == used_.end()) used_.push_back(it->second.file);
  return it->second.header;
}

}  // namespace eph::terraform::plan
