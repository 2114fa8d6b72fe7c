#pragma once
// A rule's options, declared once next to the rule (clang-tidy's storeOptions, ruff's typed
// settings): the configuration loader validates `.ephemera.yaml` against the declarations,
// rules read their defaults from them, and `ephemera explain` and the README tables
// (checked by a test) are generated from them.
#include <climits>
#include <span>
#include <string>
#include <string_view>

namespace eph {

enum class OptionType { Integer, StringList };

struct RuleOption {
  std::string_view name;     // kebab-case, as written in .ephemera.yaml
  OptionType type = OptionType::Integer;
  std::string_view meaning;  // one line, for the documentation table
  long long default_integer = 0;  // Integer: the value when not configured
  long long minimum = LLONG_MIN, maximum = LLONG_MAX;  // Integer: accepted range
};

using RuleOptions = std::span<const RuleOption>;

std::string_view to_string(OptionType type);
// The default as documented: "1000", "none".
std::string default_text(const RuleOption& option);
// The declaration named `name`, or null.
const RuleOption* find_option(RuleOptions options, std::string_view name);

// The Markdown table of the options ("| option | type | default | meaning |"), as the rule
// READMEs hold it under "## Options".
std::string options_table(RuleOptions options);

// A rule's documentation with its "## Options" table generated from the declarations:
// replaced when the README has one, appended when it has none.
std::string documentation_with_options(std::string_view documentation, RuleOptions options);

// The table that follows the "## Options" heading of a README body, or "" when there is none.
std::string_view readme_options_table(std::string_view documentation);

}  // namespace eph
