#include "model/policy_document.h"

#include <algorithm>

#include "model/value_paths.h"

namespace eph {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

const Value* either(const Value& statement, std::string_view a, std::string_view b, bool& used_b) {
  if (const Value* v = statement.get(a)) {
    used_b = false;
    return v;
  }
  used_b = statement.get(b) != nullptr;
  return statement.get(b);
}

void read_principals(const Value* p, PolicyStatement& st) {
  if (!p) return;
  if (p->is_unknown()) {
    st.principal_unknown = true;
    return;
  }
  if (p->is_string()) {
    // "Principal": "*" (any other bare string is not valid IAM; keep it as AWS).
    st.principals.push_back(PolicyPrincipal{p->text == "*" ? "*" : "AWS", p});
    return;
  }
  if (p->is_map()) {
    for (const auto& f : p->fields) {
      for (const Value* id : list_items(&f.value)) st.principals.push_back(PolicyPrincipal{f.key, id});
    }
    return;
  }
  st.principal_unknown = true;
}

void read_conditions(const Value* c, PolicyStatement& st) {
  if (!c) return;
  if (!c->is_map()) {
    st.conditions_unknown = !c->is_null();
    return;
  }
  for (const auto& op : c->fields) {
    if (!op.value.is_map()) {
      st.conditions_unknown = true;
      continue;
    }
    for (const auto& key : op.value.fields) {
      PolicyCondition cond;
      cond.op = op.key;
      cond.key = key.key;
      cond.key_lower = lower(key.key);
      cond.range = key.key_range.valid() ? Range{key.key_range.file, key.key_range.begin,
                                                 std::max(key.key_range.end, key.value.where.end)}
                                         : key.value.where;
      if (cond.range.file != key.value.where.file) cond.range = key.key_range.valid() ? key.key_range : key.value.where;
      cond.values = list_items(&key.value);
      st.conditions.push_back(std::move(cond));
    }
  }
}

void read_statement(const Value& s, Policy& policy) {
  if (!s.is_map()) return;
  PolicyStatement st;
  st.node = &s;
  st.range = s.where;
  st.effect = s.get("Effect");
  bool negated = false;
  read_principals(either(s, "Principal", "NotPrincipal", negated), st);
  st.not_principal = negated;
  st.actions = list_items(either(s, "Action", "NotAction", negated));
  st.not_action = negated;
  st.resources = list_items(either(s, "Resource", "NotResource", negated));
  st.not_resource = negated;
  read_conditions(s.get("Condition"), st);
  policy.statements.push_back(std::move(st));
}

}  // namespace

const Value* policy_document_of(const Value* attribute) {
  if (!attribute) return nullptr;
  if (attribute->is_map()) return attribute;
  if (attribute->decoded && attribute->decoded->is_map()) return attribute->decoded.get();
  return nullptr;
}

void read_policy_statements(const Value& document, Policy& policy) {
  const Value* statements = document.get("Statement");
  if (!statements) return;
  if (statements->is_map()) {
    read_statement(*statements, policy);
    return;
  }
  for (const auto& s : statements->items) read_statement(s, policy);
}

}  // namespace eph
