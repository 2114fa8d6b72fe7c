#include "engine/path_exclusion.h"

#include <filesystem>
#include <vector>

#include "core/disk_file_provider.h"

namespace eph {

namespace {

// Matches pattern[p..] against text[t..]; `memo` remembers failures so that patterns with
// several stars stay polynomial (P x T states).
class GlobMatcher {
 public:
  GlobMatcher(std::string_view pattern, std::string_view text)
      : pattern_(pattern), text_(text), failed_((pattern.size() + 1) * (text.size() + 1), false) {}

  bool match(size_t p, size_t t) {
    size_t state = p * (text_.size() + 1) + t;
    if (failed_[state]) return false;
    if (match_uncached(p, t)) return true;
    failed_[state] = true;
    return false;
  }

 private:
  bool match_uncached(size_t p, size_t t) {
    if (p == pattern_.size()) return t == text_.size();
    char c = pattern_[p];
    if (c == '*') {
      bool crosses = p + 1 < pattern_.size() && pattern_[p + 1] == '*';
      size_t next = p + (crosses ? 2 : 1);
      // "**/" also matches no directory at all: "**/examples" matches "examples".
      if (crosses && next < pattern_.size() && pattern_[next] == '/' && match(next + 1, t)) return true;
      for (size_t k = t;; ++k) {
        if (match(next, k)) return true;
        if (k == text_.size() || (!crosses && text_[k] == '/')) return false;
      }
    }
    if (t == text_.size()) return false;
    if (c == '?' ? text_[t] == '/' : c != text_[t]) return false;
    return match(p + 1, t + 1);
  }

  std::string_view pattern_, text_;
  std::vector<bool> failed_;
};

}  // namespace

bool glob_match(std::string_view pattern, std::string_view text) {
  return GlobMatcher(pattern, text).match(0, 0);
}

PathExclusion::PathExclusion(const Config& config) : patterns_(config.exclude) {
  if (config.source && !config.source->path().empty())
    config_dir_ = normalize_path(std::filesystem::path(config.source->path()).parent_path().string());
}

bool PathExclusion::matches(std::string_view relative) const {
  for (const auto& pattern : patterns_) {
    if (glob_match(pattern, relative)) return true;
    // A pattern also excludes everything below a matching directory.
    for (size_t slash = relative.find('/'); slash != std::string_view::npos; slash = relative.find('/', slash + 1))
      if (slash > 0 && glob_match(pattern, relative.substr(0, slash))) return true;
  }
  return false;
}

bool PathExclusion::excluded(const std::string& path) const {
  if (patterns_.empty()) return false;
  std::string_view as_written = path;
  while (as_written.rfind("./", 0) == 0) as_written.remove_prefix(2);
  if (matches(as_written)) return true;
  if (config_dir_.empty()) return false;
  std::string absolute = normalize_path(path);
  if (absolute.size() <= config_dir_.size() || absolute.compare(0, config_dir_.size(), config_dir_) != 0) return false;
  if (config_dir_ != "/" && absolute[config_dir_.size()] != '/') return false;
  return matches(std::string_view(absolute).substr(config_dir_ == "/" ? 1 : config_dir_.size() + 1));
}

}  // namespace eph
