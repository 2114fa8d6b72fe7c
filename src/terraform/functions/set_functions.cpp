// Set built-ins. Sets are lists without duplicates; sets of strings or of numbers are
// ordered as Terraform iterates them (lexically, numerically).
#include <algorithm>

#include "terraform/functions/function_support.h"

namespace eph::terraform::fn {

namespace {

// Set operations over the arguments; `keep(i, item)` decides for item of argument i, given
// each argument as a ValueSet.
template <typename Keep>
Value combine(Call& c, Keep keep) {
  std::vector<ValueSet> sets(c.args.size());
  for (size_t i = 0; i < c.args.size(); ++i) {
    if (!c.args[i].is_list()) return c.fail("arguments must be sets");
    for (const auto& item : c.args[i].items) {
      if (item.contains_unknown()) return c.unknown();
      sets[i].insert(item);
    }
  }
  Value out = c.computed(Value::list());
  ValueSet added;
  for (size_t i = 0; i < c.args.size(); ++i) {
    for (const auto& item : c.args[i].items) {
      if (keep(i, item, sets) && added.insert(item)) out.items.push_back(item);
    }
  }
  auto unified = unify_elements(std::move(out.items));
  if (!unified) return c.fail("set elements must have one type");
  out.items = std::move(*unified);
  order_set(out.items);
  return out;
}

Value setunion(Call& c) {
  return combine(c, [](size_t, const Value&, const std::vector<ValueSet>&) { return true; });
}

Value setintersection(Call& c) {
  return combine(c, [](size_t i, const Value& item, const std::vector<ValueSet>& sets) {
    if (i != 0) return false;
    for (size_t k = 1; k < sets.size(); ++k) {
      if (!sets[k].contains(item)) return false;
    }
    return true;
  });
}

Value setsubtract(Call& c) {
  return combine(c, [](size_t i, const Value& item, const std::vector<ValueSet>& sets) {
    return i == 0 && !sets[1].contains(item);
  });
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
