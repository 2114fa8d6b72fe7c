// .ephemera.yaml: every setting, rule options as positioned values, errors with positions,
// and the upward search.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <unistd.h>

#include "engine/config_loader.h"

namespace fs = std::filesystem;
using namespace eph;

namespace {

std::vector<ConfigError> parse_errors(const std::string& text) {
  Config config;
  std::vector<ConfigError> errors;
  CHECK_FALSE(parse_config(".ephemera.yaml", text, config, errors));
  return errors;
}

}  // namespace

TEST_CASE("config: every setting") {
  const std::string text =
      "fail-on: medium\n"
      "severity: low\n"
      "fail-on-parse-errors: false\n"
      "foreign-suppressions: off\n"
      "max-file-bytes: 1024\n"
      "exclude: ['**/examples/**', legacy]\n"
      "rules:\n"
      "  EPH002: off\n"
      "  invalid-suppression:\n"
      "    severity: info\n"
      "  EPH301:\n"
      "    enabled: true\n"
      "    options:\n"
      "      secret-names: [encryption_key, license]\n"
      "      allowed-values: [\"123\"]\n"
      "  EPH404:\n"
      "    options: {account-limit: 3000}\n";
  Config config;
  std::vector<ConfigError> errors;
  REQUIRE(parse_config(".ephemera.yaml", text, config, errors));
  CHECK(config.fail_on == Severity::Medium);
  CHECK(config.min_severity == Severity::Low);
  CHECK_FALSE(config.fail_on_parse_errors);
  CHECK_FALSE(config.foreign_suppressions);
  CHECK(config.max_file_bytes == 1024);
  CHECK(config.exclude == std::vector<std::string>{"**/examples/**", "legacy"});
  CHECK_FALSE(config.settings("EPH002").enabled);
  CHECK(config.settings("EPH003").severity == Severity::Info);  // by slug
  const Value& opts = config.settings("EPH301").options;
  const Value* names = opts.get("secret-names");
  REQUIRE(names);
  REQUIRE(names->items.size() == 2);
  CHECK(names->items[1].text == "license");
  // Every option value remembers where it was written in the configuration file.
  CHECK(names->items[1].where.text() == "license");
  CHECK(to_location(names->items[1].where).line == 14);
  const Value* allowed = opts.get("allowed-values");
  REQUIRE(allowed);
  CHECK(allowed->items[0].kind == Kind::String);  // quoted: stays a string
  const Value* limit = config.settings("EPH404").options.get("account-limit");
  REQUIRE(limit);
  CHECK(limit->kind == Kind::Number);
  CHECK(limit->number == 3000);
}

TEST_CASE("config: an empty file configures nothing") {
  Config config;
  std::vector<ConfigError> errors;
  CHECK(parse_config(".ephemera.yaml", "# nothing yet\n", config, errors));
  CHECK(config.fail_on == Severity::Low);
}

TEST_CASE("config: unknown keys and bad values are errors with line and column") {
  auto e = parse_errors("fail-on: high\nrulez: {}\n");
  REQUIRE(e.size() == 1);
  CHECK(e[0].to_string() == ".ephemera.yaml:2:1: unknown key 'rulez'; did you mean rules? (fail-on, severity, fail-on-parse-errors, "
                            "foreign-suppressions, follow-symlinks, exclude, max-file-bytes, rules, custom-rules, serverless)");

  e = parse_errors("fail-on: severe\n");
  REQUIRE(e.size() == 1);
  CHECK(e[0].line == 1);
  CHECK(e[0].column == 10);
  CHECK(e[0].message.find("expected a severity") != std::string::npos);

  e = parse_errors("rules:\n  EPH999: off\n  EPH002: maybe\n  EPH003: {enabled: true, colour: red}\n");
  REQUIRE(e.size() == 3);
  CHECK(e[0].message == "unknown rule 'EPH999' (see `ephemera rules`)");
  CHECK(e[1].line == 3);
  CHECK(e[1].message == "expected true or false");
  CHECK(e[2].line == 4);
  CHECK(e[2].message.find("unknown key 'colour'") != std::string::npos);

  e = parse_errors("fail-on: low\nfail-on: high\n");
  REQUIRE(e.size() == 1);
  CHECK(e[0].message == "duplicate key 'fail-on' (first at line 1)");

  e = parse_errors("rules:\n  EPH002: off\n  unused-suppression: on\n");
  REQUIRE(e.size() == 1);
  CHECK(e[0].message == "rule EPH002 is configured twice");

  e = parse_errors("- just\n- a list\n");
  REQUIRE(e.size() == 1);
  CHECK(e[0].message == "the configuration must be a map of settings");

  e = parse_errors("exclude: [unclosed\n");
  REQUIRE(e.size() == 1);
  CHECK(e[0].line >= 1);

  e = parse_errors("max-file-bytes: lots\n");
  REQUIRE(e.size() == 1);
  CHECK(e[0].message == "expected a positive number of bytes");
}

TEST_CASE("config: found from the scanned path upward, nearest first") {
  fs::path root = fs::temp_directory_path() / ("ephemera-config-test-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "a/b/c");
  std::ofstream(root / ".ephemera.yaml") << "fail-on: high\n";
  std::ofstream(root / "a/b/.ephemera.yml") << "fail-on: info\n";
  std::ofstream(root / "a/b/c/main.tf") << "locals {}\n";
  auto found = find_config_file((root / "a/b/c/main.tf").string());
  REQUIRE(found);
  CHECK(fs::path(*found) == root / "a/b/.ephemera.yml");
  found = find_config_file((root / "a").string());
  REQUIRE(found);
  CHECK(fs::path(*found) == root / ".ephemera.yaml");
  Config config;
  std::vector<ConfigError> errors;
  CHECK(load_config_file(*found, config, errors));
  CHECK(config.fail_on == Severity::High);
  CHECK_FALSE(load_config_file((root / "missing.yaml").string(), config, errors));
  CHECK(errors.back().message.rfind("cannot read configuration file", 0) == 0);
  fs::remove_all(root);
}

TEST_CASE("config: the nearest file of many directories asks about each directory once") {
  // A fake disk: the answers must be nearest_config_file's, and no candidate asked twice.
  std::set<std::string> files = {"/scan/.ephemera.yaml", "/scan/a/b/.ephemera.yml", "/scan/a/b/.ephemera.yaml"};
  std::map<std::string, int> asked;
  NearestConfigFiles nearest([&](const std::string& candidate) {
    ++asked[candidate];
    return files.count(candidate) > 0;
  });
  auto on_disk = [&](const std::string& candidate) { return files.count(candidate) > 0; };
  std::vector<std::string> dirs = {"/scan/a/b/c", "/scan/a/b/d/", "/scan/a/x", "/scan/a/b", "/scan/a/y/z",
                                   "/scan",       "/elsewhere/q", "/elsewhere", "/scan/a/b/c/../d", "/"};
  for (const auto& dir : dirs) CHECK(nearest.of_directory(dir) == nearest_config_file(dir, on_disk));
  CHECK(nearest.of_directory("/scan/a/b/c") == std::optional<std::string>("/scan/a/b/.ephemera.yaml"));
  CHECK(nearest.of_directory("/scan/a/y/z") == std::optional<std::string>("/scan/.ephemera.yaml"));
  CHECK_FALSE(nearest.of_directory("/elsewhere/q"));
  CHECK_FALSE(asked.empty());
  for (const auto& [candidate, times] : asked) CHECK_MESSAGE(times == 1, candidate);
  CHECK(asked.count("/scan/a/b/.ephemera.yml") == 0);  // the first name is found first
}

TEST_CASE("config: an alias bomb stops at the YAML loader's limit, with a position") {
  std::string bomb = "exclude: &a [x, x, x, x, x, x, x, x, x]\n";
  const char* names = "abcdefghij";
  for (int i = 1; i < 10; ++i) {
    bomb += std::string("k") + names[i] + ": &" + names[i] + " [";
    for (int k = 0; k < 9; ++k) bomb += std::string(k ? ", " : "") + "*" + names[i - 1];
    bomb += "]\n";
  }
  auto started = std::chrono::steady_clock::now();
  auto errors = parse_errors(bomb);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
  REQUIRE(!errors.empty());
  CHECK(errors[0].message.find("alias expansion exceeds") != std::string::npos);
  CHECK(errors[0].line > 1);
  CHECK(errors[0].column > 1);
}

TEST_CASE("config: depth and size limits, and YAML yaml-cpp alone would misread") {
  std::string deep = "rules: ";
  for (int i = 0; i < 400; ++i) deep += "[";
  auto errors = parse_errors(deep);
  REQUIRE(!errors.empty());
  CHECK(errors[0].line == 1);

  auto big = parse_errors("exclude: [" + std::string(2 << 20, 'x') + "]\n");
  REQUIRE(big.size() == 1);
  CHECK(big[0].message.find("exceeds the limit") != std::string::npos);

  auto trailing = parse_errors("fail-on: high\nnot-a-key");
  REQUIRE(trailing.size() == 1);
  CHECK(trailing[0].to_string().rfind(".ephemera.yaml:2:", 0) == 0);
}

TEST_CASE("config: serverless stage and env values") {
  Config config;
  std::vector<ConfigError> errors;
  parse_config(".ephemera.yaml", "serverless:\n  stage: prod\n  env:\n    REGION: eu-west-1\n  stages: x\n", config, errors);
  CHECK(config.serverless_stage == std::optional<std::string>("prod"));
  CHECK(config.serverless_env == std::vector<std::pair<std::string, std::string>>{{"REGION", "eu-west-1"}});
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].line == 5);
}

