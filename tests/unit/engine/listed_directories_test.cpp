// Configuration lookups answer from discovery's listings: that may not change which
// configuration a unit gets. Property over random trees of files, directories and links (loops,
// links out, dangling), with configuration names that are plain files, links and directories:
// every answer is compared with the disk's.
#include <doctest/doctest.h>

#include <filesystem>
#include <random>

#include "engine/config_loader.h"
#include "engine/discovery.h"
#include "engine/listed_directories.h"
#include "random_tree.h"
#include "symlink_tree.h"

using namespace eph;
using eph::test::RandomTree;
using eph::test::SymlinkTree;
namespace fs = std::filesystem;

namespace {

// Configuration names in some directories: a file, a link (to a file inside, outside, nowhere)
// or a directory.
void add_configurations(RandomTree& tree, std::mt19937& rng) {
  auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
  for (const auto& dir : tree.dirs) {
    if (pick(3) == 0) continue;
    std::string at = dir + "/" + (pick(2) ? ".ephemera.yaml" : ".ephemera.yml");
    std::error_code ec;
    switch (pick(5)) {
      case 0: fs::create_symlink(tree.t.path("outside/secret.txt"), tree.t.path(at), ec); break;
      case 1: fs::create_symlink("missing.yaml", tree.t.path(at), ec); break;
      case 2: fs::create_directories(tree.t.path(at), ec); break;
      case 3: tree.t.write(dir + "/real.yaml", "rules: {}\n"), fs::create_symlink("real.yaml", tree.t.path(at), ec); break;
      default: tree.t.write(at, "rules: {}\n");
    }
  }
}

}  // namespace

TEST_CASE("property: the nearest configuration answered from the walk's listings is the disk's") {
  constexpr int kTrees = 150;
  size_t configs_found = 0, answered_from_walk = 0;
  for (int seed = 1; seed <= kTrees; ++seed) {
    SymlinkTree t("listed");
    t.write("outside/secret.txt", "x");
    std::mt19937 rng(static_cast<unsigned>(seed));
    RandomTree tree{std::mt19937(static_cast<unsigned>(seed)), t, {"root"}, {}};
    tree.make(6 + seed % 30);
    add_configurations(tree, rng);
    PathConfinement confinement({t.root.string()});
    // Also the root given twice, and one of its directories: both are walked once.
    std::vector<std::string> paths = {t.root.string()};
    if (seed % 3 == 0) paths.push_back(t.path(tree.dirs.back()));
    if (seed % 5 == 0) paths.push_back(t.root.string());
    DiscoveredFiles found = discover_files(paths, {}, confinement);
    INFO("seed " << seed);

    ConfigFileFinder from_walk(&found.listed), from_disk;
    for (const auto& dir : tree.dirs) {
      std::string d = t.path(dir);
      for (const auto& [name, _] : std::vector<std::pair<std::string, int>>{{"", 0}, {"/sub-not-there", 0}}) {
        std::optional<std::string> expected = from_disk.find_from_directory(d + name);
        CHECK(from_walk.find_from_directory(d + name) == expected);
        configs_found += expected ? 1 : 0;
      }
      for (const char* config : kConfigFileNames)
        answered_from_walk += found.listed.file_exists(fs::path(d).lexically_normal().string() + "/" + config) ? 1 : 0;
    }
  }
  // The trees hold configurations, and the walk answered for most directories.
  CHECK(configs_found > 100);
  CHECK(answered_from_walk > 500);
}

TEST_CASE("listed directories answer for what they hold, and only for the directories listed") {
  ListedDirectories listed;
  listed.add("/r", {".ephemera.yaml"});
  listed.add("/r/a", {});
  listed.add("/", {".ephemera.yml"});
  listed.seal();
  CHECK(listed.file_exists("/r/.ephemera.yaml") == std::optional<bool>(true));
  CHECK(listed.file_exists("/r/.ephemera.yml") == std::optional<bool>(false));
  CHECK(listed.file_exists("/r/a/.ephemera.yaml") == std::optional<bool>(false));
  CHECK(listed.file_exists("/.ephemera.yml") == std::optional<bool>(true));
  CHECK_FALSE(listed.file_exists("/r/b/.ephemera.yaml").has_value());  // not listed: the disk answers
  CHECK_FALSE(listed.file_exists("relative").has_value());
  listed.clear();
  CHECK_FALSE(listed.file_exists("/r/.ephemera.yaml").has_value());
}
