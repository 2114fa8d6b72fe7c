#pragma once
// Builds the configuration tree (config_ast.h) from a tree-sitter HCL parse.
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "syntax/hcl/hcl_tree.h"
#include "terraform/config_ast.h"

namespace eph::terraform {

// The body of a parsed .tf/.tfvars file. Syntax errors are not reported here
// (hcl::syntax_errors does); unreadable parts are skipped or become Invalid expressions.
// Nesting deeper than the bound is reported as EPH001.
Body build_body(const hcl::HclTree& tree, std::vector<Diagnostic>& diagnostics);

// Text read as an HCL template (a templatefile() file, a string in JSON syntax).
// Positions point into `file` at `offset` onward when the text is the file's own bytes
// (`file` non-null), otherwise every position is `fallback`.
ExprPtr parse_template(std::string_view text, const SourceFile* file, uint32_t offset, Range fallback,
                       std::vector<Diagnostic>& diagnostics);

// A single expression written as text (a --var value of a non-string variable); positions are `fallback`.
ExprPtr parse_expression(std::string_view text, Range fallback, std::vector<Diagnostic>& diagnostics);

}  // namespace eph::terraform
