// What the own scanner's runs rely on in the parse table, checked on the compiled language.
#pragma once
#include <string>
#include <vector>

#include <tree_sitter/api.h>

namespace eph::test {

// Violations (empty when all hold): outside error recovery, wherever a literal chunk is valid,
// (1) shifting a chunk leads to a state with the same valid external tokens, so one run sees the
// same valid tokens at every character; (2) quoted_template_start, template_interpolation_end and
// template_directive_end are not valid, so `"` in a heredoc and `}` are template text there.
std::vector<std::string> check_table_assumptions(const TSLanguage* language);

}  // namespace eph::test
