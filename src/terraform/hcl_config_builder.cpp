// tree-sitter HCL nodes -> configuration tree. The grammar flattens its hidden rules, so an
// `expression` node holds a primary term followed by its postfix traversals; a binary
// operation holds two such sequences around the operator token.
#include "terraform/hcl_config_builder.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <tuple>

namespace eph::terraform {
namespace {

constexpr int kMaxNesting = 200;

struct Symbols {
  TSSymbol attribute, block, body, identifier, string_lit, expression, literal_value, numeric_lit, bool_lit,
      null_lit, template_expr, quoted_template, heredoc_template, heredoc_start, heredoc_identifier,
      collection_value, tuple, object, object_elem, variable_expr, function_call, function_arguments, ellipsis,
      for_expr, for_tuple_expr, for_object_expr, for_intro, for_cond, operation, unary_operation,
      binary_operation, conditional, index, new_index, legacy_index, get_attr, splat, attr_splat, full_splat,
      template_interpolation, template_directive, template_if, template_if_intro, template_else_intro,
      template_if_end, template_for, template_for_start, template_for_end, strip_marker,
      quoted_template_start, quoted_template_end;
};

TSSymbol sym(const char* name, bool named = true) {
  return ts_language_symbol_for_name(tree_sitter_hcl(), name, static_cast<uint32_t>(std::strlen(name)), named);
}

const Symbols& symbols() {
  static const Symbols s{
      sym("attribute"), sym("block"), sym("body"), sym("identifier"), sym("string_lit"), sym("expression"),
      sym("literal_value"), sym("numeric_lit"), sym("bool_lit"), sym("null_lit"), sym("template_expr"),
      sym("quoted_template"), sym("heredoc_template"), sym("heredoc_start"), sym("heredoc_identifier"),
      sym("collection_value"), sym("tuple"), sym("object"), sym("object_elem"), sym("variable_expr"),
      sym("function_call"), sym("function_arguments"), sym("ellipsis"), sym("for_expr"), sym("for_tuple_expr"),
      sym("for_object_expr"), sym("for_intro"), sym("for_cond"), sym("operation"), sym("unary_operation"),
      sym("binary_operation"), sym("conditional"), sym("index"), sym("new_index"), sym("legacy_index"),
      sym("get_attr"), sym("splat"), sym("attr_splat"), sym("full_splat"), sym("template_interpolation"),
      sym("template_directive"), sym("template_if"), sym("template_if_intro"), sym("template_else_intro"),
      sym("template_if_end"), sym("template_for"), sym("template_for_start"), sym("template_for_end"),
      sym("strip_marker"), sym("quoted_template_start"), sym("quoted_template_end")};
  return s;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

void append_utf8(std::string& out, unsigned long cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Template literal text: `$${` and `%%{` escape the template markers; quoted strings also
// take backslash escapes.
std::string unescape(std::string_view raw, bool quoted) {
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if ((c == '$' || c == '%') && i + 2 < raw.size() && raw[i + 1] == c && raw[i + 2] == '{') {
      out += c;
      out += '{';
      i += 2;
      continue;
    }
    if (quoted && c == '\\' && i + 1 < raw.size()) {
      char e = raw[++i];
      switch (e) {
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case 'u':
        case 'U': {
          size_t len = e == 'u' ? 4 : 8;
          if (i + len < raw.size()) {
            std::string hex(raw.substr(i + 1, len));
            append_utf8(out, std::strtoul(hex.c_str(), nullptr, 16));
            i += len;
          }
          break;
        }
        default: out += '\\'; out += e; break;
      }
      continue;
    }
    out += c;
  }
  return out;
}

// `<<-` heredocs drop the smallest indentation of their non-blank lines.
uint32_t flush_indent(std::string_view content) {
  uint32_t best = UINT32_MAX;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t eol = content.find('\n', pos);
    std::string_view line = content.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
    size_t n = line.find_first_not_of(" \t");
    if (n != std::string_view::npos && line.substr(n) != "\r") best = std::min<uint32_t>(best, static_cast<uint32_t>(n));
    if (eol == std::string_view::npos) break;
    pos = eol + 1;
  }
  return best == UINT32_MAX ? 0 : best;
}

class Builder {
 public:
  Builder(const SourceFile& text, const SourceFile* out_file, int64_t delta, Range fallback,
          std::vector<Diagnostic>& diagnostics)
      : src_(text.text()), out_file_(out_file), delta_(delta), fallback_(fallback), diagnostics_(diagnostics) {}

  Body body(TSNode node) {
    Body out;
    const Symbols& s = symbols();
    for (TSNode child : hcl::children(node)) {
      TSSymbol t = ts_node_symbol(child);
      if (t == s.attribute) {
        if (auto a = attribute(child)) out.attributes.push_back(std::move(*a));
      } else if (t == s.block) {
        if (auto b = block(child)) out.blocks.push_back(std::move(*b));
      }
    }
    return out;
  }

  // A root `{ ... }` (tfvars written as one object): its elements read as attributes.
  Body object_as_body(TSNode node) {
    Body out;
    for (TSNode elem : hcl::children(node)) {
      if (ts_node_symbol(elem) != symbols().object_elem) continue;
      TSNode key = ts_node_child_by_field_name(elem, "key", 3);
      TSNode val = ts_node_child_by_field_name(elem, "val", 3);
      if (ts_node_is_null(key) || ts_node_is_null(val)) continue;
      ExprPtr k = expression(key);
      if (k->kind != ExprKind::Literal || !k->literal.is_string()) continue;
      out.attributes.push_back({k->literal.text, k->range, range(elem), expression(val)});
    }
    return out;
  }

  ExprPtr expression(TSNode node) {
    if (ts_node_is_null(node)) return Expr::make(ExprKind::Invalid, fallback_);
    if (ts_node_symbol(node) != symbols().expression) return term_node(node);
    if (++depth_ > kMaxNesting) {
      --depth_;
      return too_deep(node);
    }
    std::vector<TSNode> kids = hcl::children(node);
    ExprPtr out;
    if (kids.size() == 1 && ts_node_symbol(kids[0]) == symbols().conditional) {
      out = conditional(kids[0]);
    } else {
      out = term(kids, 0, kids.size(), range(node));
    }
    --depth_;
    return out;
  }

  std::vector<TemplatePart> template_parts_of(TSNode container, uint32_t from, uint32_t to, bool quoted,
                                              uint32_t indent, bool strip_first, bool strip_last) {
    std::vector<TemplatePart> out;
    parts(container, from, to, quoted, indent, strip_first, strip_last, out);
    return out;
  }

  ExprPtr heredoc(TSNode node);

 private:
  Range range(uint32_t b, uint32_t e) const {
    if (!out_file_) return fallback_;
    return Range{out_file_, static_cast<uint32_t>(b - delta_), static_cast<uint32_t>(e - delta_)};
  }
  Range range(TSNode n) const { return range(ts_node_start_byte(n), ts_node_end_byte(n)); }
  std::string_view text(TSNode n) const { return text(ts_node_start_byte(n), ts_node_end_byte(n)); }
  std::string_view text(uint32_t b, uint32_t e) const {
    if (b > src_.size()) b = static_cast<uint32_t>(src_.size());
    if (e > src_.size()) e = static_cast<uint32_t>(src_.size());
    return std::string_view(src_).substr(b, e > b ? e - b : 0);
  }
  bool is(TSNode n, TSSymbol s) const { return !ts_node_is_null(n) && ts_node_symbol(n) == s; }

  ExprPtr too_deep(TSNode node) {
    if (!reported_depth_) {
      reported_depth_ = true;
      diagnostics_.push_back({Diagnostic::Kind::LimitReached, range(node),
                              "expression nested deeper than " + std::to_string(kMaxNesting) +
                                  " levels; the rest is not evaluated"});
    }
    auto e = Expr::make(ExprKind::Invalid, range(node));
    return e;
  }

  std::optional<Attribute> attribute(TSNode node) {
    std::vector<TSNode> kids = hcl::children(node);
    if (kids.empty() || !is(kids[0], symbols().identifier)) return std::nullopt;
    Attribute a;
    a.name = std::string(text(kids[0]));
    a.name_range = range(kids[0]);
    a.range = range(node);
    TSNode value{};
    for (TSNode k : kids)
      if (is(k, symbols().expression)) value = k;
    a.expr = ts_node_is_null(value) ? Expr::make(ExprKind::Invalid, a.range) : expression(value);
    return a;
  }

  std::optional<Block> block(TSNode node) {
    const Symbols& s = symbols();
    std::vector<TSNode> kids = hcl::children(node);
    if (kids.empty() || !is(kids[0], s.identifier)) return std::nullopt;
    if (++depth_ > kMaxNesting) {
      --depth_;
      too_deep(node);
      return std::nullopt;
    }
    Block b;
    b.type = std::string(text(kids[0]));
    b.type_range = range(kids[0]);
    b.range = range(node);
    uint32_t header_end = ts_node_end_byte(kids[0]);
    for (size_t i = 1; i < kids.size(); ++i) {
      TSSymbol t = ts_node_symbol(kids[i]);
      if (t == s.string_lit) {
        b.labels.push_back(string_lit_text(kids[i]));
        header_end = ts_node_end_byte(kids[i]);
      } else if (t == s.identifier) {
        b.labels.emplace_back(text(kids[i]));
        header_end = ts_node_end_byte(kids[i]);
      } else if (t == s.body) {
        b.body = body(kids[i]);
      }
    }
    b.header = range(ts_node_start_byte(node), header_end);
    --depth_;
    return b;
  }

  std::string string_lit_text(TSNode node) {
    uint32_t from = ts_node_start_byte(node), to = ts_node_end_byte(node);
    for (TSNode k : hcl::children(node)) {
      if (is(k, symbols().quoted_template_start)) from = ts_node_end_byte(k);
      if (is(k, symbols().quoted_template_end)) to = ts_node_start_byte(k);
    }
    return unescape(text(from, to), true);
  }

  ExprPtr conditional(TSNode node) {
    auto e = Expr::make(ExprKind::Conditional, range(node));
    for (TSNode k : hcl::children(node))
      if (is(k, symbols().expression)) e->kids.push_back(expression(k));
    while (e->kids.size() < 3) e->kids.push_back(Expr::make(ExprKind::Invalid, e->range));
    return e;
  }

  // A primary term at kids[i] followed by postfix traversals up to kids[end).
  ExprPtr term(const std::vector<TSNode>& kids, size_t i, size_t end, Range whole) {
    if (i >= end) return Expr::make(ExprKind::Invalid, whole);
    ExprPtr cur;
    uint32_t start = ts_node_start_byte(kids[i]);
    if (!ts_node_is_named(kids[i]) && text(kids[i]) == "(") {
      size_t j = i + 1;
      while (j < end && !is(kids[j], symbols().expression)) ++j;
      cur = j < end ? expression(kids[j]) : Expr::make(ExprKind::Invalid, whole);
      while (j < end && !(!ts_node_is_named(kids[j]) && text(kids[j]) == ")")) ++j;
      i = j + 1;
      // A parenthesised expression is never a bare object key; remember its full extent.
      cur->range = range(start, ts_node_end_byte(kids[std::min(j, end - 1)]));
    } else {
      cur = term_node(kids[i]);
      ++i;
    }
    const Symbols& s = symbols();
    for (; i < end; ++i) {
      TSNode k = kids[i];
      Range r = range(start, ts_node_end_byte(k));
      TSSymbol t = ts_node_symbol(k);
      if (t == s.get_attr || t == s.index) {
        cur = postfix(std::move(cur), k, r);
      } else if (t == s.splat) {
        cur = splat(std::move(cur), k, r, start);
      }
    }
    return cur;
  }

  ExprPtr postfix(ExprPtr base, TSNode k, Range r) {
    const Symbols& s = symbols();
    TSSymbol t = ts_node_symbol(k);
    if (t == s.get_attr) {
      auto e = Expr::make(ExprKind::GetAttr, r);
      for (TSNode c : hcl::children(k))
        if (is(c, s.identifier)) e->name = std::string(text(c));
      e->kids.push_back(std::move(base));
      return e;
    }
    auto e = Expr::make(ExprKind::Index, r);
    e->kids.push_back(std::move(base));
    TSNode inner = ts_node_named_child(k, 0);
    if (is(inner, s.new_index)) {
      TSNode ex{};
      for (TSNode c : hcl::children(inner))
        if (is(c, s.expression)) ex = c;
      e->kids.push_back(expression(ex));
    } else {
      // legacy `.0`
      std::string_view digits = text(inner);
      if (!digits.empty() && digits[0] == '.') digits.remove_prefix(1);
      auto key = Expr::make(ExprKind::Literal, range(inner));
      key->literal = Value::number_of(std::strtod(std::string(digits).c_str(), nullptr), key->range);
      e->kids.push_back(std::move(key));
    }
    return e;
  }

  ExprPtr splat(ExprPtr base, TSNode k, Range r, uint32_t start) {
    auto e = Expr::make(ExprKind::Splat, r);
    e->kids.push_back(std::move(base));
    TSNode inner = ts_node_named_child(k, 0);
    ExprPtr each;
    for (TSNode c : hcl::children(inner)) {
      if (!ts_node_is_named(c)) continue;
      if (!each) each = Expr::make(ExprKind::SplatElement, range(start, ts_node_start_byte(c)));
      each = postfix(std::move(each), c, range(start, ts_node_end_byte(c)));
    }
    e->kids.push_back(std::move(each));
    return e;
  }

  ExprPtr term_node(TSNode node) {
    const Symbols& s = symbols();
    TSSymbol t = ts_node_symbol(node);
    Range r = range(node);
    if (t == s.literal_value) return literal(ts_node_named_child(node, 0));
    if (t == s.template_expr) {
      TSNode inner = ts_node_named_child(node, 0);
      return is(inner, s.heredoc_template) ? heredoc(inner) : quoted(inner);
    }
    if (t == s.collection_value) {
      TSNode inner = ts_node_named_child(node, 0);
      return is(inner, s.tuple) ? tuple(inner) : object(inner);
    }
    if (t == s.variable_expr) {
      auto e = Expr::make(ExprKind::Variable, r);
      e->name = std::string(text(node));
      return e;
    }
    if (t == s.function_call) return call(node);
    if (t == s.for_expr) return for_expr(ts_node_named_child(node, 0));
    if (t == s.operation) return operation(ts_node_named_child(node, 0));
    if (t == s.expression) return expression(node);
    if (t == s.conditional) return conditional(node);
    return Expr::make(ExprKind::Invalid, r);
  }

  ExprPtr literal(TSNode node) {
    const Symbols& s = symbols();
    auto e = Expr::make(ExprKind::Literal, range(node));
    std::string_view t = text(node);
    if (is(node, s.numeric_lit)) {
      std::string str(t);
      double n = str.rfind("0x", 0) == 0 ? static_cast<double>(std::strtoll(str.c_str() + 2, nullptr, 16))
                                         : std::strtod(str.c_str(), nullptr);
      e->literal = Value::number_of(n, e->range);
    } else if (is(node, s.bool_lit)) {
      e->literal = Value::boolean_of(t == "true", e->range);
    } else if (is(node, s.null_lit)) {
      e->literal = Value::null(e->range);
    } else if (is(node, s.string_lit)) {
      e->literal = Value::string_of(string_lit_text(node), e->range);
      uint32_t from = ts_node_start_byte(node) + 1, to = ts_node_end_byte(node);
      if (to > from && t.find('\\') == std::string_view::npos && t.find("$${") == std::string_view::npos &&
          t.find("%%{") == std::string_view::npos)
        e->verbatim = range(from, to - 1);
    } else {
      e->kind = ExprKind::Invalid;
    }
    return e;
  }

  ExprPtr quoted(TSNode node) {
    auto e = Expr::make(ExprKind::Template, range(node));
    uint32_t from = ts_node_start_byte(node), to = ts_node_end_byte(node);
    for (TSNode k : hcl::children(node)) {
      if (is(k, symbols().quoted_template_start)) from = ts_node_end_byte(k);
      if (is(k, symbols().quoted_template_end)) to = ts_node_start_byte(k);
    }
    parts(node, from, to, true, 0, false, false, e->parts);
    std::string_view raw = text(from, to);
    if (e->parts.size() <= 1 && (e->parts.empty() || e->parts[0].kind == TemplatePart::Kind::Literal) &&
        raw.find('\\') == std::string_view::npos && raw.find("$${") == std::string_view::npos &&
        raw.find("%%{") == std::string_view::npos)
      e->verbatim = range(from, to);
    return e;
  }

  ExprPtr tuple(TSNode node) {
    auto e = Expr::make(ExprKind::Tuple, range(node));
    for (TSNode k : hcl::children(node))
      if (is(k, symbols().expression)) e->kids.push_back(expression(k));
    return e;
  }

  ExprPtr object(TSNode node) {
    auto e = Expr::make(ExprKind::Object, range(node));
    for (TSNode elem : hcl::children(node)) {
      if (!is(elem, symbols().object_elem)) continue;
      TSNode key = ts_node_child_by_field_name(elem, "key", 3);
      TSNode val = ts_node_child_by_field_name(elem, "val", 3);
      ExprPtr k = expression(key);
      // `name = v`: a bare name is the key itself, not a variable.
      if (k->kind == ExprKind::Variable && !ts_node_is_null(key) && ts_node_named_child_count(key) == 1 &&
          ts_node_child_count(key) == 1) {
        auto lit = Expr::make(ExprKind::Literal, k->range);
        lit->literal = Value::string_of(k->name, k->range);
        lit->bare_key = true;
        k = std::move(lit);
      }
      e->kids.push_back(std::move(k));
      e->kids.push_back(expression(val));
    }
    return e;
  }

  ExprPtr call(TSNode node) {
    auto e = Expr::make(ExprKind::Call, range(node));
    for (TSNode k : hcl::children(node)) {
      if (is(k, symbols().identifier)) e->name = std::string(text(k));
      if (!is(k, symbols().function_arguments)) continue;
      for (TSNode a : hcl::children(k)) {
        if (is(a, symbols().expression)) e->kids.push_back(expression(a));
        if (is(a, symbols().ellipsis)) e->expand_last = true;
      }
    }
    return e;
  }

  ExprPtr for_expr(TSNode node) {
    const Symbols& s = symbols();
    bool is_object = is(node, s.for_object_expr);
    auto e = Expr::make(is_object ? ExprKind::ForObject : ExprKind::ForTuple, range(node));
    e->kids.resize(4);
    std::vector<ExprPtr> bodies;
    for (TSNode k : hcl::children(node)) {
      TSSymbol t = ts_node_symbol(k);
      if (t == s.for_intro) {
        int names = 0;
        for (TSNode c : hcl::children(k)) {
          if (is(c, s.identifier)) (names++ == 0 ? e->name : e->name2) = std::string(text(c));
          if (is(c, s.expression)) e->kids[0] = expression(c);
        }
      } else if (t == s.expression) {
        bodies.push_back(expression(k));
      } else if (t == s.ellipsis) {
        e->expand_last = true;
      } else if (t == s.for_cond) {
        for (TSNode c : hcl::children(k))
          if (is(c, s.expression)) e->kids[3] = expression(c);
      }
    }
    if (is_object && bodies.size() == 2) {
      e->kids[1] = std::move(bodies[0]);
      e->kids[2] = std::move(bodies[1]);
    } else if (!is_object && bodies.size() == 1) {
      e->kids[2] = std::move(bodies[0]);
    } else {
      e->kind = ExprKind::Invalid;
    }
    if (!e->kids[0]) e->kind = ExprKind::Invalid;
    return e;
  }

  ExprPtr operation(TSNode node) {
    const Symbols& s = symbols();
    std::vector<TSNode> kids = hcl::children(node);
    Range r = range(node);
    if (is(node, s.unary_operation)) {
      if (kids.empty()) return Expr::make(ExprKind::Invalid, r);
      auto e = Expr::make(ExprKind::Unary, r);
      e->op = text(kids[0]) == "!" ? Op::Not : Op::Neg;
      e->kids.push_back(term(kids, 1, kids.size(), r));
      return e;
    }
    if (!is(node, s.binary_operation)) return Expr::make(ExprKind::Invalid, r);
    static const std::pair<std::string_view, Op> kOps[] = {
        {"*", Op::Mul}, {"/", Op::Div}, {"%", Op::Mod}, {"+", Op::Add}, {"-", Op::Sub}, {">", Op::Gt},
        {">=", Op::Ge}, {"<", Op::Lt},  {"<=", Op::Le}, {"==", Op::Eq}, {"!=", Op::Ne}, {"&&", Op::And},
        {"||", Op::Or}};
    for (size_t i = 1; i < kids.size(); ++i) {
      if (ts_node_is_named(kids[i])) continue;
      std::string_view t = text(kids[i]);
      for (const auto& [tok, op] : kOps) {
        if (t != tok) continue;
        auto e = Expr::make(ExprKind::Binary, r);
        e->op = op;
        e->kids.push_back(term(kids, 0, i, r));
        e->kids.push_back(term(kids, i + 1, kids.size(), r));
        return e;
      }
    }
    return Expr::make(ExprKind::Invalid, r);
  }

  // Strip markers of an interpolation or directive token: (before, after).
  std::pair<bool, bool> strip_flags(TSNode node) {
    std::vector<TSNode> kids = hcl::children(node);
    bool before = false, after = false, seen_body = false;
    for (size_t i = 1; i + 1 < kids.size(); ++i) {
      if (is(kids[i], symbols().strip_marker)) {
        (seen_body ? after : before) = true;
      } else {
        seen_body = true;
      }
    }
    return {before, after};
  }

  TSNode child_of(TSNode node, TSSymbol t) {
    for (TSNode k : hcl::children(node))
      if (is(k, t)) return k;
    return TSNode{};
  }

  void literal_part(uint32_t from, uint32_t to, bool quoted, uint32_t indent, bool trim_left, bool trim_right,
                    std::vector<TemplatePart>& out) {
    if (to <= from) return;
    std::string_view raw = text(from, to);
    std::string dedented;
    if (indent > 0) {
      bool at_line_start = from == 0 || src_[from - 1] == '\n';
      for (size_t i = 0; i < raw.size();) {
        if (at_line_start) {
          uint32_t n = 0;
          while (n < indent && i < raw.size() && (raw[i] == ' ' || raw[i] == '\t')) ++i, ++n;
          at_line_start = false;
          continue;
        }
        dedented += raw[i];
        if (raw[i] == '\n') at_line_start = true;
        ++i;
      }
      raw = dedented;
    }
    std::string s = unescape(raw, quoted);
    if (trim_left) s.erase(0, s.find_first_not_of(" \t\r\n") == std::string::npos ? s.size() : s.find_first_not_of(" \t\r\n"));
    if (trim_right) {
      while (!s.empty() && is_space(s.back())) s.pop_back();
    }
    if (s.empty()) return;
    TemplatePart p;
    p.kind = TemplatePart::Kind::Literal;
    p.text = std::move(s);
    p.range = range(from, to);
    out.push_back(std::move(p));
  }

  // The parts of a template between byte offsets [from, to) of `container`'s children:
  // interpolations and directives are children; the gaps between them are literal text.
  void parts(TSNode container, uint32_t from, uint32_t to, bool quoted, uint32_t indent, bool strip_first,
             bool strip_last, std::vector<TemplatePart>& out) {
    const Symbols& s = symbols();
    uint32_t cursor = from;
    bool strip_next = strip_first;
    for (TSNode k : hcl::children(container)) {
      uint32_t b = ts_node_start_byte(k), e = ts_node_end_byte(k);
      if (b < from || e > to) continue;
      TSSymbol t = ts_node_symbol(k);
      if (t != s.template_interpolation && t != s.template_directive) continue;
      TemplatePart part;
      bool before = false, after = false;
      if (t == s.template_interpolation) {
        std::tie(before, after) = strip_flags(k);
        part.kind = TemplatePart::Kind::Interpolation;
        part.range = range(k);
        part.expr = expression(child_of(k, s.expression));
      } else {
        TSNode d = ts_node_named_child(k, 0);
        if (!directive(d, quoted, indent, part, before, after)) continue;
      }
      literal_part(cursor, b, quoted, indent, strip_next, before, out);
      out.push_back(std::move(part));
      cursor = e;
      strip_next = after;
    }
    literal_part(cursor, to, quoted, indent, strip_next, strip_last, out);
  }

  bool directive(TSNode d, bool quoted, uint32_t indent, TemplatePart& part, bool& before, bool& after) {
    const Symbols& s = symbols();
    if (++depth_ > kMaxNesting) {
      --depth_;
      too_deep(d);
      return false;
    }
    part.range = range(d);
    bool ok = true;
    if (is(d, s.template_if)) {
      TSNode intro = child_of(d, s.template_if_intro), els = child_of(d, s.template_else_intro),
             end = child_of(d, s.template_if_end);
      if (ts_node_is_null(intro) || ts_node_is_null(end)) {
        ok = false;
      } else {
        part.kind = TemplatePart::Kind::If;
        part.expr = expression(child_of(intro, s.expression));
        auto [ib, ia] = strip_flags(intro);
        auto [eb, ea] = strip_flags(end);
        before = ib;
        after = ea;
        if (ts_node_is_null(els)) {
          parts(d, ts_node_end_byte(intro), ts_node_start_byte(end), quoted, indent, ia, eb, part.body);
        } else {
          auto [lb, la] = strip_flags(els);
          parts(d, ts_node_end_byte(intro), ts_node_start_byte(els), quoted, indent, ia, lb, part.body);
          parts(d, ts_node_end_byte(els), ts_node_start_byte(end), quoted, indent, la, eb, part.other);
        }
      }
    } else if (is(d, s.template_for)) {
      TSNode start = child_of(d, s.template_for_start), end = child_of(d, s.template_for_end);
      if (ts_node_is_null(start) || ts_node_is_null(end)) {
        ok = false;
      } else {
        part.kind = TemplatePart::Kind::For;
        int names = 0;
        std::string first, second;
        for (TSNode c : hcl::children(start)) {
          if (is(c, s.identifier)) (names++ == 0 ? first : second) = std::string(text(c));
          if (is(c, s.expression)) part.expr = expression(c);
        }
        if (names == 2) {
          part.key_var = first;
          part.value_var = second;
        } else {
          part.value_var = first;
        }
        if (!part.expr) part.expr = Expr::make(ExprKind::Invalid, part.range);
        auto [sb, sa] = strip_flags(start);
        auto [eb, ea] = strip_flags(end);
        before = sb;
        after = ea;
        parts(d, ts_node_end_byte(start), ts_node_start_byte(end), quoted, indent, sa, eb, part.body);
      }
    } else {
      ok = false;
    }
    --depth_;
    return ok;
  }

  std::string_view src_;
  const SourceFile* out_file_;
  int64_t delta_;
  Range fallback_;
  std::vector<Diagnostic>& diagnostics_;
  int depth_ = 0;
  bool reported_depth_ = false;
};

ExprPtr Builder::heredoc(TSNode node) {
  const Symbols& s = symbols();
  auto e = Expr::make(ExprKind::Template, range(node));
  std::vector<TSNode> kids = hcl::children(node);
  bool flush = false;
  TSNode open{}, close{};
  for (TSNode k : kids) {
    if (is(k, s.heredoc_start)) flush = text(k) == "<<-";
    if (is(k, s.heredoc_identifier)) (ts_node_is_null(open) ? open : close) = k;
  }
  if (ts_node_is_null(open)) return Expr::make(ExprKind::Invalid, e->range);
  uint32_t from = ts_node_end_byte(open);
  size_t nl = src_.find('\n', from);
  from = nl == std::string_view::npos ? ts_node_end_byte(node) : static_cast<uint32_t>(nl + 1);
  uint32_t to = ts_node_end_byte(node);
  if (!ts_node_is_null(close)) {
    to = ts_node_start_byte(close);
    while (to > from && src_[to - 1] != '\n') --to;
  }
  if (to < from) to = from;
  uint32_t indent = flush ? flush_indent(text(from, to)) : 0;
  parts(node, from, to, false, indent, false, false, e->parts);
  std::string_view raw = text(from, to);
  if (e->parts.size() <= 1 && (e->parts.empty() || e->parts[0].kind == TemplatePart::Kind::Literal) &&
      raw.find("$${") == std::string_view::npos && raw.find("%%{") == std::string_view::npos)
    e->verbatim = range(from, to);
  return e;
}

std::string unique_marker(std::string_view text) {
  std::string marker = "EPHEMERA_TEMPLATE_END";
  while (text.find(marker) != std::string_view::npos) marker += "_";
  return marker;
}

}  // namespace

const Attribute* Body::attribute(std::string_view name) const {
  for (const auto& a : attributes)
    if (a.name == name) return &a;
  return nullptr;
}

Body build_body(const hcl::HclTree& tree, std::vector<Diagnostic>& diagnostics) {
  const SourceFile& file = *tree.file();
  Builder builder(file, &file, 0, Range{&file, 0, 0}, diagnostics);
  TSNode root = tree.root();
  Body out;
  for (TSNode child : hcl::children(root)) {
    if (ts_node_symbol(child) == symbols().body) return builder.body(child);
    if (ts_node_symbol(child) == symbols().object) return builder.object_as_body(child);
  }
  return out;
}

ExprPtr parse_template(std::string_view text, const SourceFile* file, uint32_t offset, Range fallback,
                       std::vector<Diagnostic>& diagnostics) {
  // The template becomes the body of a heredoc; positions shift back by the prefix length.
  std::string marker = unique_marker(text);
  std::string prefix = "t = <<" + marker + "\n";
  bool added_newline = text.empty() || text.back() != '\n';
  std::string source = prefix;
  source += text;
  if (added_newline) source += '\n';
  source += marker + "\n";
  auto synthetic = std::make_shared<SourceFile>("<template>", std::move(source));
  hcl::HclTree tree(synthetic);
  int64_t delta = static_cast<int64_t>(prefix.size()) - static_cast<int64_t>(offset);
  Builder builder(*synthetic, file, delta, fallback, diagnostics);
  for (const Diagnostic& d : hcl::syntax_errors(tree)) {
    Diagnostic mapped = d;
    if (file) {
      uint32_t limit = offset + static_cast<uint32_t>(text.size());
      auto shift = [&](uint32_t at) {
        int64_t v = static_cast<int64_t>(at) - delta;
        return static_cast<uint32_t>(std::clamp<int64_t>(v, offset, limit));
      };
      mapped.range = Range{file, shift(d.range.begin), shift(d.range.end)};
    } else {
      mapped.range = fallback;
    }
    diagnostics.push_back(std::move(mapped));
  }
  // config_file > body > attribute > expression > template_expr > heredoc_template
  TSNode heredoc_node = ts_node_named_descendant_for_byte_range(tree.root(), static_cast<uint32_t>(prefix.size()) - 2,
                                                                static_cast<uint32_t>(prefix.size()) - 1);
  while (!ts_node_is_null(heredoc_node) && ts_node_symbol(heredoc_node) != symbols().heredoc_template)
    heredoc_node = ts_node_parent(heredoc_node);
  if (ts_node_is_null(heredoc_node)) {
    auto lit = Expr::make(ExprKind::Literal, fallback);
    lit->literal = Value::string_of(std::string(text), fallback);
    return lit;
  }
  ExprPtr e = builder.heredoc(heredoc_node);
  if (file) e->range = Range{file, offset, offset + static_cast<uint32_t>(text.size())};
  else e->range = fallback;
  if (added_newline && !e->parts.empty() && e->parts.back().kind == TemplatePart::Kind::Literal &&
      !e->parts.back().text.empty() && e->parts.back().text.back() == '\n') {
    e->parts.back().text.pop_back();
    if (e->parts.back().text.empty()) e->parts.pop_back();
  }
  if (added_newline) e->verbatim = Range{};
  return e;
}

ExprPtr parse_expression(std::string_view text, Range fallback, std::vector<Diagnostic>& diagnostics) {
  auto synthetic = std::make_shared<SourceFile>("<expression>", "v = " + std::string(text) + "\n");
  hcl::HclTree tree(synthetic);
  Builder builder(*synthetic, nullptr, 0, fallback, diagnostics);
  if (tree.has_errors()) {
    auto lit = Expr::make(ExprKind::Literal, fallback);
    lit->literal = Value::string_of(std::string(text), fallback);
    return lit;
  }
  for (TSNode child : hcl::children(tree.root())) {
    if (ts_node_symbol(child) != symbols().body) continue;
    Body b = builder.body(child);
    if (!b.attributes.empty()) return std::move(b.attributes[0].expr);
  }
  return Expr::make(ExprKind::Invalid, fallback);
}

}  // namespace eph::terraform
