#include "terraform/policy_document.h"

#include <memory>

#include <nlohmann/json.hpp>

#include "syntax/json/json_loader.h"
#include "terraform/value_ops.h"

namespace eph::terraform {
namespace {

nlohmann::ordered_json to_json(const Value& v) {
  switch (v.kind) {
    case Kind::Null:
    case Kind::Unknown: return nullptr;
    case Kind::Bool: return v.boolean;
    case Kind::Number:
      if (v.number == static_cast<double>(static_cast<long long>(v.number))) return static_cast<long long>(v.number);
      return v.number;
    case Kind::String: return v.text;
    case Kind::List: {
      auto a = nlohmann::ordered_json::array();
      for (const auto& item : v.items) a.push_back(to_json(item));
      return a;
    }
    case Kind::Map: {
      auto o = nlohmann::ordered_json::object();
      for (const auto& f : v.fields) o[f.key] = to_json(f.value);
      return o;
    }
  }
  return nullptr;
}

// The provider writes a one-element list as the element itself.
Value compact_list(const Value& list) {
  if (list.is_list() && list.items.size() == 1) {
    Value one = list.items[0];
    absorb(one, list);
    return one;
  }
  return list;
}

// Blocks are lists of maps; a JSON-syntax block may be a single map.
std::vector<const Value*> blocks_of(const Value* v) {
  std::vector<const Value*> out;
  if (!v) return out;
  if (v->is_map()) out.push_back(v);
  if (v->is_list())
    for (const auto& item : v->items)
      if (item.is_map()) out.push_back(&item);
  return out;
}

Value principals(const Value* blocks, Range where) {
  Value out = Value::map(where);
  for (const Value* p : blocks_of(blocks)) {
    const Value* type = p->get("type");
    const Value* ids = p->get("identifiers");
    if (!type || !ids) continue;
    if (type->is_unknown()) return Value::unknown(p->where, "principal type unknown");
    if (type->is_string() && type->text == "*") return ids->is_list() && ids->items.size() == 1 ? ids->items[0] : *ids;
    std::string key = type->is_string() ? type->text : type->display();
    if (Value* existing = out.get(key); existing && existing->is_list() && ids->is_list()) {
      for (const auto& id : ids->items) existing->items.push_back(id);
    } else {
      out.set(key, *ids, type->where);
    }
  }
  for (auto& f : out.fields) f.value = compact_list(f.value);
  return out;
}

Value conditions(const Value* blocks, Range where) {
  Value out = Value::map(where);
  for (const Value* c : blocks_of(blocks)) {
    const Value* test = c->get("test");
    const Value* variable = c->get("variable");
    const Value* values = c->get("values");
    if (!test || !variable || !values) continue;
    if (!test->is_string() || !variable->is_string()) return Value::unknown(c->where, "condition operator unknown");
    Value* by_test = out.get(test->text);
    if (!by_test) by_test = &out.set(test->text, Value::map(test->where), test->where);
    by_test->set(variable->text, compact_list(*values), variable->where);
  }
  return out;
}

Value statement(const Value& s) {
  Value out = Value::map(s.where);
  if (const Value* sid = s.get("sid"); sid && !(sid->is_string() && sid->text.empty()) && !sid->is_null())
    out.set("Sid", *sid, s.field("sid")->key_range);
  const Value* effect = s.get("effect");
  out.set("Effect", effect && !effect->is_null() ? *effect : Value::string_of("Allow", s.where),
          effect ? s.field("effect")->key_range : Range{});
  static const std::pair<const char*, const char*> kLists[] = {
      {"actions", "Action"}, {"not_actions", "NotAction"}, {"resources", "Resource"}, {"not_resources", "NotResource"}};
  for (const auto& [hcl, json] : kLists) {
    const Field* f = s.field(hcl);
    if (f && !f->value.is_null()) out.set(json, compact_list(f->value), f->key_range);
  }
  if (const Field* p = s.field("principals")) out.set("Principal", principals(&p->value, p->value.where), p->key_range);
  if (const Field* p = s.field("not_principals"))
    out.set("NotPrincipal", principals(&p->value, p->value.where), p->key_range);
  if (const Field* c = s.field("condition")) out.set("Condition", conditions(&c->value, c->value.where), c->key_range);
  return out;
}

// Statements of a policy given as a JSON string (source/override documents).
std::vector<Value> statements_of_document(const Value& doc_string) {
  std::vector<Value> out;
  std::shared_ptr<const Value> decoded = doc_string.decoded;
  if (!decoded && doc_string.is_string()) {
    json::ParseResult parsed = json::parse_text(doc_string.text, doc_string.where);
    if (parsed.ok()) decoded = std::make_shared<const Value>(std::move(parsed.value));
  }
  if (!decoded) return out;
  const Value* st = decoded->get("Statement");
  if (!st) return out;
  if (st->is_map()) out.push_back(*st);
  if (st->is_list())
    for (const auto& s : st->items) out.push_back(s);
  return out;
}

std::string sid_of(const Value& s) {
  const Value* sid = s.get("Sid");
  return sid && sid->is_string() ? sid->text : std::string();
}

// Adds `s`, replacing a statement with the same non-empty Sid.
void merge_statement(std::vector<Value>& list, Value s) {
  std::string sid = sid_of(s);
  if (!sid.empty()) {
    for (auto& existing : list) {
      if (sid_of(existing) == sid) {
        existing = std::move(s);
        return;
      }
    }
  }
  list.push_back(std::move(s));
}

}  // namespace

std::string to_json_text(const Value& v) { return to_json(v).dump(); }

Value render_policy_document(const Value& body, Range where) {
  Value doc = Value::map(where);
  const Value* version = body.get("version");
  doc.set("Version", version && version->is_string() ? *version : Value::string_of("2012-10-17", where));
  if (const Value* id = body.get("policy_id"); id && !id->is_null()) doc.set("Id", *id);

  bool unknown_sources = false;
  std::vector<Value> statements;
  auto each_document = [&](const char* key, auto&& fn) {
    const Value* docs = body.get(key);
    if (!docs || docs->is_null()) return;
    if (!docs->is_list()) {
      unknown_sources = true;
      return;
    }
    for (const auto& d : docs->items) {
      if (!d.is_string() && !d.decoded) unknown_sources = true;
      for (auto& s : statements_of_document(d)) fn(std::move(s));
    }
  };
  each_document("source_policy_documents", [&](Value s) { statements.push_back(std::move(s)); });
  for (const Value* s : blocks_of(body.get("statement"))) merge_statement(statements, statement(*s));
  if (const Value* st = body.get("statement"); st && st->is_unknown()) unknown_sources = true;
  each_document("override_policy_documents", [&](Value s) { merge_statement(statements, std::move(s)); });

  Value list = Value::list(body.get("statement") ? body.get("statement")->where : where);
  list.items = std::move(statements);
  doc.set("Statement", std::move(list), body.field("statement") ? body.field("statement")->key_range : Range{});

  auto decoded = std::make_shared<const Value>(std::move(doc));
  Value out = unknown_sources || decoded->contains_unknown()
                  ? Value::unknown(where, "policy document with values known after apply")
                  : Value::string_of(to_json_text(*decoded), where);
  out.decoded = std::move(decoded);
  return out;
}

}  // namespace eph::terraform
