#pragma once
// Terraform configuration as a small syntax tree shared by the HCL and the JSON syntax:
// bodies (attributes and blocks) and expressions, each with the range where it is written.
// The evaluator walks this; tree-sitter and JSON details stay in the builders.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/source.h"
#include "core/value.h"

namespace eph::terraform {

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

enum class ExprKind : uint8_t {
  Literal,      // `literal`
  Template,     // `parts`: a quoted string with interpolations, or a heredoc
  Variable,     // root name: var, local, aws_s3_bucket, each, count...
  GetAttr,      // kids[0].name
  Index,        // kids[0][kids[1]]
  Splat,        // kids[0][*] then kids[1] applied to each element (kids[1] may be null)
  SplatElement, // the current element inside a splat's per-element traversal
  Call,         // name(kids...); `expand_last` for f(args...)
  Tuple,        // [kids...]
  Object,       // { kids[2i] = kids[2i+1] }
  ForTuple,     // [for name, name2 in kids[0] : kids[2] if kids[3]]
  ForObject,    // {for name, name2 in kids[0] : kids[1] => kids[2] ... if kids[3]}
  Conditional,  // kids[0] ? kids[1] : kids[2]
  Unary,        // op kids[0]  ('-', '!')
  Binary,       // kids[0] op kids[1]
  Invalid,      // could not be read (syntax error, too deep): evaluates to unknown
};

// Binary operators, named by what they do.
enum class Op : uint8_t { None, Neg, Not, Mul, Div, Mod, Add, Sub, Gt, Ge, Lt, Le, Eq, Ne, And, Or };

struct TemplatePart {
  enum class Kind : uint8_t { Literal, Interpolation, If, For };
  Kind kind = Kind::Literal;
  std::string text;                 // Literal, escapes and strip markers applied
  Range range;                      // where the part is written
  ExprPtr expr;                     // Interpolation; If condition; For collection
  std::vector<TemplatePart> body;   // If: then branch; For: loop body
  std::vector<TemplatePart> other;  // If: else branch
  std::string key_var, value_var;   // For (key_var empty when only one name is given)
};

struct Expr {
  ExprKind kind = ExprKind::Invalid;
  Op op = Op::None;
  bool expand_last = false;  // Call: last argument expanded (`...`); ForObject: grouping (`...`)
  bool bare_key = false;     // an object key written as a bare name: it is the string, not a variable
  Range range;
  std::string name;          // Variable, GetAttr, Call; ForTuple/ForObject key (or value) name
  std::string name2;         // ForTuple/ForObject value name when two names are given
  Value literal;             // Literal
  std::vector<ExprPtr> kids;
  std::vector<TemplatePart> parts;  // Template
  // Template whose text stands verbatim in the file (no interpolation, no escapes):
  // JSON inside it can be parsed with positions into the file.
  Range verbatim;

  static ExprPtr make(ExprKind kind, Range range) {
    auto e = std::make_unique<Expr>();
    e->kind = kind;
    e->range = range;
    return e;
  }
};

struct Attribute {
  std::string name;
  Range name_range;
  Range range;  // the whole `name = expr`
  ExprPtr expr;
};

struct Block;

struct Body {
  std::vector<Attribute> attributes;
  std::vector<Block> blocks;

  const Attribute* attribute(std::string_view name) const;
};

struct Block {
  std::string type;
  std::vector<std::string> labels;
  Range type_range;
  Range header;  // from the type through the last label
  Range range;   // the whole block
  Body body;
};

// One parsed configuration file, with the syntax errors found while reading it.
struct ConfigFile {
  SourceFilePtr file;
  Body body;
};

}  // namespace eph::terraform
