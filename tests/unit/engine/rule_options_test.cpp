// Declared rule options: the READMEs' tables agree with the declarations, `explain` renders
// them, and the configuration is checked against them (unknown, mistyped, old spellings).
#include <doctest/doctest.h>

#include <algorithm>
#include <regex>

#include "engine/config_loader.h"
#include "registry/rule_registry.h"

using namespace eph;

namespace {

std::vector<ConfigError> errors_of(const std::string& text, bool expect_ok) {
  Config config;
  std::vector<ConfigError> errors;
  CHECK(parse_config(".ephemera.yaml", text, config, errors) == expect_ok);
  return errors;
}

}  // namespace

TEST_CASE("each rule README's options table is the table its declarations generate") {
  for (const auto& e : all_rules()) {
    const RuleInfo& info = *e.info;
    CAPTURE(info.folder);
    std::string_view table = readme_options_table(info.documentation);
    if (info.options.empty()) {
      CHECK(table.empty());
      CHECK(info.documentation.find("## Options") == std::string_view::npos);
      continue;
    }
    CHECK(table == options_table(info.options));
    for (const auto& o : info.options) {
      CAPTURE(o.name);
      // One naming style: kebab-case, as every other configuration key.
      CHECK(o.name.find('_') == std::string_view::npos);
      CHECK(std::all_of(o.name.begin(), o.name.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }));
      CHECK(!o.meaning.empty());
      if (o.type == OptionType::Integer) CHECK((o.default_integer >= o.minimum && o.default_integer <= o.maximum));
    }
  }
}

TEST_CASE("rules with options declare them; explain's table comes from the declarations") {
  const RuleEntry* eph404 = find_rule("EPH404");
  REQUIRE(eph404);
  REQUIRE(eph404->info->options.size() == 1);
  CHECK(eph404->info->options[0].name == "account-limit");
  CHECK(eph404->info->options[0].default_integer == 1000);

  const RuleOption declared[] = {{.name = "max-things", .type = OptionType::Integer, .meaning = "how many", .default_integer = 7}};
  // A stale table is replaced...
  std::string doc = "Intro.\n\n## Options\n\n| option | default |\n|---|---|\n| `old` | 1 |\n\n## Examples\n\nx\n";
  std::string rendered = documentation_with_options(doc, declared);
  CHECK(rendered ==
        "Intro.\n\n## Options\n\n| option | type | default | meaning |\n|---|---|---|---|\n| `max-things` | integer | 7 | how many |\n"
        "\n## Examples\n\nx\n");
  // ... and a missing one appended.
  CHECK(documentation_with_options("Intro.\n", declared) ==
        "Intro.\n\n## Options\n\n| option | type | default | meaning |\n|---|---|---|---|\n| `max-things` | integer | 7 | how many |\n");
  CHECK(documentation_with_options("Intro.\n", {}) == "Intro.\n");
}

TEST_CASE("config: declared options are accepted with their types") {
  Config config;
  std::vector<ConfigError> errors;
  REQUIRE(parse_config(".ephemera.yaml",
                       "rules:\n"
                       "  EPH404: {options: {account-limit: 3000}}\n"
                       "  EPH102: {options: {ipv4-min-prefix: 24}}\n"
                       "  EPH301: {options: {allowed-values: [1234, abc], secret-names: license}}\n",
                       config, errors));
  CHECK(errors.empty());
  CHECK(config.settings("EPH404").options.get("account-limit")->number == 3000);
  CHECK(config.settings("EPH102").options.get("ipv4-min-prefix")->number == 24);
  const Value* allowed = config.settings("EPH301").options.get("allowed-values");
  REQUIRE(allowed);
  REQUIRE(allowed->items.size() == 2);
  CHECK(allowed->items[0].kind == Kind::String);  // an unquoted number in a list of strings is its text
  CHECK(allowed->items[0].text == "1234");
  CHECK(config.settings("EPH301").options.get("secret-names")->text == "license");
}

TEST_CASE("config: an unknown option is an error at its position, with a suggestion") {
  auto e = errors_of("rules:\n  EPH404:\n    options:\n      acount-limit: 500\n", false);
  REQUIRE(e.size() == 1);
  CHECK(e[0].to_string() ==
        ".ephemera.yaml:4:7: unknown option 'acount-limit' of EPH404; did you mean account-limit? (options: account-limit)");

  e = errors_of("rules:\n  EPH102:\n    options: {colour: red}\n", false);
  REQUIRE(e.size() == 1);
  CHECK(e[0].message == "unknown option 'colour' of EPH102 (options: ipv4-min-prefix, ipv6-min-prefix)");

  e = errors_of("rules:\n  unbounded-concurrency:\n    options: {limit: 1}\n", false);
  REQUIRE(e.size() == 1);
  CHECK(e[0].message == "unknown option 'limit': EPH401 has no options");
}

TEST_CASE("config: a mistyped option value is an error") {
  auto e = errors_of("rules:\n  EPH404:\n    options:\n      account-limit: lots\n", false);
  REQUIRE(e.size() == 1);
  CHECK(e[0].line == 4);
  CHECK(e[0].column == 22);
  CHECK(e[0].message == "EPH404 option 'account-limit' expects an integer from 100 to 100000000, got 'lots'");

  e = errors_of("rules:\n  EPH102:\n    options: {ipv4-min-prefix: 40}\n", false);
  REQUIRE(e.size() == 1);
  CHECK(e[0].message == "EPH102 option 'ipv4-min-prefix' expects an integer from 0 to 32, got '40'");

  e = errors_of("rules:\n  EPH102:\n    options: {ipv6-min-prefix: 2.5}\n", false);
  REQUIRE(e.size() == 1);

  e = errors_of("rules:\n  EPH301:\n    options: {secret-names: {a: b}}\n", false);
  REQUIRE(e.size() == 1);
  CHECK(e[0].message == "EPH301 option 'secret-names' expects a list of strings");

  e = errors_of("rules:\n  EPH404:\n    options: {account-limit: 2000, account_limit: 3000}\n", false);
  REQUIRE(e.size() == 2);  // the old-spelling warning, then the duplicate
  CHECK(e[1].message == "EPH404 option 'account-limit' is set twice");
}

TEST_CASE("config: the old snake_case spellings still work, with a warning") {
  Config config;
  std::vector<ConfigError> errors;
  REQUIRE(parse_config(".ephemera.yaml", "rules:\n  EPH404:\n    options:\n      account_limit: 3000\n", config, errors));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].warning);
  CHECK(errors[0].to_string() ==
        ".ephemera.yaml:4:7: warning: 'account_limit' is the old spelling of EPH404 option 'account-limit'; write "
        "'account-limit' (the old spelling still works but will be removed)");
  // Stored under the declared name, where the rule reads it.
  CHECK(config.settings("EPH404").options.get("account-limit")->number == 3000);
}

TEST_CASE("config: fail-on none") {
  Config config;
  std::vector<ConfigError> errors;
  REQUIRE(parse_config(".ephemera.yaml", "fail-on: none\n", config, errors));
  CHECK_FALSE(config.fail_on.has_value());
  auto e = errors_of("fail-on: nothing\n", false);
  REQUIRE(e.size() == 1);
  CHECK(e[0].message == "expected a severity (critical, high, medium, low, info) or none");
}

TEST_CASE("rules are found by id or slug in any case") {
  const RuleEntry* rule = find_rule("EPH301");
  REQUIRE(rule);
  CHECK(find_rule("eph301") == rule);
  CHECK(find_rule("Secret-In-Env-Var") == rule);
  CHECK(find_rule("EPH30") == nullptr);
}

TEST_CASE("documentation links point at the rule's README at the release's tag") {
  const RuleEntry* rule = find_rule("EPH301");
  REQUIRE(rule);
  // The release's tag, v<project(VERSION)>: v1.2.3, never a branch that moves.
  CHECK(std::regex_match(std::string(rule_docs_base_url()), std::regex(std::string(repository_url()) + "/blob/v[0-9]+\\.[0-9]+\\.[0-9]+")));
  CHECK(rule_help_uri(*rule->info) == std::string(rule_docs_base_url()) + "/rules/EPH301-secret-in-env-var/README.md");
}
