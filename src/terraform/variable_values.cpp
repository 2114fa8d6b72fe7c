#include "terraform/variable_values.h"

#include <algorithm>

#include "syntax/hcl/hcl_tree.h"
#include "syntax/json/json_loader.h"
#include "terraform/hcl_config_builder.h"
#include "terraform/value_ops.h"

namespace eph::terraform {
namespace {

std::string type_name(const Expr* type) {
  if (!type) return {};
  if (type->kind == ExprKind::Variable || type->kind == ExprKind::Call) return type->name;
  return {};
}

// Values of a .tfvars (HCL) or .tfvars.json file, positioned in it.
void read_tfvars(const SourceFilePtr& file, EvalEnv& env, const ModuleConfig& config, VariableValues& out) {
  if (file->path().ends_with(".json")) {
    json::ParseResult parsed = json::parse(*file);
    for (auto& d : parsed.diagnostics) env.diagnostics.push_back(std::move(d));
    if (!parsed.value.is_map()) return;
    for (auto& f : parsed.value.fields)
      if (config.variable_index.count(f.key)) out[f.key] = std::move(f.value);
    return;
  }
  hcl::HclTree tree(file);
  for (auto& d : hcl::syntax_errors(tree)) env.diagnostics.push_back(std::move(d));
  Body body = build_body(tree, env.diagnostics);
  ExpressionEvaluator ev(env, nullptr);
  for (const Attribute& a : body.attributes)
    if (config.variable_index.count(a.name)) out[a.name] = ev.eval(*a.expr);
}

// A value given as text (--var, TF_VAR_): a string for string variables, an expression otherwise.
Value value_from_text(const std::string& text, const VariableDecl& decl, EvalEnv& env) {
  std::string t = type_name(decl.type);
  if (t.empty() || t == "string") return Value::string_of(text);
  ExprPtr e = parse_expression(text, Range{}, env.diagnostics);
  ExpressionEvaluator ev(env, nullptr);
  return ev.eval(*e);
}

}  // namespace

Value convert_to_type(Value v, const Expr* type, ExpressionEvaluator& ev) {
  if (!type || v.is_unknown() || v.is_null()) return v;
  std::string t = type_name(type);
  if (t == "string") {
    if (v.kind == Kind::Number || v.kind == Kind::Bool) {
      Value s = Value::string_of(*to_template_string(v), v.where);
      s.marks = v.marks;
      s.refs = std::move(v.refs);
      return s;
    }
  } else if (t == "number") {
    if (v.is_string())
      if (auto n = to_number(v)) {
        Value num = Value::number_of(*n, v.where);
        num.marks = v.marks;
        num.refs = std::move(v.refs);
        return num;
      }
  } else if (t == "bool") {
    if (v.is_string())
      if (auto b = to_bool(v)) {
        Value bv = Value::boolean_of(*b, v.where);
        bv.marks = v.marks;
        bv.refs = std::move(v.refs);
        return bv;
      }
  } else if ((t == "list" || t == "set") && !type->kids.empty()) {
    if (v.is_list())
      for (auto& item : v.items) item = convert_to_type(std::move(item), type->kids[0].get(), ev);
  } else if (t == "map" && !type->kids.empty()) {
    if (v.is_map())
      for (auto& f : v.fields) f.value = convert_to_type(std::move(f.value), type->kids[0].get(), ev);
  } else if (t == "optional" && !type->kids.empty()) {
    return convert_to_type(std::move(v), type->kids[0].get(), ev);
  } else if (t == "object" && !type->kids.empty() && type->kids[0]->kind == ExprKind::Object && v.is_map()) {
    const Expr& attrs = *type->kids[0];
    for (size_t i = 0; i + 1 < attrs.kids.size(); i += 2) {
      if (attrs.kids[i]->kind != ExprKind::Literal || !attrs.kids[i]->literal.is_string()) continue;
      const std::string& name = attrs.kids[i]->literal.text;
      const Expr* attr_type = attrs.kids[i + 1].get();
      if (Value* present = v.get(name)) {
        *present = convert_to_type(std::move(*present), attr_type, ev);
      } else if (type_name(attr_type) == "optional") {
        // An absent optional attribute takes its default, or null.
        Value def = attr_type->kids.size() > 1 ? ev.eval(*attr_type->kids[1]) : Value::null(attr_type->range);
        if (!attr_type->kids.empty()) def = convert_to_type(std::move(def), attr_type->kids[0].get(), ev);
        v.set(name, std::move(def), attrs.kids[i]->range);
      }
    }
  }
  return v;
}

VariableValues root_variable_values(const ModuleConfig& config, const FileProvider& fs, const TerraformInputs& inputs,
                                    const std::function<SourceFilePtr(const std::string&, std::string)>& adopt,
                                    EvalEnv& env) {
  VariableValues out;
  for (const auto& [name, text] : inputs.env) {
    auto it = config.variable_index.find(name);
    if (it != config.variable_index.end()) out[name] = value_from_text(text, config.variables[it->second], env);
  }
  auto read_file = [&](const std::string& path) {
    if (auto text = fs.read(path)) read_tfvars(adopt(path, std::move(*text)), env, config, out);
  };
  read_file(join_path(config.dir, "terraform.tfvars"));
  read_file(join_path(config.dir, "terraform.tfvars.json"));
  std::vector<std::string> auto_files;
  for (const std::string& name : fs.list(config.dir, true))
    if (name.ends_with(".auto.tfvars") || name.ends_with(".auto.tfvars.json")) auto_files.push_back(name);
  std::sort(auto_files.begin(), auto_files.end());
  for (const auto& name : auto_files) read_file(join_path(config.dir, name));
  for (const auto& path : inputs.var_files) {
    if (fs.read(path)) read_file(path);
    else read_file(join_path(config.dir, path));
  }
  for (const auto& [name, text] : inputs.vars) {
    auto it = config.variable_index.find(name);
    if (it != config.variable_index.end()) out[name] = value_from_text(text, config.variables[it->second], env);
  }
  return out;
}

}  // namespace eph::terraform
