#include "core/path_key.h"

#include <functional>

namespace eph {

PathKey path_key_of(std::string_view path) {
  uint64_t fnv = 14695981039346656037ull;  // FNV-1a, independent of the standard library's hash
  for (unsigned char c : path) {
    fnv ^= c;
    fnv *= 1099511628211ull;
  }
  return {fnv, std::hash<std::string_view>{}(path)};
}

}  // namespace eph
