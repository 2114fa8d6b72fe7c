#include "terraform/plan/source_alignment.h"

#include <vector>

#include "terraform/functions/function_support.h"

namespace eph::terraform::plan {

namespace {

bool same_primitive(const Value& a, const Value& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case Kind::Null: return true;
    case Kind::Bool: return a.boolean == b.boolean;
    case Kind::Number: return a.number == b.number;
    case Kind::String: return a.text == b.text;
    default: return false;
  }
}

// Could `source` be the configuration that produced `planned`? Unknown parts and
// attributes only one side has (provider defaults) do not tell them apart.
bool compatible(const Value& planned, const Value& source, int depth = 0) {
  if (planned.is_unknown() || source.is_unknown() || depth > 64) return true;
  if (planned.is_map() && source.is_map()) {
    for (const auto& f : planned.fields) {
      const Value* s = source.get(f.key);
      if (s && !compatible(f.value, *s, depth + 1)) return false;
    }
    return true;
  }
  if (planned.is_list() && source.is_list()) {
    if (planned.items.size() != source.items.size()) return false;
    for (size_t i = 0; i < planned.items.size(); ++i)
      if (!compatible(planned.items[i], source.items[i], depth + 1)) return false;
    return true;
  }
  if (planned.is_null() || source.is_null()) return true;  // optional blocks and attributes
  return same_primitive(planned, source) || fn::equal(planned, source) == fn::Tri::True;
}

void take_provenance(Value& planned, const Value& source) {
  if (source.where.valid()) planned.where = source.where;
  for (const auto& r : source.refs) fn::add_ref(planned, r);
  planned.marks |= source.marks;
}

}  // namespace

void align_with_source(Value& planned, const Value& source) {
  if (planned.is_unknown()) {
    // Known only after apply: the expression that computes it is where it is written.
    take_provenance(planned, source);
    return;
  }
  if (same_primitive(planned, source)) {
    take_provenance(planned, source);
    if (planned.is_string() && source.decoded) planned.decoded = source.decoded;
    return;
  }
  if (planned.is_map() && source.is_map()) {
    take_provenance(planned, source);
    for (auto& f : planned.fields) {
      const Field* s = source.field(f.key);
      if (!s) continue;
      if (s->key_range.valid()) f.key_range = s->key_range;
      align_with_source(f.value, s->value);
    }
    return;
  }
  if (planned.is_list() && source.is_list() && planned.items.size() == source.items.size()) {
    take_provenance(planned, source);
    // Sets (security group rules, tags lists) may come back in another order: pair each
    // element with the first unused source element it could have come from.
    std::vector<bool> used(source.items.size(), false);
    for (auto& item : planned.items) {
      for (size_t j = 0; j < source.items.size(); ++j) {
        if (used[j] || !compatible(item, source.items[j])) continue;
        used[j] = true;
        align_with_source(item, source.items[j]);
        break;
      }
    }
  }
  // Different values: the plan's value stands where the plan wrote it.
}

}  // namespace eph::terraform::plan
