#pragma once
// Directory listings fetched ahead, on several threads, for discovery's walk. A walk of a
// large tree is mostly system calls (open, getdents, close) on one thread before anything else
// can start; listing breadth first in parallel lets the walk itself run from memory. The walk
// stays the judge of what is scanned (its order, loops, depth, exclusions): a listing is a
// function of its path, so fetching it early, late or not at all changes no result.
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/path_confinement.h"

namespace eph {

struct DirectoryListing {
  std::optional<std::vector<PathConfinement::Entry>> entries;  // nullopt: could not be listed
  std::string error;
  PathConfinement::DirectoryId id{};
};

class DirectoryPrefetch {
 public:
  // Whether the walk would go into the directory `path` (as written) named `name`.
  using Descend = std::function<bool(const std::string& path, const std::string& name)>;

  // Lists `roots` and the directories below them that `descend` allows, at most `max_depth`
  // levels down, each directory (by identity) once, on up to `threads` threads.
  DirectoryPrefetch(const std::vector<std::string>& roots, const PathConfinement& confinement, const Descend& descend,
                    int max_depth, unsigned threads);

  // The listing of `dir` (as written by the walk), taken out; listed now if it was not fetched.
  DirectoryListing take(const std::string& dir);

 private:
  const PathConfinement& confinement_;
  std::unordered_map<std::string, DirectoryListing> listings_;
};

// `dir` listed through `confinement`.
DirectoryListing list_now(const std::string& dir, const PathConfinement& confinement);

// The path of the entry `name` of `dir`, written as the walk writes it.
std::string walk_path(const std::string& dir, const std::string& name);

}  // namespace eph
