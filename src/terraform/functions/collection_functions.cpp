// Collection built-ins over lists (tuples) and maps (objects).
#include <algorithm>
#include <cmath>

#include "terraform/functions/function_support.h"

namespace eph::terraform::fn {

namespace {

Value merge(Call& c) {
  Value out = c.computed(Value::map());
  for (const auto& arg : c.args) {
    if (arg.is_null()) continue;
    if (!arg.is_map()) return c.fail("arguments must be maps or objects");
    for (const auto& f : arg.fields) {
      auto it = std::find_if(out.fields.begin(), out.fields.end(), [&](const Field& o) { return o.key == f.key; });
      if (it != out.fields.end()) {
        *it = f;  // the later map wins, and its key is where this entry was written
      } else {
        out.fields.push_back(f);
      }
    }
  }
  return out;
}

Value concat(Call& c) {
  Value out = c.computed(Value::list());
  for (const auto& arg : c.args) {
    if (!arg.is_list()) return c.fail("arguments must be lists");
    out.items.insert(out.items.end(), arg.items.begin(), arg.items.end());
  }
  return out;
}

// False when an unknown element could itself be a list.
bool flatten_into(const Value& list, std::vector<Value>& out, int depth) {
  for (const auto& item : list.items) {
    if (item.is_unknown()) return false;
    if (item.is_list() && depth < 64) {
      if (!flatten_into(item, out, depth + 1)) return false;
    } else {
      out.push_back(item);
    }
  }
  return true;
}

Value flatten(Call& c) {
  if (!c.args[0].is_list()) return c.fail("argument must be a list");
  Value out = c.computed(Value::list());
  if (!flatten_into(c.args[0], out.items, 0)) return c.unknown();
  return out;
}

Value lookup(Call& c) {
  const Value& map = c.args[0];
  const Value& key = c.args[1];
  if (map.is_unknown() || key.is_unknown()) return c.unknown();
  if (!map.is_map()) return c.fail("argument 1 must be a map or object");
  auto k = as_string(key);
  if (!k) return c.fail("key must be a string");
  if (const Value* found = map.get(*k)) return c.passed(*found);
  if (c.args.size() == 3) return c.passed(c.args[2]);
  return c.fail("the given key \"" + *k + "\" does not exist in the map");
}

Value element(Call& c) {
  const Value& list = c.args[0];
  if (!list.is_list()) return c.fail("argument 1 must be a list");
  auto index = as_integer(c.args[1]);
  if (!index) return c.fail("index must be a whole number");
  if (*index < 0) return c.fail("cannot use element function with a negative index");
  if (list.items.empty()) return c.fail("cannot use element function with an empty list");
  return c.passed(list.items[static_cast<size_t>(*index) % list.items.size()]);
}

Value index_of(Call& c) {
  const Value& list = c.args[0];
  if (!list.is_list()) return c.fail("argument 1 must be a list");
  for (size_t i = 0; i < list.items.size(); ++i) {
    Tri t = equal(list.items[i], c.args[1]);
    if (t == Tri::Unknown) return c.unknown();
    if (t == Tri::True) return c.computed(Value::number_of(static_cast<double>(i)));
  }
  return c.fail("item not found");
}

Value length(Call& c) {
  const Value& v = c.args[0];
  switch (v.kind) {
    case Kind::String: return c.computed(Value::number_of(static_cast<double>(characters(v.text).size())));
    case Kind::List: return c.computed(Value::number_of(static_cast<double>(v.items.size())));
    case Kind::Map: return c.computed(Value::number_of(static_cast<double>(v.fields.size())));
    case Kind::Null: return c.fail("argument must not be null");
    default: return c.fail("argument must be a string, a list or a map");
  }
}

Value keys(Call& c) {
  if (!c.args[0].is_map()) return c.fail("argument must be a map or object");
  Value out = c.computed(Value::list());
  for (const Field* f : sorted_fields(c.args[0])) {
    // A key is written where its field is: it keeps that position.
    out.items.push_back(Value::string_of(f->key, f->key_range.valid() ? f->key_range : c.ctx.call));
  }
  return out;
}

Value values(Call& c) {
  if (!c.args[0].is_map()) return c.fail("argument must be a map or object");
  Value out = c.computed(Value::list());
  for (const Field* f : sorted_fields(c.args[0])) out.items.push_back(f->value);
  return out;
}

Value contains(Call& c) {
  if (!c.args[0].is_list()) return c.fail("argument 1 must be a list or set");
  bool unknown = false;
  for (const auto& item : c.args[0].items) {
    Tri t = equal(item, c.args[1]);
    if (t == Tri::True) return c.computed(Value::boolean_of(true));
    if (t == Tri::Unknown) unknown = true;
  }
  if (unknown) return c.unknown();
  return c.computed(Value::boolean_of(false));
}

Value distinct(Call& c) {
  if (!c.args[0].is_list()) return c.fail("argument must be a list");
  Value out = c.computed(Value::list());
  ValueSet seen;
  for (const auto& item : c.args[0].items) {
    if (item.contains_unknown()) return c.unknown();
    if (seen.insert(item)) out.items.push_back(item);
  }
  return out;
}

Value coalescelist(Call& c) {
  for (const auto& arg : c.args) {
    if (arg.is_unknown()) return c.unknown();
    if (arg.is_null()) continue;
    if (!arg.is_list()) return c.fail("arguments must be lists");
    if (!arg.items.empty()) return c.passed(arg);
  }
  return c.fail("no non-null arguments");
}

Value compact(Call& c) {
  if (!c.args[0].is_list()) return c.fail("argument must be a list of strings");
  Value out = c.computed(Value::list());
  for (const auto& item : c.args[0].items) {
    if (item.is_unknown()) return c.unknown();
    if (item.is_null() || (item.is_string() && item.text.empty())) continue;
    auto s = to_string_value(item);
    if (!s) return c.fail("argument must be a list of strings");
    out.items.push_back(std::move(*s));
  }
  return out;
}

Value zipmap(Call& c) {
  const Value& ks = c.args[0];
  const Value& vs = c.args[1];
  if (!ks.is_list() || !vs.is_list()) return c.fail("arguments must be lists");
  if (ks.items.size() != vs.items.size()) return c.fail("number of keys and values must match");
  Value out = c.computed(Value::map());
  for (size_t i = 0; i < ks.items.size(); ++i) {
    if (ks.items[i].is_unknown()) return c.unknown();
    auto k = as_string(ks.items[i]);
    if (!k) return c.fail("keys must be strings");
    out.set(*k, vs.items[i], ks.items[i].where);
  }
  return out;
}

Value range(Call& c) {
  double start = 0, limit = 0, step = 1;
  std::vector<double> n;
  for (const auto& a : c.args) {
    auto x = as_number(a);
    if (!x) return c.fail("arguments must be numbers");
    n.push_back(*x);
  }
  if (n.size() == 1) {
    limit = n[0];
  } else {
    start = n[0];
    limit = n[1];
    if (n.size() == 3) {
      step = n[2];
    } else if (limit < start) {
      step = -1;  // range(4, 1) counts down
    }
  }
  if (step == 0) return c.fail("step must not be zero");
  if ((limit > start && step < 0) || (limit < start && step > 0)) return c.fail("step has the wrong sign");
  Value out = c.computed(Value::list());
  for (double x = start; step > 0 ? x < limit : x > limit; x += step) {
    // Terraform refuses ranges longer than 1024 elements.
    if (out.items.size() == 1024) return c.fail("more than 1024 elements");
    out.items.push_back(Value::number_of(x, c.ctx.call));
  }
  return out;
}

Value slice(Call& c) {
  const Value& list = c.args[0];
  if (!list.is_list()) return c.fail("argument 1 must be a list");
  auto from = as_integer(c.args[1]);
  auto to = as_integer(c.args[2]);
  if (!from || !to) return c.fail("indexes must be whole numbers");
  long long size = static_cast<long long>(list.items.size());
  if (*from < 0 || *to > size || *from > *to) return c.fail("index out of range");
  Value out = c.computed(Value::list());
  out.items.assign(list.items.begin() + *from, list.items.begin() + *to);
  return out;
}

Value sort(Call& c) {
  if (!c.args[0].is_list()) return c.fail("argument must be a list of strings");
  Value out = c.computed(Value::list());
  for (const auto& item : c.args[0].items) {
    if (item.is_unknown()) return c.unknown();
    if (item.is_null()) return c.fail("cannot sort a list containing null");
    auto s = to_string_value(item);
    if (!s) return c.fail("argument must be a list of strings");
    out.items.push_back(std::move(*s));
  }
  std::stable_sort(out.items.begin(), out.items.end(), [](const Value& a, const Value& b) { return a.text < b.text; });
  return out;
}

Value reverse(Call& c) {
  if (!c.args[0].is_list()) return c.fail("argument must be a list");
  Value out = c.computed(Value::list());
  out.items.assign(c.args[0].items.rbegin(), c.args[0].items.rend());
  return out;
}

Value one(Call& c) {
  const Value& list = c.args[0];
  if (!list.is_list()) return c.fail("argument must be a list or set");
  if (list.items.empty()) return c.computed(Value::null());
  if (list.items.size() > 1) return c.fail("must be a list with no more than one element");
  return c.passed(list.items.front());
}

Value chunklist(Call& c) {
  const Value& list = c.args[0];
  if (!list.is_list()) return c.fail("argument 1 must be a list");
  auto size = as_integer(c.args[1]);
  if (!size || *size < 0) return c.fail("chunk size must be a non-negative whole number");
  Value out = c.computed(Value::list());
  if (*size == 0) {
    out.items.push_back(c.passed(list));
    return out;
  }
  for (size_t i = 0; i < list.items.size(); i += static_cast<size_t>(*size)) {
    Value chunk = Value::list(c.ctx.call);
    size_t end = std::min(list.items.size(), i + static_cast<size_t>(*size));
    chunk.items.assign(list.items.begin() + i, list.items.begin() + end);
    out.items.push_back(std::move(chunk));
  }
  return out;
}

template <bool All>
Value all_or_any(Call& c) {
  if (!c.args[0].is_list()) return c.fail("argument must be a list of bools");
  bool unknown = false;
  for (const auto& item : c.args[0].items) {
    if (item.is_unknown()) {
      unknown = true;
      continue;
    }
    auto b = as_bool(item);
    if (!b) return c.fail("elements must be bools");
    if (*b != All) return c.computed(Value::boolean_of(!All));  // decided
  }
  if (unknown) return c.unknown();
  return c.computed(Value::boolean_of(All));
}

constexpr BuiltinSpec kFunctions[] = {
    {"merge", merge, 0, kVariadic},
    {"concat", concat, 0, kVariadic},
    {"flatten", flatten, 1, 1},
    {"lookup", lookup, 2, 3, true},
    {"element", element, 2, 2},
    {"index", index_of, 2, 2},
    {"length", length, 1, 1},
    {"keys", keys, 1, 1},
    {"values", values, 1, 1},
    {"contains", contains, 2, 2},
    {"distinct", distinct, 1, 1},
    {"coalescelist", coalescelist, 1, kVariadic, true},
    {"compact", compact, 1, 1},
    {"zipmap", zipmap, 2, 2},
    {"range", range, 1, 3},
    {"slice", slice, 3, 3},
    {"sort", sort, 1, 1},
    {"reverse", reverse, 1, 1},
    {"one", one, 1, 1},
    {"chunklist", chunklist, 2, 2},
    {"alltrue", all_or_any<true>, 1, 1},
    {"anytrue", all_or_any<false>, 1, 1},
};

}  // namespace

std::span<const BuiltinSpec> collection_functions() { return kFunctions; }

}  // namespace eph::terraform::fn
