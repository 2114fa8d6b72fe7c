#pragma once
// The one place HCL text goes through tree-sitter.
#include <tree_sitter/api.h>

#include <string>

namespace eph::hcl {

// A new tree for `text`, reusing `old_tree` (already ts_tree_edit-ed) when given. By default the
// language is tree_sitter_hcl() with our external scanner (src/syntax/hcl/hcl_external_scanner.c).
// Its trees equal the grammar scanner's for text without syntax errors; on a syntax error
// tree-sitter's recovery weighs the number of tokens, which our scanner changes, so such text is
// parsed again with the grammar's scanner and that tree is returned (see bench/README.md).
TSTree* parse_hcl(const std::string& text, const TSTree* old_tree);

}  // namespace eph::hcl
