// What HashiCorp's HCL parser rejects although the tree-sitter grammar accepts it: an argument
// set twice in one body, two arguments or blocks on one line, single-line blocks with more
// than one argument, numbers such as 10.11.10.12, object items without a separator, quoted
// strings over several lines, empty interpolations. The messages are HCL's own (tests/hcl_reference compares the
// verdicts with HashiCorp's parser).
#include <cstring>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

#include "syntax/hcl/hcl_tree.h"

namespace eph::hcl {
namespace {

// The node types the checks look at. Each node's type is read from a table indexed by its
// symbol, built once per language from the symbols' names (ts_node_type compares as a string,
// which cost a strcmp per type tried per node).
enum class Kind : uint8_t {
  Other, Body, Block, BlockStart, Attribute, Object, ObjectElem, Comma, StringLit, QuotedTemplate,
  TemplateLiteral, HeredocTemplate, HeredocIdentifier, VariableExpr, NumericLit, LiteralValue, Index,
  LegacyIndex, Expression, TemplateInterpolation, Comment, Opening, Closing,
};

Kind kind_named(const char* name) {
  static const std::pair<const char*, Kind> kNames[] = {
      {"body", Kind::Body},
      {"block", Kind::Block},
      {"block_start", Kind::BlockStart},
      {"attribute", Kind::Attribute},
      {"object", Kind::Object},
      {"object_elem", Kind::ObjectElem},
      {",", Kind::Comma},
      {"string_lit", Kind::StringLit},
      {"quoted_template", Kind::QuotedTemplate},
      {"template_literal", Kind::TemplateLiteral},
      {"heredoc_template", Kind::HeredocTemplate},
      {"heredoc_identifier", Kind::HeredocIdentifier},
      {"variable_expr", Kind::VariableExpr},
      {"numeric_lit", Kind::NumericLit},
      {"literal_value", Kind::LiteralValue},
      {"index", Kind::Index},
      {"legacy_index", Kind::LegacyIndex},
      {"expression", Kind::Expression},
      {"template_interpolation", Kind::TemplateInterpolation},
      {"comment", Kind::Comment},
      // `[*]` is one token, opened and closed: neither.
      {"(", Kind::Opening},
      {"[", Kind::Opening},
      {"{", Kind::Opening},
      {"tuple_start", Kind::Opening},
      {"object_start", Kind::Opening},
      {"template_interpolation_start", Kind::Opening},
      {"template_directive_start", Kind::Opening},
      {")", Kind::Closing},
      {"]", Kind::Closing},
      {"}", Kind::Closing},
      {"tuple_end", Kind::Closing},
      {"object_end", Kind::Closing},
      {"template_interpolation_end", Kind::Closing},
      {"template_directive_end", Kind::Closing},
  };
  for (const auto& [type, kind] : kNames)
    if (std::strcmp(name, type) == 0) return kind;
  return Kind::Other;
}

// Kinds by symbol (ts_node_symbol) for `language`; the HCL language comes in a few variants
// (the engine's scanner and the grammar's), so the tables are kept per language.
const std::vector<Kind>& kinds_of(const TSLanguage* language) {
  static std::mutex mutex;
  static std::deque<std::pair<const TSLanguage*, std::vector<Kind>>> tables;  // adding keeps references
  std::lock_guard lock(mutex);
  for (const auto& [known, table] : tables)
    if (known == language) return table;
  std::vector<Kind> table(ts_language_symbol_count(language), Kind::Other);
  for (uint32_t symbol = 0; symbol < table.size(); ++symbol) {
    const char* name = ts_language_symbol_name(language, static_cast<TSSymbol>(symbol));
    if (name) table[symbol] = kind_named(name);
  }
  tables.emplace_back(language, std::move(table));
  return tables.back().second;
}

class StrictSyntax {
 public:
  StrictSyntax(const SourceFile* file, const std::vector<Kind>& kinds, std::vector<Diagnostic>& out, size_t max_errors)
      : file_(file), text_(file->text()), kinds_(kinds), out_(out), max_(max_errors) {}

  void walk(TSNode root) {
    // Each node with whether it is the body of a block opened on the line where the body starts
    // (known from its parent's children: ts_node_parent and ts_node_prev_sibling walk down from
    // the root, once per body, which made the walk quadratic in the number of nested blocks).
    std::vector<std::pair<TSNode, bool>> stack{{root, false}};
    while (!stack.empty() && out_.size() < max_) {
      auto [node, single_line] = stack.back();
      stack.pop_back();
      if (ts_node_is_error(node) || ts_node_is_missing(node)) continue;  // reported by syntax_errors
      std::vector<TSNode> kids = children(node);
      Kind k = kind(node);
      auto push_kids = [&] {
        for (size_t i = kids.size(); i-- > 0;) {
          bool single = k == Kind::Block && i > 0 && is(kids[i], Kind::Body) &&
                        line_of(ts_node_end_byte(kids[i - 1])) == line_of(ts_node_start_byte(kids[i]));
          stack.emplace_back(kids[i], single);
        }
      };
      // Around a syntax error the grammar's recovery shapes the tree: checked below it only.
      if (ts_node_has_error(node)) {
        push_kids();
        continue;
      }
      switch (k) {
        case Kind::Body: body(kids, single_line); break;
        case Kind::Block: block(node, kids); break;
        case Kind::Attribute: attribute(kids); break;
        case Kind::Object: object(kids); break;
        case Kind::StringLit:
        case Kind::QuotedTemplate: quoted_string(node, kids); break;
        case Kind::HeredocTemplate: heredoc(kids); break;
        case Kind::VariableExpr: namespaced_variable(node); break;
        case Kind::NumericLit: number(node); break;
        case Kind::TemplateInterpolation: interpolation(kids); break;
        default: break;
      }
      indexes(kids);
      push_kids();
    }
  }

 private:
  const SourceFile* file_;
  const std::string& text_;
  const std::vector<Kind>& kinds_;
  std::vector<Diagnostic>& out_;
  size_t max_;

  Kind kind(TSNode node) const {
    TSSymbol symbol = ts_node_symbol(node);
    return symbol < kinds_.size() ? kinds_[symbol] : Kind::Other;
  }
  bool is(TSNode node, Kind k) const { return kind(node) == k; }

  void report(uint32_t begin, uint32_t end, std::string message) {
    if (out_.size() < max_) out_.push_back({Diagnostic::Kind::ParseError, Range{file_, begin, end}, std::move(message)});
  }

  uint32_t line_of(uint32_t offset) const { return file_->position(offset, ColumnUnit::Bytes).line; }

  // The first byte after `from` that is neither blank nor a comment, stopping at a line break
  // (a `#` or `//` comment runs to the line break, which then counts).
  uint32_t next_on_line(uint32_t from) const {
    uint32_t at = from;
    while (at < text_.size()) {
      char c = text_[at];
      if (c == ' ' || c == '\t' || c == '\r') {
        ++at;
      } else if (c == '#' || (c == '/' && at + 1 < text_.size() && text_[at + 1] == '/')) {
        size_t eol = text_.find('\n', at);
        return eol == std::string::npos ? static_cast<uint32_t>(text_.size()) : static_cast<uint32_t>(eol);
      } else if (c == '/' && at + 1 < text_.size() && text_[at + 1] == '*') {
        size_t close = text_.find("*/", at + 2);
        if (close == std::string::npos) return static_cast<uint32_t>(text_.size());
        at = static_cast<uint32_t>(close + 2);
      } else {
        return at;
      }
    }
    return at;
  }
  bool ends_line(uint32_t at) const { return at >= text_.size() || text_[at] == '\n'; }

  std::string place(TSNode node) const {
    LineCol b = file_->position(ts_node_start_byte(node));
    LineCol e = file_->position(ts_node_end_byte(node));
    return file_->path() + ":" + std::to_string(b.line) + "," + std::to_string(b.column) + "-" +
           std::to_string(e.column);
  }

  // Arguments once per body; every argument and block ends its line, except the single
  // argument of a single-line block (checked by block()).
  void body(const std::vector<TSNode>& kids, bool single_line) {
    std::unordered_map<std::string_view, TSNode> seen;
    for (TSNode element : kids) {
      bool attribute = is(element, Kind::Attribute);
      if (!attribute && !is(element, Kind::Block)) continue;
      if (!attribute && range_of(file_, ts_node_child(element, 0)).text().find("::") != std::string_view::npos) {
        TSNode name = ts_node_child(element, 0);
        report(ts_node_start_byte(name), ts_node_end_byte(name),
               "Argument or block definition required: An argument or block definition is required here.");
        continue;
      }
      if (attribute) {
        TSNode name = ts_node_child(element, 0);
        std::string_view key = range_of(file_, name).text();
        auto [it, fresh] = seen.emplace(key, name);
        if (!fresh) {
          report(ts_node_start_byte(name), ts_node_end_byte(name),
                 "Attribute redefined: The argument \"" + std::string(key) + "\" was already set at " +
                     place(it->second) + ". Each argument may be set only once.");
        }
      }
      if (single_line) continue;
      uint32_t end = ts_node_end_byte(element);
      if (end > 0 && text_[end - 1] == '\n') continue;  // a heredoc ends with its line
      uint32_t next = next_on_line(end);
      if (!ends_line(next)) {
        report(next, next + 1,
               attribute ? "Missing newline after argument: An argument definition must end with a newline."
                         : "Missing newline after block definition: A block definition must end with a newline.");
      }
    }
  }

  void block(TSNode node, const std::vector<TSNode>& kids) {
    uint32_t header_line = line_of(ts_node_start_byte(node));
    // The body and whether it starts on the line of what precedes it (a single-line block).
    TSNode body_node{}, open{};
    bool has_body = false, single_line = false;
    for (size_t i = 0; i < kids.size(); ++i) {
      if (is(kids[i], Kind::BlockStart)) open = kids[i];
      if (is(kids[i], Kind::Body)) {
        body_node = kids[i];
        has_body = true;
        single_line = i > 0 && line_of(ts_node_end_byte(kids[i - 1])) == line_of(ts_node_start_byte(kids[i]));
      }
    }
    if (ts_node_is_null(open)) return;
    if (line_of(ts_node_start_byte(open)) != header_line) {
      report(ts_node_start_byte(node), ts_node_start_byte(node) + 1,
             "Argument or block definition required: An argument or block definition is required here.");
      return;
    }
    if (!has_body || !single_line) return;
    std::vector<TSNode> elements = children(body_node);
    TSNode first = elements.front();
    if (!is(first, Kind::Attribute)) {
      report(ts_node_start_byte(first), ts_node_end_byte(ts_node_child(first, 0)),
             "Argument definition required: A single-line block definition can contain only a single argument. "
             "To define a nested block, place it on a line of its own within its parent block.");
      return;
    }
    uint32_t next = next_on_line(ts_node_end_byte(first));
    if (next < text_.size() && text_[next] == '}') return;
    if (ends_line(next)) {
      report(ts_node_end_byte(first), next < text_.size() ? next + 1 : next,
             "Invalid single-argument block definition: An argument definition on the same line as its containing "
             "block creates a single-line block definition, which must also be closed on the same line. Place the "
             "block's closing brace immediately after the argument definition.");
    } else {
      report(next, next + 1,
             "Invalid single-argument block definition: Single-line block syntax can include only one argument "
             "definition. To define multiple arguments, use the multi-line block syntax with one argument "
             "definition per line.");
    }
  }

  // `name` and `=` on one line; a name without `::`; the expression on the line of `=`.
  void attribute(const std::vector<TSNode>& kids) {
    if (kids.size() < 2) return;
    if (line_of(ts_node_start_byte(kids[1])) != line_of(ts_node_start_byte(kids[0])) ||
        range_of(file_, kids[0]).text().find("::") != std::string_view::npos) {
      report(ts_node_start_byte(kids[0]), ts_node_end_byte(kids[0]),
             "Argument or block definition required: An argument or block definition is required here. To set an "
             "argument, use the equals sign \"=\" to introduce the argument value.");
      return;
    }
    if (kids.size() >= 3) expression_lines(kids[1], kids[2]);
  }

  // A line break ends an argument's expression unless it is inside brackets, parentheses,
  // braces or an interpolation: HCL reads `x = a` then `[0]` on the next line as two items.
  void expression_lines(TSNode equals, TSNode expression) {
    // Without a line break from `=` to the end of the expression every token is on its line.
    uint32_t from = ts_node_end_byte(equals), to = ts_node_end_byte(expression);
    if (to <= from || std::memchr(text_.data() + from, '\n', to - from) == nullptr) return;
    uint32_t last_line = line_of(from);
    bool first = true;
    int depth = 0;
    std::vector<TSNode> stack{expression};
    while (!stack.empty()) {
      TSNode node = stack.back();
      stack.pop_back();
      Kind k = kind(node);
      if (k == Kind::Comment) continue;
      bool opaque = k == Kind::StringLit || k == Kind::QuotedTemplate || k == Kind::HeredocTemplate;
      uint32_t child_count = ts_node_child_count(node);
      if (!opaque && child_count > 0) {
        std::vector<TSNode> kids = children(node);
        for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back(*it);
        continue;
      }
      uint32_t begin = ts_node_start_byte(node);
      if (ts_node_end_byte(node) == begin) continue;  // zero-width
      bool inside = depth > 0;  // a closing bracket may stand on its own line
      if (k == Kind::Closing) --depth;
      if (!inside && line_of(begin) > last_line) {
        if (first) {
          report(from, begin,
                 "Invalid expression: Expected the start of an expression, but found an invalid expression token.");
        } else {
          report(begin, ts_node_end_byte(node),
                 "Argument or block definition required: An argument or block definition is required here.");
        }
        return;
      }
      if (k == Kind::Opening) ++depth;
      first = false;
      last_line = line_of(ts_node_end_byte(node) - 1);
    }
  }

  // `a::b` names a provider function: a call must follow.
  void namespaced_variable(TSNode node) {
    if (range_of(file_, node).text().find("::") == std::string_view::npos) return;
    uint32_t end = ts_node_end_byte(node);
    report(end, end,
           "Missing open parenthesis: Function selector must be followed by an open parenthesis to begin the "
           "function call.");
  }

  // The line of `<<EOT` ends right after the marker.
  void heredoc(const std::vector<TSNode>& kids) {
    for (TSNode kid : kids) {
      if (!is(kid, Kind::HeredocIdentifier)) continue;
      uint32_t end = ts_node_end_byte(kid);
      size_t eol = text_.find('\n', end);
      std::string_view rest = std::string_view(text_).substr(end, eol == std::string::npos ? std::string::npos : eol - end);
      if (!rest.empty() && rest != "\r") {
        uint32_t begin = ts_node_start_byte(kids.front());
        report(begin, begin + 1,
               "Invalid expression: Expected the start of an expression, but found an invalid expression token.");
      }
      return;
    }
  }

  // Object items are separated by a comma or a line break.
  void object(const std::vector<TSNode>& kids) {
    bool after_item = false, separated = false;
    uint32_t last_end = 0;
    for (TSNode kid : kids) {
      if (is(kid, Kind::ObjectElem)) {
        uint32_t begin = ts_node_start_byte(kid);
        bool newline = std::string_view(text_).substr(last_end, begin - last_end).find('\n') != std::string_view::npos;
        if (after_item && !separated && !newline) {
          report(begin, begin + 1,
                 "Missing attribute separator: Expected a newline or comma to mark the beginning of the next "
                 "attribute.");
        }
        after_item = true;
        separated = false;
        last_end = ts_node_end_byte(kid);
      } else if (is(kid, Kind::Comma)) {
        separated = true;
      }
    }
  }

  // HCL reads `10.11.10.12` as one number token (and rejects it), `a.1.2` as a legacy index
  // followed by a number; the grammar reads both as legacy indexes `.10`, `.2`.
  void indexes(const std::vector<TSNode>& kids) {
    for (size_t i = 0; i + 1 < kids.size(); ++i) {
      bool number = is(kids[i], Kind::LiteralValue) && ts_node_child_count(kids[i]) > 0 &&
                    is(ts_node_child(kids[i], 0), Kind::NumericLit);
      bool legacy = legacy_index(kids[i]);
      if (!number && !legacy) continue;
      size_t last = i;
      while (last + 1 < kids.size() && legacy_index(kids[last + 1]) &&
             ts_node_start_byte(kids[last + 1]) == ts_node_end_byte(kids[last]))
        ++last;
      if (number && last > i) {
        report(ts_node_start_byte(kids[i]), ts_node_end_byte(kids[last]),
               "Invalid number literal: Failed to recognize the value of this number literal.");
        i = last;
      } else if (legacy && last > i) {
        report(ts_node_start_byte(kids[i]) + 1, ts_node_end_byte(kids[last]),
               "Invalid legacy index syntax: When using the legacy index syntax, chaining two indexes together is "
               "not permitted. Use the modern index syntax instead, like [1][2].");
        i = last;
      }
    }
  }

  bool legacy_index(TSNode node) const {
    return is(node, Kind::Index) && ts_node_child_count(node) > 0 && is(ts_node_child(node, 0), Kind::LegacyIndex);
  }

  // HCL has no hexadecimal numbers: it reads `0x10` as 0 followed by the name x10.
  void number(TSNode node) {
    std::string_view written = range_of(file_, node).text();
    if (written.size() > 1 && (written[1] == 'x' || written[1] == 'X')) {
      report(ts_node_start_byte(node), ts_node_end_byte(node),
             "Invalid number literal: HCL numbers are decimal; \"" + std::string(written) +
                 "\" is not a number.");
    }
  }

  // `${}`: the grammar allows an interpolation without an expression, HCL does not.
  void interpolation(const std::vector<TSNode>& kids) {
    for (TSNode kid : kids)
      if (is(kid, Kind::Expression)) return;
    if (kids.empty()) return;
    TSNode end = kids.back();
    report(ts_node_start_byte(end), ts_node_end_byte(end),
           "Invalid expression: Expected the start of an expression, but found an invalid expression token.");
  }

  // A line break in the literal text of a quoted string (interpolations may span lines).
  void quoted_string(TSNode node, const std::vector<TSNode>& parts) {
    for (TSNode part : parts) {
      if (!is(part, Kind::TemplateLiteral)) continue;
      std::string_view literal = range_of(file_, part).text();
      size_t newline = literal.find('\n');
      if (newline == std::string_view::npos) continue;
      uint32_t begin = ts_node_start_byte(node);
      report(begin, ts_node_start_byte(part) + static_cast<uint32_t>(newline) + 1,
             "Invalid multi-line string: Quoted strings may not be split over multiple lines. To produce a "
             "multi-line string, either use the \\n escape to represent a newline character or use the "
             "\"heredoc\" multi-line template syntax.");
      return;
    }
  }
};

}  // namespace

void strict_syntax_errors(const HclTree& tree, std::vector<Diagnostic>& out, size_t max_errors) {
  if (!tree.file()) return;
  TSNode root = tree.root();
  StrictSyntax(tree.file().get(), kinds_of(ts_node_language(root)), out, max_errors).walk(root);
}

}  // namespace eph::hcl
