// Turns tree-sitter's ERROR and MISSING nodes into readable EPH000 diagnostics, or names the
// character that made them (hcl_lexical_errors.cpp), then adds what HCL rejects and the
// grammar accepts (hcl_strict_syntax.cpp).
#include <algorithm>
#include <cstring>
#include <memory>
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
      // The grammar places a missing token where the next one starts, often on the next line
      // or past the end of the file; it is missing where the text before it stops, as HCL says
      // (but a heredoc's end marker, which HCL, too, misses at the end of the file).
      uint32_t at = ts_node_start_byte(node), stop = at;
      std::string_view text = file->text();
      auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
      bool heredoc_end = std::strcmp(ts_node_type(node), "heredoc_identifier") == 0;
      while (!heredoc_end && stop > 0 && space(text[stop - 1])) --stop;
      Range where{file, stop, stop < at ? stop + 1 : at};
      out.push_back({Diagnostic::Kind::ParseError, where, "missing " + missing_what(ts_node_type(node))});
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
  if (tree.has_errors()) {
    const SourceFile* file = tree.file().get();
    LexicalErrors lexical = lexical_errors(*file, max_errors);
    if (lexical.diagnostics.empty()) {
      collect(tree.root(), file, out, max_errors);
    } else {
      // The grammar's errors around such a character are its echo (often one ERROR over the
      // whole file, reported at its first line). Its other errors are those of the text with
      // the characters read past, as HCL reads past them (same offsets, so reported in
      // `file`), but for those that still enclose one of the characters: its echo again.
      HclTree repaired(std::make_shared<SourceFile>(file->path(), std::move(lexical.repaired_text)));
      if (repaired.has_errors()) collect(repaired.root(), file, out, max_errors);
      std::erase_if(out, [&](const Diagnostic& d) {
        return std::any_of(lexical.diagnostics.begin(), lexical.diagnostics.end(), [&](const Diagnostic& l) {
          return d.range.begin <= l.range.begin && l.range.begin < std::max(d.range.end, d.range.begin + 1);
        });
      });
      out.insert(out.end(), lexical.diagnostics.begin(), lexical.diagnostics.end());
      std::stable_sort(out.begin(), out.end(),
                       [](const Diagnostic& a, const Diagnostic& b) { return a.range.begin < b.range.begin; });
    }
  }
  strict_syntax_errors(tree, out, max_errors);
  return out;
}

}  // namespace eph::hcl
