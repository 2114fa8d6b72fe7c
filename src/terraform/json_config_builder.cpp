// In JSON syntax a block and a map-valued attribute look the same; Terraform tells them apart
// with provider schemas. Here the nested block types that matter for analysis are listed;
// everything else reads as an attribute, which the body's Value represents equally well.
#include "terraform/json_config_builder.h"

#include <string_view>

#include "terraform/hcl_config_builder.h"

namespace eph::terraform {
namespace {

bool is_nested_block_name(std::string_view name) {
  static constexpr std::string_view kBlocks[] = {
      "dynamic",     "lifecycle",     "provisioner",   "connection",       "content",      "statement",
      "principals",  "not_principals", "condition",    "environment",      "vpc_config",   "ingress",
      "egress",      "dead_letter_config", "tracing_config", "file_system_config", "image_config",
      "logging_config", "ephemeral_storage", "snap_start", "rule", "server_side_encryption_configuration",
      "apply_server_side_encryption_by_default", "versioning", "logging", "cors_rule", "route", "setting"};
  for (auto b : kBlocks)
    if (b == name) return true;
  return false;
}

bool is_comment_key(std::string_view key) { return key == "//"; }

class JsonBuilder {
 public:
  explicit JsonBuilder(std::vector<Diagnostic>& diagnostics) : diagnostics_(diagnostics) {}

  ExprPtr expr(const Value& v) {
    switch (v.kind) {
      case Kind::String: {
        if (v.text.find("${") != std::string::npos || v.text.find("%{") != std::string::npos)
          return parse_template(v.text, nullptr, 0, v.where, diagnostics_);
        auto e = Expr::make(ExprKind::Literal, v.where);
        e->literal = Value::string_of(v.text, v.where);
        return e;
      }
      case Kind::List: {
        auto e = Expr::make(ExprKind::Tuple, v.where);
        for (const auto& item : v.items) e->kids.push_back(expr(item));
        return e;
      }
      case Kind::Map: {
        auto e = Expr::make(ExprKind::Object, v.where);
        for (const auto& f : v.fields) {
          if (is_comment_key(f.key)) continue;
          auto k = Expr::make(ExprKind::Literal, f.key_range);
          k->literal = Value::string_of(f.key, f.key_range);
          k->bare_key = true;
          e->kids.push_back(std::move(k));
          e->kids.push_back(expr(f.value));
        }
        return e;
      }
      default: {
        auto e = Expr::make(ExprKind::Literal, v.where);
        e->literal = v;
        e->literal.refs.clear();
        e->literal.decoded.reset();
        return e;
      }
    }
  }

  Body body(const Value& obj) {
    Body out;
    if (!obj.is_map()) return out;
    for (const auto& f : obj.fields) {
      if (is_comment_key(f.key)) continue;
      if (!attributes_only_ && is_nested_block_name(f.key) && (f.value.is_map() || f.value.is_list())) {
        add_blocks(out, f, f.key == "dynamic" ? 1 : 0);
        continue;
      }
      out.attributes.push_back({f.key, f.key_range, Range{f.key_range.file, f.key_range.begin, f.value.where.end},
                                expr(f.value)});
    }
    return out;
  }

  // `"TYPE": {"L1": {"L2": {...}}}`: `labels` levels of objects keyed by label, then bodies
  // (an object, or an array of objects for repeated blocks).
  void add_blocks(Body& out, const Field& f, int labels) {
    std::vector<std::string> prefix;
    add_labelled(out, f, f.value, labels, prefix);
  }

  void add_labelled(Body& out, const Field& type_field, const Value& v, int labels_left,
                    std::vector<std::string>& labels) {
    if (labels_left > 0) {
      if (!v.is_map()) return;
      for (const auto& f : v.fields) {
        if (is_comment_key(f.key)) continue;
        labels.push_back(f.key);
        Range saved = last_label_;
        last_label_ = f.key_range;
        add_labelled(out, type_field, f.value, labels_left - 1, labels);
        last_label_ = saved;
        labels.pop_back();
      }
      return;
    }
    auto add_one = [&](const Value& b) {
      Block block;
      block.type = type_field.key;
      block.labels = labels;
      block.type_range = type_field.key_range;
      Range last = labels.empty() ? type_field.key_range : last_label_;
      block.header = Range{type_field.key_range.file, labels.empty() ? type_field.key_range.begin : last.begin, last.end};
      block.range = b.where;
      // Locals, module inputs, variables and outputs hold attributes only.
      bool saved = attributes_only_;
      attributes_only_ = type_field.key == "locals" || type_field.key == "module" || type_field.key == "variable" ||
                         type_field.key == "output";
      block.body = body(b);
      attributes_only_ = saved;
      out.blocks.push_back(std::move(block));
    };
    if (v.is_list()) {
      for (const auto& item : v.items) add_one(item);
    } else {
      add_one(v);
    }
  }

 private:
  std::vector<Diagnostic>& diagnostics_;
  Range last_label_;
  bool attributes_only_ = false;
};

}  // namespace

Body build_json_body(const Value& root, std::vector<Diagnostic>& diagnostics) {
  JsonBuilder b(diagnostics);
  Body out;
  if (!root.is_map()) return out;
  for (const auto& f : root.fields) {
    int labels = -1;
    if (f.key == "resource" || f.key == "data") labels = 2;
    else if (f.key == "variable" || f.key == "output" || f.key == "module" || f.key == "provider") labels = 1;
    else if (f.key == "locals" || f.key == "terraform" || f.key == "moved" || f.key == "import" || f.key == "check") labels = 0;
    if (labels < 0) continue;
    b.add_blocks(out, f, labels);
  }
  return out;
}

}  // namespace eph::terraform
