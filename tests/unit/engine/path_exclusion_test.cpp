#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "core/disk_file_provider.h"
#include "engine/path_exclusion.h"

using namespace eph;

TEST_CASE("glob_match: * stays in a segment, ** crosses segments, ? is one character") {
  CHECK(glob_match("*.tf", "main.tf"));
  CHECK_FALSE(glob_match("*.tf", "a/main.tf"));
  CHECK(glob_match("**/*.tf", "a/b/main.tf"));
  CHECK(glob_match("**/examples/**", "repo/examples/x/main.tf"));
  CHECK(glob_match("**/examples/**", "examples/main.tf"));
  CHECK_FALSE(glob_match("**/examples/**", "myexamples/main.tf"));
  CHECK(glob_match("a/**/b.tf", "a/b.tf"));
  CHECK(glob_match("a/**/b.tf", "a/x/y/b.tf"));
  CHECK_FALSE(glob_match("?", "/"));
  // Many stars: polynomial, not exponential.
  CHECK_FALSE(glob_match("*a*a*a*a*a*a*a*a*a*a*b", std::string(200, 'a')));
  CHECK(glob_match("legacy?", "legacy2"));
  CHECK_FALSE(glob_match("legacy?", "legacy"));
}

TEST_CASE("PathExclusion: globs from the command line match paths as written") {
  Config config;
  config.exclude = {"legacy"};
  PathExclusion exclusion(config);
  CHECK(exclusion.excluded("legacy/main.tf"));
  CHECK(exclusion.excluded("./legacy/main.tf"));
  CHECK(exclusion.excluded("legacy"));
  CHECK_FALSE(exclusion.excluded("legacy2/main.tf"));
  CHECK_FALSE(exclusion.excluded("services/legacy.tf"));
  CHECK_FALSE(PathExclusion().excluded("legacy/main.tf"));
}

TEST_CASE("PathExclusion: globs of a configuration file are relative to its directory") {
  std::string root = normalize_path("repo");
  Config config;
  config.exclude = {"legacy", "services/*/generated"};
  config.source = std::make_shared<SourceFile>(root + "/.ephemera.yaml", "exclude: [legacy]\n");
  PathExclusion exclusion(config);
  CHECK(exclusion.excluded("repo/legacy/main.tf"));
  CHECK(exclusion.excluded(root + "/legacy/main.tf"));
  CHECK(exclusion.excluded("repo/services/api/generated/t.yaml"));
  CHECK_FALSE(exclusion.excluded("repo/services/api/main.tf"));
  CHECK_FALSE(exclusion.excluded("elsewhere/legacy/main.tf"));
  CHECK_FALSE(exclusion.excluded("repository/legacy/main.tf"));
}
