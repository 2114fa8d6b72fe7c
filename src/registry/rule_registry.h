#pragma once
// The explicit, sorted list of rules and their metadata (from each rule's README front matter).
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "rule_api/rule.h"
#include "rule_api/rule_info.h"

namespace eph {

// Every rule, sorted by id, with its metadata: the built-in rules and the custom rules
// installed (custom/custom_rules.h). The reference stays valid while the program runs.
const std::vector<RuleEntry>& all_rules();
// The built-in rules only.
const std::vector<RuleEntry>& builtin_rules();
// Replaces the custom rules that join the built-in ones in all_rules(). Analyses running
// meanwhile keep the list they started with (each list is kept: a few per session).
void set_custom_rules(std::vector<std::pair<std::shared_ptr<const RuleInfo>, std::shared_ptr<const Rule>>> rules);
// By id or slug, in any case (`eph301`, `Secret-In-Env-Var`).
const RuleEntry* find_rule(std::string_view id_or_slug);
// Every id and slug, for "did you mean" suggestions.
std::vector<std::string> rule_ids_and_slugs();
// Folder names of the registered rules, in registry order (checked against rules/ by a test).
std::vector<std::string> registered_rule_ids();

// Parses README front matter (`---` ... `---`, `key: value` lines). Exposed for tests.
bool parse_rule_doc(std::string_view folder, std::string_view text, RuleInfo& out, std::string& error);

// The project's repository (CMake EPHEMERA_REPOSITORY_URL), and the rules' READMEs as published
// for this release: the repository at the release's tag, v<version>. Every output links from here.
std::string_view repository_url();
std::string_view rule_docs_base_url();

// Link to a rule's documentation (text findings, `ephemera rules`, SARIF helpUri, LSP codeDescription).
std::string rule_help_uri(const RuleInfo& info);

}  // namespace eph
