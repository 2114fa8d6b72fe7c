// `ephemera test-rules DIR...`: runs each custom rule's fixtures (the files and folders next
// to its rule file, with `# expect:` lines as in rules/) and fails on any mismatch, so that
// teams test their policies in CI.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <set>

#include "cli/commands.h"
#include "core/spelling.h"
#include "custom/custom_rules.h"
#include "engine/fixture_check.h"

namespace fs = std::filesystem;

namespace eph::cli {
namespace {

const char* kTestRulesHelp =
    "usage: ephemera test-rules DIR...\n"
    "\n"
    "Loads the custom rules (*.rule.yaml) under each DIR and runs their fixtures: the other files\n"
    "and folders in each rule file's folder (a folder is analysed as one tree). Fixtures state\n"
    "what must be found on the line where it must be found, as in the built-in rules' fixtures:\n"
    "  resource \"aws_lambda_function\" \"api\" {   # expect: ACME101\n"
    "and a JSON fixture has a sidecar NAME.json.expect with `LINE RULE` lines. On a folder's\n"
    "fixtures only the rules of that folder run (and EPH000, so that a fixture that does not\n"
    "parse says so).\n"
    "\n"
    "exit codes: 0 every fixture matches, 1 a mismatch or a rule folder without fixtures,\n"
    "            2 usage or a rule file with errors\n";

bool holds_rule_file(const fs::path& dir) {
  std::string ignored;
  return !custom_rule_files(dir.string(), ignored).empty();
}

}  // namespace

int run_test_rules(const std::vector<std::string>& args) {
  if (wants_help(args)) {
    std::cout << kTestRulesHelp;
    return kExitClean;
  }
  if (args.empty()) {
    std::cerr << "ephemera test-rules: name a directory of custom rules (see `ephemera test-rules --help`)\n";
    return kExitUsage;
  }
  for (const auto& a : args) {
    if (a.starts_with("-")) {
      std::cerr << "ephemera test-rules: unknown option '" << a << "'" << did_you_mean(a, {"--help"})
                << " (see `ephemera test-rules --help`)\n";
      return kExitUsage;
    }
  }
  CustomRuleSet set;
  std::vector<ConfigError> errors;
  bool ok = load_custom_rules(args, set, errors);
  for (const auto& e : errors) std::cerr << "ephemera test-rules: " << e.to_string() << "\n";
  if (!ok) return kExitUsage;
  if (set.infos.empty()) {
    std::cerr << "ephemera test-rules: no rule files (*.rule.yaml) under " << args.front() << "\n";
    return kExitUsage;
  }
  install_custom_rules(set);

  std::set<fs::path> folders;
  for (const auto& file : set.files) folders.insert(fs::path(file).parent_path());
  int failures = 0, passed = 0;
  for (const auto& folder : folders) {
    AnalysisOptions options;
    options.threads = 1;
    for (const auto& e : all_rules()) {
      bool own = e.info->custom() && fs::path(e.info->source_file).parent_path() == folder;
      if (!own && e.info->id != "EPH000") options.config.rules[e.info->id].enabled = false;
    }
    std::vector<fs::path> fixtures;
    for (const auto& e : fs::directory_iterator(folder)) {
      bool tree = e.is_directory() && !holds_rule_file(e.path());
      if (tree || (e.is_regular_file() && fixtures::is_fixture_file(e.path()))) fixtures.push_back(e.path());
    }
    std::sort(fixtures.begin(), fixtures.end());
    if (fixtures.empty()) {
      std::cout << "FAIL " << folder.string() << ": no fixtures next to the rule\n";
      ++failures;
      continue;
    }
    for (const auto& f : fixtures) {
      fixtures::FixtureOutcome outcome = fixtures::check_fixture(f, options);
      std::cout << outcome.report;
      if (outcome.mismatches) ++failures;
      else ++passed;
    }
  }
  std::cout << passed << " passed, " << failures << " failed\n";
  return failures ? kExitFindings : kExitClean;
}

}  // namespace eph::cli
