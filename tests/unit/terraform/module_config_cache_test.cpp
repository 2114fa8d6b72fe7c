#include <doctest/doctest.h>

#include <string>

#include "terraform/module_config_cache.h"

using namespace eph::terraform;

namespace {

std::vector<std::pair<std::string, std::string>> module_files(const std::string& dir, size_t padding) {
  return {{dir + "/main.tf", "locals {\n  name = \"" + std::string(padding, 'x') + "\"\n}\n"}};
}

}  // namespace

TEST_CASE("ModuleConfigCache: an unchanged module is parsed once, a changed one again") {
  ModuleConfigCache cache;
  auto first = cache.get("m", module_files("m", 10));
  CHECK(cache.get("m", module_files("m", 10)) == first);
  auto edited = cache.get("m", module_files("m", 11));
  CHECK(edited != first);
  CHECK(cache.cached_modules() == 1);
}

TEST_CASE("ModuleConfigCache: bounded by source bytes, least recently used out first") {
  ModuleConfigCache cache(3000);
  auto a = cache.get("a", module_files("a", 1000));
  auto b = cache.get("b", module_files("b", 1000));
  CHECK(cache.get("a", module_files("a", 1000)) == a);  // a is now the most recent
  auto c = cache.get("c", module_files("c", 1000));
  CHECK(cache.cached_modules() == 2);
  CHECK(cache.cached_bytes() <= 3000);
  CHECK(cache.get("a", module_files("a", 1000)) == a);  // kept
  CHECK(cache.get("b", module_files("b", 1000)) != b);  // evicted, parsed again
  CHECK(b->sources.size() == 1);                        // a caller's copy outlives eviction

  // One module over the whole budget is still returned (and kept until the next one).
  auto big = cache.get("big", module_files("big", 10000));
  CHECK(big->sources.size() == 1);
  CHECK(cache.cached_modules() == 1);
}
