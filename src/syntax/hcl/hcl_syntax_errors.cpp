// Turns tree-sitter's ERROR and MISSING nodes into readable EPH000 diagnostics, then adds
// what HCL rejects and the grammar accepts (hcl_strict_syntax.cpp).
#include <cstring>
#include <string>

#include "syntax/hcl/hcl_tree.h"

namespace eph::hcl {
namespace {

// What a MISSING node stands for, as the user would write it.
std::string missing_what(const char* type) {
  static const std::pair<const char*, const char*> kNames[] = {
      {"quoted_template_end", "closing '\"'"},   {"block_end", "closing '}'"},
      {"object_end", "closing '}'"},             {"tuple_end", "closing ']'"},
      {"_function_call_end", "closing ')'"},     {")", "closing ')'"},
      {"]", "closing ']'"},                      {"}", "closing '}'"},
      {"template_interpolation_end", "closing '}' of the interpolation"},
      {"template_directive_end", "closing '}' of the directive"},
      {"heredoc_identifier", "heredoc end marker"},
      {"object_start", "opening '{'"},            {"tuple_start", "opening '['"},
      {"block_start", "opening '{'"},             {"=", "'='"},
      {"identifier", "name"},                    {"expression", "expression"},
  };
  for (const auto& [name, what] : kNames)
    if (std::strcmp(type, name) == 0) return what;
  return std::string("'") + type + "'";
}

std::string quoted_excerpt(std::string_view text) {
  size_t cut = text.find_first_of("\r\n");
  if (cut != std::string_view::npos) text = text.substr(0, cut);
  if (text.size() > 30) return "'" + std::string(text.substr(0, 30)) + "...'";
  return "'" + std::string(text) + "'";
}

// The first token inside an ERROR node: what the parser could not place.
TSNode first_leaf(TSNode node) {
  while (ts_node_child_count(node) > 0) {
    TSNode first = ts_node_child(node, 0);
    if (ts_node_end_byte(first) == ts_node_start_byte(first) && ts_node_child_count(node) > 1) {
      first = ts_node_child(node, 1);
    }
    node = first;
  }
  return node;
}

// Depth-first with an explicit stack: a pathological file may nest thousands deep.
void collect(TSNode root, const SourceFile* file, std::vector<Diagnostic>& out, size_t max_errors) {
  std::vector<TSNode> stack{root};
  while (!stack.empty() && out.size() < max_errors) {
    TSNode node = stack.back();
    stack.pop_back();
    if (ts_node_is_missing(node)) {
      uint32_t at = ts_node_start_byte(node);
      out.push_back({Diagnostic::Kind::ParseError, Range{file, at, at}, "missing " + missing_what(ts_node_type(node))});
      continue;
    }
    if (ts_node_is_error(node)) {
      Range r = range_of(file, node);
      std::string message = "unexpected end of file";
      if (r.begin < file->text().size()) {
        std::string_view token = range_of(file, first_leaf(node)).text();
        if (token.empty()) token = r.text();
        if (!token.empty()) message = "unexpected " + quoted_excerpt(token);
      }
      out.push_back({Diagnostic::Kind::ParseError, r, std::move(message)});
      continue;  // missing tokens inside an ERROR node are part of the same mistake
    }
    if (!ts_node_has_error(node)) continue;
    std::vector<TSNode> kids = children(node);
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back(*it);
  }
}

}  // namespace

std::vector<Diagnostic> syntax_errors(const HclTree& tree, size_t max_errors) {
  std::vector<Diagnostic> out;
  if (tree.has_errors()) collect(tree.root(), tree.file().get(), out, max_errors);
  strict_syntax_errors(tree, out, max_errors);
  return out;
}

}  // namespace eph::hcl
