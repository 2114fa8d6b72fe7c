#include "terraform/functions/glob_pattern.h"

namespace eph::terraform::fn {

namespace {

constexpr size_t kMaxAlternatives = 64;

// Expands the first {a,b} group recursively; false on a malformed or too large pattern.
bool expand_braces(const std::string& pattern, std::vector<std::string>& out) {
  size_t open = pattern.find('{');
  if (open == std::string::npos) {
    if (out.size() >= kMaxAlternatives) return false;
    out.push_back(pattern);
    return true;
  }
  int depth = 0;
  size_t close = std::string::npos;
  std::vector<size_t> commas;
  for (size_t i = open; i < pattern.size(); ++i) {
    if (pattern[i] == '{') ++depth;
    if (pattern[i] == '}' && --depth == 0) {
      close = i;
      break;
    }
    if (pattern[i] == ',' && depth == 1) commas.push_back(i);
  }
  if (close == std::string::npos) return false;
  size_t start = open + 1;
  commas.push_back(close);
  for (size_t comma : commas) {
    std::string alt = pattern.substr(0, open) + pattern.substr(start, comma - start) + pattern.substr(close + 1);
    if (!expand_braces(alt, out)) return false;
    start = comma + 1;
  }
  return true;
}

// One segment against one pattern segment (no '/': `*` stays within the segment).
bool match_segment(std::string_view pat, std::string_view text) {
  size_t p = 0, t = 0, star_p = std::string_view::npos, star_t = 0;
  while (t < text.size()) {
    if (p < pat.size() && pat[p] == '*') {
      star_p = p++;
      star_t = t;
      continue;
    }
    bool ok = false;
    size_t next_p = p;
    if (p < pat.size() && pat[p] == '[') {
      size_t close = pat.find(']', p + 2);
      if (close == std::string_view::npos) return false;
      bool negate = pat[p + 1] == '^' || pat[p + 1] == '!';
      bool in = false;
      for (size_t k = p + 1 + (negate ? 1 : 0); k < close; ++k) {
        if (k + 2 < close && pat[k + 1] == '-') {
          in = in || (text[t] >= pat[k] && text[t] <= pat[k + 2]);
          k += 2;
        } else {
          in = in || text[t] == pat[k];
        }
      }
      ok = in != negate;
      next_p = close + 1;
    } else if (p < pat.size() && pat[p] == '\\' && p + 1 < pat.size()) {
      ok = pat[p + 1] == text[t];
      next_p = p + 2;
    } else if (p < pat.size()) {
      ok = pat[p] == '?' || pat[p] == text[t];
      next_p = p + 1;
    }
    if (ok) {
      p = next_p;
      ++t;
    } else if (star_p != std::string_view::npos) {
      p = star_p + 1;
      t = ++star_t;
    } else {
      return false;
    }
  }
  while (p < pat.size() && pat[p] == '*') ++p;
  return p == pat.size();
}

std::vector<std::string_view> split(std::string_view s) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t slash = s.find('/', start);
    out.push_back(s.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
    if (slash == std::string_view::npos) return out;
    start = slash + 1;
  }
}

bool match_segments(const std::vector<std::string>& pat, size_t pi, const std::vector<std::string_view>& path,
                    size_t ti) {
  if (pi == pat.size()) return ti == path.size();
  if (pat[pi] == "**") {
    for (size_t k = ti; k <= path.size(); ++k)
      if (match_segments(pat, pi + 1, path, k)) return true;
    return false;
  }
  return ti < path.size() && match_segment(pat[pi], path[ti]) && match_segments(pat, pi + 1, path, ti + 1);
}

}  // namespace

bool GlobPattern::parse(std::string_view pattern) {
  alternatives_.clear();
  std::vector<std::string> expanded;
  if (!expand_braces(std::string(pattern), expanded)) return false;
  for (const auto& alt : expanded) {
    std::vector<std::string> segments;
    for (auto seg : split(alt)) {
      if (seg.empty() || seg == ".") continue;
      // Consecutive ** are one.
      if (seg == "**" && !segments.empty() && segments.back() == "**") continue;
      segments.emplace_back(seg);
    }
    alternatives_.push_back(std::move(segments));
  }
  return true;
}

bool GlobPattern::matches(std::string_view path) const {
  auto parts = split(path);
  for (const auto& alt : alternatives_)
    if (match_segments(alt, 0, parts, 0)) return true;
  return false;
}

}  // namespace eph::terraform::fn
