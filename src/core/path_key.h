#pragma once
// A path told by two independent 64-bit hashes of its text instead of the text: 16 bytes a
// path where a large tree has 100,000 of them (two paths sharing both hashes: ~1e-29 a pair).
#include <compare>
#include <cstdint>
#include <string_view>

namespace eph {

struct PathKey {
  uint64_t first = 0;
  uint64_t second = 0;
  auto operator<=>(const PathKey&) const = default;
};

// The key of `path` as written: callers normalise first when two spellings must meet.
PathKey path_key_of(std::string_view path);

}  // namespace eph
