#pragma once
// What the discovery walk saw of configuration files. Each unit's nearest `.ephemera.yaml` is
// looked for in its directory and every one above it: on a tree of 90,000 directories that was
// 180,000 stats of names that do not exist, on one thread, before the analysis could start.
// The walk has listed those directories already; it answers for them, the disk for the rest.
#include <optional>
#include <string_view>
#include <vector>

#include "core/path_key.h"

namespace eph {

class ListedDirectories {
 public:
  // `dir` (absolute, normalised) was listed, and holds the plain files `files` of the names
  // asked about. A directory whose entry of such a name is anything else (a link, a
  // directory) is not added: the disk answers for it, following the link as it does.
  void add(std::string_view dir, const std::vector<std::string_view>& files);
  // Sorts what was added; call once, before file_exists.
  void seal();

  // Whether `path` (absolute, normalised) exists as a plain file, when its directory was
  // listed; nullopt when it was not.
  std::optional<bool> file_exists(std::string_view path) const;

  void clear();

 private:
  std::vector<PathKey> directories_;
  std::vector<PathKey> files_;
};

}  // namespace eph
