#include "core/memory_file_provider.h"

#include <algorithm>

namespace eph {
namespace {

// "dir/" (or "/" for the root): what the paths under `dir` start with.
std::string prefix_of(const std::string& dir) { return !dir.empty() && dir.back() == '/' ? dir : dir + "/"; }

}  // namespace

std::optional<std::string> MemoryFileProvider::read(const std::string& path) const {
  auto it = files_.find(path);
  if (it == files_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> MemoryFileProvider::list(const std::string& dir, bool files_only) const {
  std::vector<std::string> names;
  std::string prefix = prefix_of(dir);
  for (auto it = files_.lower_bound(prefix); it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
    size_t slash = it->first.find('/', prefix.size());
    if (slash == std::string::npos) names.push_back(it->first.substr(prefix.size()));
    else if (!files_only) {
      std::string sub = it->first.substr(prefix.size(), slash - prefix.size());
      if (!sub.empty() && (names.empty() || names.back() != sub)) names.push_back(std::move(sub));
    }
  }
  std::sort(names.begin(), names.end());  // as the disk lists them
  return names;
}

bool MemoryFileProvider::is_directory(const std::string& path) const {
  std::string prefix = prefix_of(path);
  auto it = files_.lower_bound(prefix);
  return it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace eph
