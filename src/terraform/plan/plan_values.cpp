#include "terraform/plan/plan_values.h"

#include "syntax/json/json_loader.h"

namespace eph::terraform::plan {

namespace {

bool is_true(const Value& v) { return v.kind == Kind::Bool && v.boolean; }

void mark_deep(Value& v, uint8_t marks) {
  v.marks |= marks;
  for (auto& item : v.items) mark_deep(item, marks);
  for (auto& f : v.fields) mark_deep(f.value, marks);
}

void add_ref(Value& v, Ref ref) {
  for (const auto& r : v.refs)
    if (r.address == ref.address && r.attribute == ref.attribute) return;
  v.refs.push_back(std::move(ref));
}

}  // namespace

void apply_unknown(Value& body, const Value& after_unknown) {
  if (is_true(after_unknown)) {
    uint8_t marks = body.marks;
    body = Value::unknown(after_unknown.where, "known after apply");
    body.marks = marks;
    return;
  }
  if (after_unknown.is_map()) {
    if (body.is_null()) body = Value::map(after_unknown.where);  // a block known only in part
    if (!body.is_map()) return;
    for (const auto& f : after_unknown.fields) {
      Value* child = body.get(f.key);
      if (!child) {
        if (!is_true(f.value)) continue;
        child = &body.set(f.key, Value::null(), f.key_range);
      }
      apply_unknown(*child, f.value);
    }
    return;
  }
  if (after_unknown.is_list() && body.is_list()) {
    for (size_t i = 0; i < after_unknown.items.size() && i < body.items.size(); ++i) {
      apply_unknown(body.items[i], after_unknown.items[i]);
    }
  }
}

void apply_sensitive(Value& body, const Value& sensitive) {
  if (is_true(sensitive)) {
    mark_deep(body, kSensitive);
    return;
  }
  if (sensitive.is_map() && body.is_map()) {
    for (const auto& f : sensitive.fields) {
      if (Value* child = body.get(f.key)) apply_sensitive(*child, f.value);
    }
  } else if (sensitive.is_list() && body.is_list()) {
    for (size_t i = 0; i < sensitive.items.size() && i < body.items.size(); ++i) {
      apply_sensitive(body.items[i], sensitive.items[i]);
    }
  }
}

bool parse_reference(const std::string& text, std::string& address, std::string& attribute) {
  std::vector<std::string> parts;
  size_t start = 0;
  int depth = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] == '[') ++depth;
    if (i < text.size() && text[i] == ']') --depth;
    if (i == text.size() || (text[i] == '.' && depth == 0)) {
      parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  static const char* kNotResources[] = {"var", "local", "module", "each", "count", "path", "terraform", "self"};
  for (const char* word : kNotResources)
    if (parts[0] == word) return false;
  size_t head = parts[0] == "data" ? 3 : 2;
  if (parts.size() < head) return false;
  address.clear();
  for (size_t i = 0; i < head; ++i) address += (i ? "." : "") + parts[i];
  attribute.clear();
  for (size_t i = head; i < parts.size(); ++i) attribute += (i > head ? "." : "") + parts[i];
  return true;
}

void add_configuration_refs(Value& body, const Value& expressions, const ReferenceResolver& resolve) {
  if (!expressions.is_map() || !body.is_map()) return;
  for (const auto& f : expressions.fields) {
    Value* target = body.get(f.key);
    if (!target) continue;
    const Value& expr = f.value;
    if (expr.is_list()) {  // nested blocks: one expressions object per block
      for (size_t i = 0; i < expr.items.size() && target->is_list() && i < target->items.size(); ++i) {
        add_configuration_refs(target->items[i], expr.items[i], resolve);
      }
      continue;
    }
    const Value* refs = expr.get("references");
    if (!refs || !refs->is_list()) {
      if (expr.is_map() && !expr.get("constant_value")) add_configuration_refs(*target, expr, resolve);
      continue;
    }
    std::vector<Ref> found;
    for (const auto& r : refs->items) {
      if (r.is_string()) resolve(r.text, r.where, found);
    }
    for (auto& ref : found) {
      // Terraform lists "aws_x.y.arn" and then "aws_x.y": keep the specific one.
      bool covered = false;
      for (const auto& existing : target->refs) covered = covered || (existing.address == ref.address && ref.attribute.empty());
      if (!covered) add_ref(*target, std::move(ref));
    }
  }
}

void decode_policy_strings(Value& v) {
  if (v.kind == Kind::String) {
    if (v.decoded) return;  // already known from the sources, with their positions
    size_t first = v.text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos || v.text[first] != '{' || v.text.find("\"Statement\"") == std::string::npos) return;
    json::ParseResult r = json::parse_text(v.text, v.where);
    if (r.ok() && r.value.is_map()) v.decoded = std::make_shared<const Value>(std::move(r.value));
    return;
  }
  for (auto& item : v.items) decode_policy_strings(item);
  for (auto& f : v.fields) decode_policy_strings(f.value);
}

}  // namespace eph::terraform::plan
