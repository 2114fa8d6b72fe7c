// Type conversions, try/can/coalesce, and the sensitivity functions.
#include "terraform/functions/function_support.h"

namespace eph::terraform::fn {

namespace {

Value try_call(Call& c) {
  for (const auto& arg : c.args) {
    if (contains_evaluation_error(arg)) continue;
    // An unknown argument may still fail once known: the result cannot be decided yet.
    if (arg.is_unknown()) {
      Value v = Value::unknown(c.ctx.call, "try() depends on unknown values");
      absorb(v, arg);
      return v;
    }
    return arg;
  }
  return evaluation_error(c.ctx.call, "try: no expression succeeded");
}

Value can_call(Call& c) {
  const Value& arg = c.args[0];
  if (contains_evaluation_error(arg)) return Value::boolean_of(false, c.ctx.call);
  if (arg.is_unknown()) {
    Value v = Value::unknown(c.ctx.call, "can() depends on unknown values");
    absorb(v, arg);
    return v;
  }
  Value v = Value::boolean_of(true, c.ctx.call);
  absorb(v, arg);
  return v;
}

Value coalesce(Call& c) {
  auto unified = unify_elements(c.args);
  if (!unified) return c.fail("all arguments must have the same type");
  for (auto& arg : *unified) {
    if (arg.is_unknown()) return c.unknown();
    if (arg.is_null() || (arg.is_string() && arg.text.empty())) continue;
    return arg;
  }
  return c.fail("no non-null, non-empty-string arguments");
}

Value tostring(Call& c) {
  auto v = to_string_value(c.args[0]);
  if (!v) return c.fail("cannot convert this value to a string");
  return *v;
}

Value tonumber(Call& c) {
  const Value& a = c.args[0];
  if (a.is_null() || a.kind == Kind::Number) return a;
  auto n = as_number(a);
  if (!n) return c.fail("cannot convert \"" + a.display() + "\" to a number");
  Value v = a;
  v.kind = Kind::Number;
  v.number = *n;
  v.text.clear();
  return v;
}

Value tobool(Call& c) {
  const Value& a = c.args[0];
  if (a.is_null() || a.kind == Kind::Bool) return a;
  auto b = as_bool(a);
  if (!b) return c.fail("cannot convert \"" + a.display() + "\" to a bool");
  Value v = a;
  v.kind = Kind::Bool;
  v.boolean = *b;
  v.text.clear();
  return v;
}

Value tolist(Call& c) {
  const Value& a = c.args[0];
  if (a.is_null()) return a;
  if (!a.is_list()) return c.fail("cannot convert this value to a list");
  auto unified = unify_elements(a.items);
  if (!unified) return c.fail("list elements must have one type");
  Value v = a;
  v.items = std::move(*unified);
  return v;
}

Value toset(Call& c) {
  const Value& a = c.args[0];
  if (a.is_null()) return a;
  if (!a.is_list()) return c.fail("cannot convert this value to a set");
  for (const auto& item : a.items) {
    if (item.contains_unknown()) return c.unknown("set elements are not all known");
  }
  auto unified = unify_elements(a.items);
  if (!unified) return c.fail("set elements must have one type");
  Value v = a;
  v.items.clear();
  ValueSet seen;
  for (auto& item : *unified) {
    if (seen.insert(item)) v.items.push_back(std::move(item));
  }
  order_set(v.items);
  return v;
}

Value tomap(Call& c) {
  const Value& a = c.args[0];
  if (a.is_null()) return a;
  if (!a.is_map()) return c.fail("cannot convert this value to a map");
  std::vector<Value> values;
  for (const auto& f : a.fields) values.push_back(f.value);
  auto unified = unify_elements(std::move(values));
  if (!unified) return c.fail("map values must have one type");
  Value v = a;
  for (size_t i = 0; i < v.fields.size(); ++i) v.fields[i].value = std::move((*unified)[i]);
  return v;
}

void set_mark_deep(Value& v, bool on) {
  if (on) {
    v.marks |= kSensitive;
  } else {
    v.marks &= static_cast<uint8_t>(~kSensitive);
  }
  for (auto& item : v.items) set_mark_deep(item, on);
  for (auto& f : v.fields) set_mark_deep(f.value, on);
}

Value sensitive(Call& c) {
  Value v = c.args[0];
  set_mark_deep(v, true);
  return v;
}

Value nonsensitive(Call& c) {
  Value v = c.args[0];
  set_mark_deep(v, false);
  return v;
}

Value issensitive(Call& c) {
  Value v = Value::boolean_of(c.args[0].has_mark(kSensitive), c.ctx.call);
  v.refs = c.args[0].refs;
  return v;
}

constexpr BuiltinSpec kFunctions[] = {
    {"try", try_call, 1, kVariadic, true, true},
    {"can", can_call, 1, 1, true, true},
    {"coalesce", coalesce, 1, kVariadic, true},
    {"tostring", tostring, 1, 1},
    {"tonumber", tonumber, 1, 1},
    {"tobool", tobool, 1, 1},
    {"tolist", tolist, 1, 1},
    {"toset", toset, 1, 1},
    {"tomap", tomap, 1, 1},
    {"sensitive", sensitive, 1, 1, true},
    {"nonsensitive", nonsensitive, 1, 1, true},
    {"issensitive", issensitive, 1, 1, true},
};

}  // namespace

std::span<const BuiltinSpec> conversion_functions() { return kFunctions; }

}  // namespace eph::terraform::fn
