#pragma once
// Least-recently-used eviction for the caches bounded by size (parsed modules, parsed trees of
// closed files): entries carry a `last_use` stamp; the newest entry always stays, since the
// caller is using it.
#include <cstddef>

namespace eph {

template <typename Map, typename SizeOf>
void evict_least_recently_used(Map& entries, size_t& bytes, size_t budget, SizeOf size_of) {
  while (bytes > budget && entries.size() > 1) {
    auto oldest = entries.begin();
    for (auto it = entries.begin(); it != entries.end(); ++it)
      if (it->second.last_use < oldest->second.last_use) oldest = it;
    bytes -= size_of(oldest->second);
    entries.erase(oldest);
  }
}

}  // namespace eph
