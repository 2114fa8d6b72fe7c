// normalize_path is written on the string; it must give what std::filesystem gave:
// the working directory joined to a relative path, lexically_normal, trailing slashes dropped.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "core/path_confinement.h"

namespace {

std::string with_filesystem(const std::string& path) {
  std::filesystem::path p = path;
  if (p.is_relative()) p = std::filesystem::current_path() / p;
  std::string s = p.lexically_normal().string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

}  // namespace

TEST_CASE("normalize_path: what std::filesystem's lexically_normal gave") {
  for (const char* path : {"", ".", "..", "/", "//", "///a//b/", "a", "a/", "./a", "a/.", "a/..", "a/../..", "../a",
                           "/..", "/../a", "/a/../../b", "a/./b/../c/", "a//b", "/a/b/..", "/a/b/../", ".../a",
                           "a/..b/.c", "/.", "/./", "~/x", "a b/c"}) {
    CAPTURE(path);
    CHECK(eph::normalize_path(path) == with_filesystem(path));
  }
  const char* names[] = {"a", "bc", ".", "..", "", "...", ".x", "x."};
  unsigned seed = 3;
  auto next = [&seed](size_t bound) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 8) % bound;
  };
  for (int round = 0; round < 20000; ++round) {
    std::string path = next(2) ? "/" : "";
    size_t n = next(7);
    for (size_t i = 0; i < n; ++i) {
      path += names[next(sizeof names / sizeof *names)];
      path += std::string(next(3), '/');
    }
    CAPTURE(path);
    CHECK(eph::normalize_path(path) == with_filesystem(path));
  }
}
