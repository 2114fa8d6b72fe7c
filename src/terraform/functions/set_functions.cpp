// Set built-ins. Sets are lists without duplicates; sets of strings or of numbers are
// ordered as Terraform iterates them (lexically, numerically).
#include <algorithm>

#include "terraform/functions/function_support.h"

namespace eph::terraform::fn {

namespace {

bool contains_equal(const std::vector<Value>& items, const Value& v) {
  return std::any_of(items.begin(), items.end(), [&](const Value& o) { return equal(o, v) == Tri::True; });
}

template <typename Keep>
Value combine(Call& c, Keep keep) {
  for (const auto& arg : c.args) {
    if (!arg.is_list()) return c.fail("arguments must be sets");
    for (const auto& item : arg.items) {
      if (item.contains_unknown()) return c.unknown();
    }
  }
  Value out = c.computed(Value::list());
  for (size_t i = 0; i < c.args.size(); ++i) {
    for (const auto& item : c.args[i].items) {
      if (keep(i, item) && !contains_equal(out.items, item)) out.items.push_back(item);
    }
  }
  auto unified = unify_elements(std::move(out.items));
  if (!unified) return c.fail("set elements must have one type");
  out.items = std::move(*unified);
  order_set(out.items);
  return out;
}

Value setunion(Call& c) {
  return combine(c, [](size_t, const Value&) { return true; });
}

Value setintersection(Call& c) {
  return combine(c, [&](size_t i, const Value& item) {
    if (i != 0) return false;
    for (size_t k = 1; k < c.args.size(); ++k) {
      if (!contains_equal(c.args[k].items, item)) return false;
    }
    return true;
  });
}

Value setsubtract(Call& c) {
  return combine(c, [&](size_t i, const Value& item) { return i == 0 && !contains_equal(c.args[1].items, item); });
}

constexpr BuiltinSpec kFunctions[] = {
    {"setunion", setunion, 1, kVariadic},
    {"setintersection", setintersection, 1, kVariadic},
    {"setsubtract", setsubtract, 2, 2},
};

}  // namespace

void order_set(std::vector<Value>& items) {
  bool all_strings = std::all_of(items.begin(), items.end(), [](const Value& v) { return v.is_string(); });
  bool all_numbers = std::all_of(items.begin(), items.end(), [](const Value& v) { return v.kind == Kind::Number; });
  if (all_strings) {
    std::stable_sort(items.begin(), items.end(), [](const Value& a, const Value& b) { return a.text < b.text; });
  } else if (all_numbers) {
    std::stable_sort(items.begin(), items.end(), [](const Value& a, const Value& b) { return a.number < b.number; });
  }
}

std::span<const BuiltinSpec> set_functions() { return kFunctions; }

}  // namespace eph::terraform::fn
