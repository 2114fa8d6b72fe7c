#include "terraform/expression_evaluator.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/partly_known.h"
#include "syntax/json/json_loader.h"
#include "terraform/value_ops.h"

namespace eph::terraform {
namespace {

constexpr int kMaxDepth = 400;
constexpr const char* kSplatElement = "\x01splat";

bool has_whole_resource_ref(const Value& v) {
  for (const auto& r : v.refs)
    if (r.attribute.empty()) return true;
  return false;
}

// A value that stands for a block or attribute of a resource ("azurerm_virtual_network.v.subnet").
bool has_block_ref(const Value& v) {
  for (const auto& r : v.refs)
    if (!r.attribute.empty()) return true;
  return false;
}

bool looks_like_json_document(const std::string& s) {
  size_t i = s.find_first_not_of(" \t\r\n");
  return i != std::string::npos && (s[i] == '{' || s[i] == '[');
}

}  // namespace

void EvalEnv::limit_reached(Range where, const std::string& message) {
  for (const auto& seen : reported_)
    if (seen == message) return;
  reported_.push_back(message);
  diagnostics.push_back({Diagnostic::Kind::LimitReached, where, message});
}

bool EvalEnv::charge(size_t units, Range where) {
  if (exhausted_) return false;
  work_ += units;
  if (work_ > kWorkBudget) {
    exhausted_ = true;
    limit_reached(where, "evaluation budget of the unit spent; the remaining values are unknown");
    return false;
  }
  return true;
}

uint8_t secret_attribute_marks(const std::string& type, const std::string& attribute, const Value& body) {
  if (type == "aws_secretsmanager_secret_version" && (attribute == "secret_string" || attribute == "secret_binary"))
    return kSecretValue;
  if (type == "aws_ssm_parameter" && (attribute == "value" || attribute == "insecure_value")) {
    if (attribute == "insecure_value") return 0;
    const Value* t = body.get("type");
    if (!t || !t->is_string() || t->text == "SecureString") return kSecretValue;
    return 0;
  }
  if (type == "random_password" && (attribute == "result" || attribute == "bcrypt_hash")) return kSecretValue;
  if (type == "tls_private_key" && (attribute == "private_key_pem" || attribute == "private_key_openssh" ||
                                    attribute == "private_key_pem_pkcs8"))
    return kSecretValue;
  if (type == "aws_iam_access_key" && (attribute == "secret" || attribute == "ses_smtp_password_v4"))
    return kSecretValue;
  if (type == "aws_cognito_user_pool_client" && attribute == "client_secret") return kSecretValue;
  // Google Secret Manager: a version's (or the data source's) payload in plain text.
  if ((type == "google_secret_manager_secret_version" || type == "google_secret_manager_regional_secret_version") &&
      attribute == "secret_data")
    return kSecretValue;
  // Azure keys and connection strings read back from the resources that issue them.
  static constexpr std::pair<std::string_view, std::string_view> kAzureSecrets[] = {
      {"azurerm_storage_account", "primary_access_key"},
      {"azurerm_storage_account", "secondary_access_key"},
      {"azurerm_storage_account", "primary_connection_string"},
      {"azurerm_storage_account", "secondary_connection_string"},
      {"azurerm_storage_account", "primary_blob_connection_string"},
      {"azurerm_storage_account", "secondary_blob_connection_string"},
      {"azurerm_key_vault_secret", "value"},
      {"azurerm_cosmosdb_account", "primary_key"},
      {"azurerm_cosmosdb_account", "secondary_key"},
      {"azurerm_cosmosdb_account", "primary_sql_connection_string"},
      {"azurerm_servicebus_namespace", "default_primary_connection_string"},
      {"azurerm_servicebus_namespace", "default_primary_key"},
      {"azurerm_eventhub_namespace", "default_primary_connection_string"},
      {"azurerm_eventhub_namespace", "default_primary_key"},
      {"azurerm_redis_cache", "primary_access_key"},
      {"azurerm_redis_cache", "primary_connection_string"},
  };
  for (const auto& [t, a] : kAzureSecrets)
    if (type == t && attribute == a) return kSecretValue;
  return 0;
}

Value ExpressionEvaluator::error(Range where, std::string why) {
  ++errors_;
  return evaluation_error(where, std::move(why));
}

const Value* ExpressionEvaluator::binding(std::string_view name) const {
  for (auto it = bindings_.rbegin(); it != bindings_.rend(); ++it)
    if (it->first == name) return &it->second;
  return nullptr;
}

Value ExpressionEvaluator::eval(const Expr& e) {
  if (!env_.charge(1, e.range)) return Value::unknown(e.range, "evaluation budget spent");
  if (depth_ >= kMaxDepth) {
    env_.limit_reached(e.range, "evaluation nested deeper than " + std::to_string(kMaxDepth) + " levels");
    return Value::unknown(e.range, "nested too deep");
  }
  ++depth_;
  Value v = eval_inner(e);
  --depth_;
  return v;
}

Value ExpressionEvaluator::eval_inner(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Literal: return eval_literal(e);
    case ExprKind::Template: return eval_template(e);
    case ExprKind::Variable:
    case ExprKind::GetAttr:
    case ExprKind::Index: return eval_traversal(e);
    case ExprKind::Splat: return eval_splat(e);
    case ExprKind::SplatElement: {
      const Value* v = binding(kSplatElement);
      return v ? *v : Value::unknown(e.range);
    }
    case ExprKind::Call: return eval_call(e);
    case ExprKind::Tuple: return eval_tuple(e);
    case ExprKind::Object: return eval_object(e);
    case ExprKind::ForTuple:
    case ExprKind::ForObject: return eval_for(e);
    case ExprKind::Conditional: return eval_conditional(e);
    case ExprKind::Unary: return eval_unary(e);
    case ExprKind::Binary: return eval_binary(e);
    case ExprKind::Invalid: return Value::unknown(e.range, "unreadable expression");
  }
  return Value::unknown(e.range);
}

void ExpressionEvaluator::attach_decoded(Value& v, const Expr& e) {
  if (!v.is_string() || !looks_like_json_document(v.text)) return;
  bool cacheable = e.kind == ExprKind::Literal || e.verbatim.valid();
  if (cacheable) {
    auto it = env_.decoded_literals.find(&e);
    if (it != env_.decoded_literals.end()) {
      v.decoded = it->second;
      return;
    }
  }
  json::ParseResult parsed = e.verbatim.valid() ? json::parse(*e.verbatim.file, e.verbatim.begin, e.verbatim.end)
                                                : json::parse_text(v.text, e.range);
  std::shared_ptr<const Value> decoded;
  if (parsed.ok() && (parsed.value.is_map() || parsed.value.is_list()))
    decoded = std::make_shared<const Value>(std::move(parsed.value));
  if (cacheable) env_.decoded_literals.emplace(&e, decoded);
  v.decoded = std::move(decoded);
}

Value ExpressionEvaluator::eval_literal(const Expr& e) {
  Value v = e.literal;
  if (v.is_string()) attach_decoded(v, e);
  return v;
}

// --- templates ---

constexpr std::string_view kTemplateHole = "${...}";  // an unknown part, in a partly known pattern

// An expression inside a template: templates nested in it are not the one whose unknown
// parts are being collected.
Value ExpressionEvaluator::eval_part(const Expr& e) {
  std::vector<Value>* collecting = std::exchange(unknown_parts_, nullptr);
  Value v = eval(e);
  unknown_parts_ = collecting;
  return v;
}

void ExpressionEvaluator::hole(std::string& out, bool& unknown, const Value& part) {
  out += kTemplateHole;
  unknown = true;
  if (unknown_parts_) unknown_parts_->push_back(part);
}

// Renders template parts into `out`. An unknown part is written as "${...}" and sets
// `unknown`; rendering goes on so that the result still carries every reference (a function
// ARN after an unknown region) and its literal text. False when the template is in error.
bool ExpressionEvaluator::render_parts(const std::vector<TemplatePart>& parts, std::string& out, bool& unknown,
                                       Value& carrier, int depth) {
  if (depth > kMaxDepth) return false;
  for (const TemplatePart& p : parts) {
    if (out.size() > EvalEnv::kMaxString) {
      env_.limit_reached(p.range, "template result longer than " + std::to_string(EvalEnv::kMaxString) + " bytes");
      return false;
    }
    switch (p.kind) {
      case TemplatePart::Kind::Literal: out += p.text; break;
      case TemplatePart::Kind::Interpolation: {
        Value v = eval_part(*p.expr);
        absorb(carrier, v);
        if (v.is_unknown()) {
          hole(out, unknown, v);
          break;
        }
        auto s = to_template_string(v);
        if (!s) {
          ++errors_;
          return false;
        }
        out += *s;
        break;
      }
      case TemplatePart::Kind::If: {
        Value c = eval_part(*p.expr);
        absorb(carrier, c);
        if (c.is_unknown()) {
          hole(out, unknown, c);
          break;
        }
        auto b = to_bool(c);
        if (!b) {
          ++errors_;
          return false;
        }
        if (!render_parts(*b ? p.body : p.other, out, unknown, carrier, depth + 1)) return false;
        break;
      }
      case TemplatePart::Kind::For: {
        Value coll = eval_part(*p.expr);
        absorb(carrier, coll);
        if (coll.is_unknown()) {
          hole(out, unknown, coll);
          break;
        }
        size_t n = coll.is_list() ? coll.items.size() : coll.is_map() ? coll.fields.size() : SIZE_MAX;
        if (n == SIZE_MAX) {
          ++errors_;
          return false;
        }
        if (!env_.charge(n, p.range)) return false;
        for (size_t i = 0; i < n; ++i) {
          size_t bound = 0;
          if (!p.key_var.empty()) {
            bind(p.key_var, coll.is_list() ? Value::number_of(static_cast<double>(i), coll.where)
                                           : Value::string_of(coll.fields[i].key, coll.fields[i].key_range));
            ++bound;
          }
          bind(p.value_var, coll.is_list() ? coll.items[i] : coll.fields[i].value);
          ++bound;
          bool ok = render_parts(p.body, out, unknown, carrier, depth + 1);
          unbind(bound);
          if (!ok) return false;
        }
        break;
      }
    }
  }
  return true;
}

Value ExpressionEvaluator::eval_template(const Expr& e) {
  // "${x}" alone is x itself, not its string form.
  if (e.parts.size() == 1 && e.parts[0].kind == TemplatePart::Kind::Interpolation) return eval(*e.parts[0].expr);
  std::string text;
  bool unknown = false;
  Value carrier = Value::null();
  bool rendered = render_parts(e.parts, text, unknown, carrier, 0);
  if (!rendered || unknown) {
    Value u = rendered ? partly_known(e.range, text) : Value::unknown(e.range, "template with unknown parts");
    absorb(u, carrier);
    return u;
  }
  Value v = Value::string_of(std::move(text), e.range);
  absorb(v, carrier);
  attach_decoded(v, e);
  return v;
}

// --- traversals ---

Value ExpressionEvaluator::traverse(const Value& base, std::span<const TraversalStep> steps) {
  if (steps.empty()) {
    if (!env_.charge(weight(base, EvalEnv::kWorkBudget), base.where)) return Value::unknown(base.where, "evaluation budget spent");
    return base;
  }
  const Value* cur = &base;
  uint8_t marks = 0;
  std::vector<Ref> path_refs;
  auto unknown_here = [&](const TraversalStep& st, std::string why) {
    Value u = Value::unknown(st.range, std::move(why));
    u.marks = marks | cur->marks;
    for (const auto& r : path_refs) add_ref(u, r);
    for (Ref r : cur->refs) {
      if (r.attribute.empty() && st.is_attr) {
        r.attribute = st.name;
        r.where = st.range;
        u.marks |= secret_attribute_marks(resource_type_of(r.address), st.name, *cur);
      }
      add_ref(u, r);
    }
    return u;
  };
  for (const TraversalStep& st : steps) {
    if (cur->is_unknown()) return unknown_here(st, cur->text);
    bool whole = has_whole_resource_ref(*cur);
    if (st.is_attr) {
      if (!cur->is_map()) return error(st.range, "no attribute '" + st.name + "' on a " + cur->display());
      const Value* f = cur->get(st.name);
      // An attribute of a resource left null in its configuration is the provider's to
      // compute (Optional+Computed): known after apply.
      if (!f || (whole && f->is_null())) {
        if (whole) return unknown_here(st, "known after apply");
        // Inside a resource's block (`identity[0].principal_id`, or a block a `for` iterates):
        // computed by the provider too.
        if ((!path_refs.empty() || has_block_ref(*cur)) && cur->is_map()) return unknown_here(st, "known after apply");
        return error(st.range, "no attribute '" + st.name + "'");
      }
      marks |= cur->marks;
      for (Ref r : cur->refs) {
        if (r.attribute.empty()) {
          r.attribute = st.name;
          r.where = st.range;
          marks |= secret_attribute_marks(resource_type_of(r.address), st.name, *cur);
        }
        path_refs.push_back(std::move(r));
      }
      cur = f;
      continue;
    }
    if (st.key.is_unknown()) {
      Value u = unknown_here(st, "unknown index");
      absorb(u, st.key);
      return u;
    }
    const Value* next = nullptr;
    if (cur->is_list()) {
      auto n = to_number(st.key);
      if (!n || *n < 0 || *n != std::floor(*n) || *n >= static_cast<double>(cur->items.size()))
        return error(st.range, "index out of range");
      next = &cur->items[static_cast<size_t>(*n)];
    } else if (cur->is_map()) {
      auto k = to_template_string(st.key);
      if (!k) return error(st.range, "invalid key");
      next = cur->get(*k);
      if (!next) {
        if (whole) return unknown_here(st, "known after apply");
        return error(st.range, "no key '" + *k + "'");
      }
    } else {
      return error(st.range, "cannot index a " + cur->display());
    }
    marks |= cur->marks;
    // An instance carries its own, more precise, resource ref.
    for (const auto& r : cur->refs)
      if (!r.attribute.empty() || next->refs.empty()) path_refs.push_back(r);
    cur = next;
  }
  // Copying a stored value costs its size: exponential growth through locals hits the budget.
  if (!env_.charge(weight(*cur, EvalEnv::kWorkBudget), steps.back().range)) return Value::unknown(steps.back().range, "evaluation budget spent");
  Value out = *cur;
  out.marks |= marks;
  for (const auto& r : path_refs) add_ref(out, r);
  return out;
}

Value ExpressionEvaluator::eval_traversal(const Expr& e) {
  std::vector<const Expr*> chain;
  const Expr* root = &e;
  while (root->kind == ExprKind::GetAttr || root->kind == ExprKind::Index) {
    chain.push_back(root);
    root = root->kids[0].get();
  }
  std::vector<TraversalStep> steps;
  steps.reserve(chain.size());
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    TraversalStep st;
    st.is_attr = (*it)->kind == ExprKind::GetAttr;
    st.range = (*it)->range;
    if (st.is_attr) {
      st.name = (*it)->name;
    } else {
      st.key = (*it)->kids.size() > 1 && (*it)->kids[1] ? eval(*(*it)->kids[1]) : Value::unknown((*it)->range);
    }
    steps.push_back(std::move(st));
  }
  if (root->kind != ExprKind::Variable) return traverse(eval(*root), steps);
  if (const Value* bound = binding(root->name)) return traverse(*bound, steps);
  if (!resolver_) return error(root->range, "unknown name '" + root->name + "'");
  size_t consumed = 0;
  bool err = false;
  Value base = resolver_->resolve(root->name, root->range, steps, consumed, err, *this);
  if (err) ++errors_;
  consumed = std::min(consumed, steps.size());
  return traverse(base, std::span<const TraversalStep>(steps).subspan(consumed));
}

Value ExpressionEvaluator::eval_splat(const Expr& e) {
  Value base = eval(*e.kids[0]);
  if (base.is_unknown()) return base;
  Value out = Value::list(e.range);
  out.marks = base.marks;
  if (base.is_null()) return out;
  const Expr* each = e.kids.size() > 1 ? e.kids[1].get() : nullptr;
  auto apply = [&](const Value& item) {
    if (!each) return item;
    bind(kSplatElement, item);
    Value v = eval(*each);
    unbind();
    return v;
  };
  if (base.is_list()) {
    if (!env_.charge(base.items.size(), e.range)) return Value::unknown(e.range, "evaluation budget spent");
    out.items.reserve(base.items.size());
    for (const auto& item : base.items) out.items.push_back(apply(item));
  } else {
    out.items.push_back(apply(base));
  }
  for (const auto& r : base.refs) add_ref(out, r);
  return out;
}

// --- calls ---

Value ExpressionEvaluator::eval_try(const Expr& e, bool is_can) {
  for (const auto& arg : e.kids) {
    size_t before = errors_;
    Value v = eval(*arg);
    // An error here, or one carried by a value computed elsewhere (a local, a function result).
    if (errors_ != before || contains_evaluation_error(v)) {
      errors_ = before;  // try() absorbs the error
      continue;
    }
    if (is_can) {
      if (v.is_unknown()) return Value::unknown(e.range, "can() of an unknown value");
      return Value::boolean_of(true, e.range);
    }
    return v;
  }
  if (is_can) return Value::boolean_of(false, e.range);
  return error(e.range, "no argument of try() could be evaluated");
}

Value ExpressionEvaluator::eval_call(const Expr& e) {
  if (e.name == "try") return eval_try(e, false);
  if (e.name == "can") return eval_try(e, true);
  std::vector<Value> args;
  args.reserve(e.kids.size());
  for (const auto& k : e.kids) args.push_back(eval(*k));
  Value carrier = Value::null();
  for (const auto& a : args) absorb(carrier, a);
  if (e.expand_last && !args.empty()) {
    Value last = std::move(args.back());
    args.pop_back();
    if (!last.is_list()) {
      Value u = Value::unknown(e.range, "expanded argument is not a list");
      absorb(u, carrier);
      return u;
    }
    for (auto& item : last.items) args.push_back(std::move(item));
  }
  std::optional<Value> result;
  if (e.name.find("::") == std::string::npos) {
    env_.functions.call = e.range;
    result = call_function(e.name, std::move(args), env_.functions);
  }
  if (!result) {
    Value u = Value::unknown(e.range, "function " + e.name + "() is not evaluated");
    absorb(u, carrier);
    return u;
  }
  if (!result->where.valid()) result->where = e.range;
  return std::move(*result);
}

// --- collections ---

Value ExpressionEvaluator::eval_tuple(const Expr& e) {
  Value out = Value::list(e.range);
  out.items.reserve(e.kids.size());
  for (const auto& k : e.kids) out.items.push_back(eval(*k));
  return out;
}

Value ExpressionEvaluator::eval_object(const Expr& e) {
  Value out = Value::map(e.range);
  out.fields.reserve(e.kids.size() / 2);
  std::unordered_map<std::string, size_t> key_index;
  for (size_t i = 0; i + 1 < e.kids.size(); i += 2) {
    Value key = eval(*e.kids[i]);
    if (key.is_unknown()) {
      Value u = Value::unknown(e.range, "object with an unknown key");
      absorb(u, key);
      return u;
    }
    auto k = to_template_string(key);
    if (!k) return error(e.kids[i]->range, "object key is not a string");
    Value v = eval(*e.kids[i + 1]);
    auto [slot, fresh] = key_index.try_emplace(*k, out.fields.size());
    if (fresh) out.fields.push_back(Field{std::move(*k), e.kids[i]->range, std::move(v)});
    else out.fields[slot->second].value = std::move(v);
  }
  return out;
}

Value ExpressionEvaluator::eval_for(const Expr& e) {
  Value coll = eval(*e.kids[0]);
  if (coll.is_unknown()) {
    Value u = Value::unknown(e.range, "for over an unknown collection");
    absorb(u, coll);
    return u;
  }
  bool is_object = e.kind == ExprKind::ForObject;
  Value out = is_object ? Value::map(e.range) : Value::list(e.range);
  if (coll.is_null()) return error(e.range, "for over null");
  if (!coll.is_list() && !coll.is_map()) return error(e.range, "for over a " + coll.display());
  size_t n = coll.is_list() ? coll.items.size() : coll.fields.size();
  if (n > EvalEnv::kMaxCollection) {
    env_.limit_reached(e.range, "for expression over more than " + std::to_string(EvalEnv::kMaxCollection) + " elements");
    return Value::unknown(e.range, "collection too large");
  }
  if (!env_.charge(n, e.range)) return Value::unknown(e.range, "evaluation budget spent");
  const std::string& key_name = e.name2.empty() ? std::string() : e.name;
  const std::string& value_name = e.name2.empty() ? e.name : e.name2;
  const Expr* cond = e.kids[3].get();
  std::unordered_map<std::string, size_t> key_index;
  for (size_t i = 0; i < n; ++i) {
    size_t bound = 0;
    if (!key_name.empty()) {
      bind(key_name, coll.is_list() ? Value::number_of(static_cast<double>(i), coll.items[i].where)
                                    : Value::string_of(coll.fields[i].key, coll.fields[i].key_range));
      ++bound;
    }
    Value element = coll.is_list() ? coll.items[i] : coll.fields[i].value;
    element.marks |= coll.marks;
    // A block of a resource (`for s in azurerm_virtual_network.v.subnet`) keeps the resource's
    // reference, as it does when indexed, so its computed attributes (`s.id`) lead back to it.
    // An instance carries its own, more precise, reference.
    if (element.refs.empty())
      for (const auto& r : coll.refs)
        if (!r.attribute.empty()) add_ref(element, r);
    bind(value_name, std::move(element));
    ++bound;
    bool keep = true;
    if (cond) {
      Value c = eval(*cond);
      auto b = to_bool(c);
      if (!b) {
        unbind(bound);
        if (c.is_known()) return error(cond->range, "for condition is not a bool");
        Value u = Value::unknown(e.range, "for with an unknown condition");
        absorb(u, c);
        return u;
      }
      keep = *b;
    }
    if (keep) {
      if (is_object) {
        Value k = eval(*e.kids[1]);
        auto ks = to_template_string(k);
        if (!ks) {
          unbind(bound);
          if (k.is_known()) return error(e.kids[1]->range, "for key is not a string");
          Value u = Value::unknown(e.range, "for with an unknown key");
          absorb(u, k);
          return u;
        }
        Value v = eval(*e.kids[2]);
        // Keys are found through an index: Value::set scans, which is quadratic on large maps.
        auto [slot, fresh] = key_index.try_emplace(*ks, out.fields.size());
        if (fresh) {
          out.fields.push_back(Field{std::move(*ks), k.where,
                                     e.expand_last ? Value::list(e.kids[2]->range) : Value()});
        }
        Value& target = out.fields[slot->second].value;
        if (e.expand_last) target.items.push_back(std::move(v));
        else target = std::move(v);
      } else {
        out.items.push_back(eval(*e.kids[2]));
      }
    }
    unbind(bound);
  }
  return out;
}

// --- operators ---

Value ExpressionEvaluator::eval_conditional(const Expr& e) {
  Value c = eval(*e.kids[0]);
  auto b = to_bool(c);
  if (!b) {
    if (c.is_known()) return error(e.kids[0]->range, "condition is not a bool");
    Value u = Value::unknown(e.range, "condition unknown");
    absorb(u, c);
    return u;
  }
  return eval(*e.kids[*b ? 1 : 2]);
}

Value ExpressionEvaluator::eval_unary(const Expr& e) {
  Value v = eval(*e.kids[0]);
  Value out;
  if (v.is_unknown()) {
    out = Value::unknown(e.range, v.text);
  } else if (e.op == Op::Not) {
    auto b = to_bool(v);
    if (!b) return error(e.range, "operand of ! is not a bool");
    out = Value::boolean_of(!*b, e.range);
  } else {
    auto n = to_number(v);
    if (!n) return error(e.range, "operand of - is not a number");
    out = Value::number_of(-*n, e.range);
  }
  absorb(out, v);
  return out;
}

Value ExpressionEvaluator::eval_binary(const Expr& e) {
  Value a = eval(*e.kids[0]);
  Value b = eval(*e.kids[1]);
  Value out;
  auto finish = [&](Value v) {
    absorb(v, a);
    absorb(v, b);
    return v;
  };
  // false && x is false and true || x is true whatever x is.
  if (e.op == Op::And || e.op == Op::Or) {
    bool decisive = e.op == Op::Or;
    for (const Value* side : {&a, &b}) {
      auto known = to_bool(*side);
      if (known && *known == decisive) return finish(Value::boolean_of(decisive, e.range));
    }
  }
  if (a.contains_unknown() || b.contains_unknown()) return finish(Value::unknown(e.range, "operand unknown"));
  switch (e.op) {
    case Op::Eq: return finish(Value::boolean_of(equal(a, b), e.range));
    case Op::Ne: return finish(Value::boolean_of(!equal(a, b), e.range));
    case Op::And:
    case Op::Or: {
      auto x = to_bool(a), y = to_bool(b);
      if (!x || !y) return error(e.range, "operands of a logical operator must be bools");
      return finish(Value::boolean_of(e.op == Op::And ? (*x && *y) : (*x || *y), e.range));
    }
    default: break;
  }
  auto x = to_number(a), y = to_number(b);
  if (!x || !y) return error(e.range, "operands must be numbers");
  switch (e.op) {
    case Op::Add: return finish(Value::number_of(*x + *y, e.range));
    case Op::Sub: return finish(Value::number_of(*x - *y, e.range));
    case Op::Mul: return finish(Value::number_of(*x * *y, e.range));
    case Op::Div:
      if (*y == 0) return error(e.range, "division by zero");
      return finish(Value::number_of(*x / *y, e.range));
    case Op::Mod:
      if (*y == 0) return error(e.range, "modulo by zero");
      return finish(Value::number_of(std::fmod(*x, *y), e.range));
    case Op::Gt: return finish(Value::boolean_of(*x > *y, e.range));
    case Op::Ge: return finish(Value::boolean_of(*x >= *y, e.range));
    case Op::Lt: return finish(Value::boolean_of(*x < *y, e.range));
    case Op::Le: return finish(Value::boolean_of(*x <= *y, e.range));
    default: return error(e.range, "unsupported operator");
  }
}

}  // namespace eph::terraform
