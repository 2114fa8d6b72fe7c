#include "engine/listed_directories.h"

#include <algorithm>
#include <string>

namespace eph {

void ListedDirectories::add(std::string_view dir, const std::vector<std::string_view>& files) {
  directories_.push_back(path_key_of(dir));
  for (std::string_view name : files) {
    std::string path(dir);
    if (path != "/") path += '/';
    path += name;
    files_.push_back(path_key_of(path));
  }
}

void ListedDirectories::seal() {
  std::sort(directories_.begin(), directories_.end());
  std::sort(files_.begin(), files_.end());
}

std::optional<bool> ListedDirectories::file_exists(std::string_view path) const {
  size_t slash = path.rfind('/');
  if (slash == std::string_view::npos) return std::nullopt;
  std::string_view dir = slash == 0 ? path.substr(0, 1) : path.substr(0, slash);
  if (!std::binary_search(directories_.begin(), directories_.end(), path_key_of(dir))) return std::nullopt;
  return std::binary_search(files_.begin(), files_.end(), path_key_of(path));
}

void ListedDirectories::clear() {
  std::vector<PathKey>().swap(directories_);
  std::vector<PathKey>().swap(files_);
}

}  // namespace eph
