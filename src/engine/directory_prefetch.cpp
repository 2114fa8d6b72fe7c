#include "engine/directory_prefetch.h"

#include <set>

#include "core/parallel_for.h"

namespace eph {

DirectoryListing list_now(const std::string& dir, const PathConfinement& confinement) {
  DirectoryListing listing;
  listing.entries = confinement.list_directory(dir, &listing.error, &listing.id);
  return listing;
}

std::string walk_path(const std::string& dir, const std::string& name) {
  if (dir.empty() || dir == ".") return dir == "." ? "./" + name : name;
  return dir.back() == '/' ? dir + name : dir + "/" + name;
}

DirectoryPrefetch::DirectoryPrefetch(const std::vector<std::string>& roots, const PathConfinement& confinement,
                                     const Descend& descend, int max_depth, unsigned threads)
    : confinement_(confinement) {
  std::vector<std::string> level = roots;
  std::set<PathConfinement::DirectoryId> seen;  // a link back up is listed once, not followed round
  for (int depth = 0; !level.empty() && depth <= max_depth; ++depth) {
    std::vector<DirectoryListing> listed(level.size());
    // A few directories a thread at least: a thread costs more than listing one.
    parallel_for(level.size(), threads, 8, [&](size_t i) {
      listed[i] = list_now(level[i], confinement_);
      return true;
    });
    std::vector<std::string> next;
    for (size_t i = 0; i < level.size(); ++i) {
      DirectoryListing& listing = listed[i];
      bool first_time = listing.entries && seen.insert(listing.id).second;
      if (first_time)
        for (const auto& entry : *listing.entries)
          if (entry.type == PathConfinement::Entry::Type::Directory)
            if (std::string path = walk_path(level[i], entry.name); descend(path, entry.name)) next.push_back(std::move(path));
      listings_.emplace(std::move(level[i]), std::move(listing));
    }
    level = std::move(next);
  }
}

DirectoryListing DirectoryPrefetch::take(const std::string& dir) {
  auto found = listings_.find(dir);
  if (found == listings_.end()) return list_now(dir, confinement_);
  DirectoryListing listing = std::move(found->second);
  listings_.erase(found);
  return listing;
}

}  // namespace eph
