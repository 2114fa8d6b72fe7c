// Evaluating a custom rule's query. Conditions are three-valued: a value that cannot be
// known makes a comparison Unknown, Unknown propagates through all/any/not, and only True
// becomes a finding (RULES.md: a rule never fires on an unknown value, unless it asks with
// `unknown: true`).
#include "custom/rule_query.h"

#include <cmath>
#include <cstdio>
#include <map>

#include "model/cidr.h"

namespace eph::custom {
namespace {

enum class Tri { False, True, Unknown };

// Whether `inner` lies wholly inside `outer` (one family).
bool contains(const IpPrefix& outer, const IpPrefix& inner) {
  if (outer.v6 != inner.v6 || inner.bits < outer.bits) return false;
  return (inner.address & ~outer.host_mask()) == outer.network();
}

Tri negate(Tri t) { return t == Tri::True ? Tri::False : t == Tri::False ? Tri::True : Tri::Unknown; }

using Bindings = std::map<std::string, Item, std::less<>>;

struct Outcome {
  Tri result = Tri::False;
  std::vector<RelatedLocation> evidence;
  std::optional<Range> decided;  // the written value that decided a Test
};

std::string evidence_label(const Item& item) {
  std::string kind(item.entity ? item.entity->name : "value");
  for (char& c : kind)
    if (c == '_') c = ' ';
  return kind + " " + item.label;
}

Item item_of(const Value* v, std::string key = {}) {
  Item i;
  i.value = v;
  i.key = std::move(key);
  i.range = v->where;
  return i;
}

// Follows `path` from `start`. Relations crossed on the way are added to `evidence`.
FieldValue resolve(const Model& model, const Item& start, const Bindings& bindings, const FieldPath& path,
                   std::vector<RelatedLocation>* evidence) {
  Item current = start;
  size_t i = 0;
  if (!path.segments.empty()) {
    if (auto b = bindings.find(path.segments.front()); b != bindings.end()) {
      current = b->second;
      i = 1;
    }
  }
  FieldValue here;
  here.present = true;
  here.items.push_back(current);
  const Value* inside = nullptr;  // walking into a map value's own keys
  for (; i < path.segments.size(); ++i) {
    const std::string& segment = path.segments[i];
    if (inside) {
      if (inside->is_unknown()) return FieldValue{true, false, {item_of(inside)}};
      const Value* next = inside->is_list() ? (inside->items.empty() ? nullptr : &inside->items.front()) : inside;
      next = next && next->is_map() ? next->get(segment) : nullptr;
      if (next && next->is_list() && i + 1 < path.segments.size() && !next->items.empty()) next = &next->items.front();
      if (!next) return FieldValue{};
      inside = next;
      here = FieldValue{true, true, {item_of(next)}};
      continue;
    }
    if (here.items.empty() || !here.present) return FieldValue{};
    const Item& owner = here.items.front();
    if (owner.value && owner.value->is_unknown()) return FieldValue{true, false, {owner}};
    if (!owner.entity) return FieldValue{};
    const FieldDef* field = find_field(*owner.entity, segment);
    if (!field) return FieldValue{};
    if (i > 0 && evidence && owner.object != start.object && owner.range.valid())
      evidence->push_back(RelatedLocation{owner.range, evidence_label(owner)});
    FieldValue value = field->get(model, owner);
    if (field->type == FieldType::Map && i + 1 < path.segments.size()) {
      const std::string& key = path.segments[++i];
      const Item* found = nullptr;
      for (const auto& e : value.items)
        if (e.key == key) found = &e;
      if (!found) {
        if (!value.known) return FieldValue{true, false, {}};
        return FieldValue{};
      }
      if (!found->value) return FieldValue{};
      inside = found->value;
      here = FieldValue{true, true, {item_of(found->value, found->key)}};
      continue;
    }
    here = std::move(value);
  }
  return here;
}

// Numbers and booleans compare by their text, so that "80" written quoted equals 80.
std::string canonical(const Value& v) {
  if (v.kind == Kind::Number) {
    if (std::floor(v.number) == v.number && std::fabs(v.number) < 1e15) return std::to_string(static_cast<long long>(v.number));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v.number);
    return buf;
  }
  if (v.kind == Kind::Bool) return v.boolean ? "true" : "false";
  return v.text;
}

std::optional<double> number_of(const Value& v) {
  if (v.kind == Kind::Number) return v.number;
  if (v.kind != Kind::String || v.text.empty()) return std::nullopt;
  char* end = nullptr;
  double n = std::strtod(v.text.c_str(), &end);
  if (*end != '\0') return std::nullopt;
  return n;
}

bool is_scalar(const Value& v) { return v.kind == Kind::String || v.kind == Kind::Number || v.kind == Kind::Bool; }

// One comparison on one known value.
Tri compare(const Condition& c, const Value& v) {
  switch (c.op) {
    case Op::Equals:
    case Op::NotEquals:
    case Op::In:
    case Op::NotIn: {
      if (!is_scalar(v)) return Tri::False;
      bool found = false;
      for (const auto& a : c.arguments) found = found || canonical(a) == canonical(v);
      bool positive = c.op == Op::Equals || c.op == Op::In;
      return found == positive ? Tri::True : Tri::False;
    }
    case Op::Matches:
      return is_scalar(v) && c.pattern->search(canonical(v)) ? Tri::True : Tri::False;
    case Op::CidrContains:
    case Op::CidrWithin:
    case Op::PrefixLength:
    case Op::PrefixLengthBelow:
    case Op::PrefixLengthAbove: {
      if (v.kind != Kind::String) return Tri::False;
      if (c.op == Op::CidrContains || c.op == Op::CidrWithin) {
        auto value = parse_ip_prefix(v.text, /*bare_address_is_host=*/true);
        if (!value) return Tri::False;
        bool in = c.op == Op::CidrContains ? contains(*value, *c.cidr) : contains(*c.cidr, *value);
        return in ? Tri::True : Tri::False;
      }
      auto cidr = parse_cidr(v.text);
      if (!cidr) return Tri::False;
      double n = c.arguments.front().number;
      bool ok = c.op == Op::PrefixLength ? cidr->prefix == n : c.op == Op::PrefixLengthBelow ? cidr->prefix < n : cidr->prefix > n;
      return ok ? Tri::True : Tri::False;
    }
    case Op::Lt:
    case Op::Le:
    case Op::Gt:
    case Op::Ge: {
      auto n = number_of(v);
      if (!n) return Tri::False;
      double a = c.arguments.front().number;
      bool ok = c.op == Op::Lt ? *n < a : c.op == Op::Le ? *n <= a : c.op == Op::Gt ? *n > a : *n >= a;
      return ok ? Tri::True : Tri::False;
    }
    default: return Tri::False;
  }
}

bool written(const FieldValue& f) {
  if (!f.present) return false;
  if (f.items.size() == 1 && f.items.front().value && f.items.front().value->is_null() && !f.items.front().entity) return false;
  return true;
}

bool unknown_value(const FieldValue& f) {
  if (!f.known) return true;
  return f.items.size() == 1 && f.items.front().value && f.items.front().value->is_unknown();
}

Outcome evaluate(const Model& model, const Item& item, Bindings& bindings, const Condition& c);

Outcome all_of(const Model& model, const Item& item, Bindings& bindings, const std::vector<Condition>& conditions) {
  Outcome out;
  out.result = Tri::True;
  for (const auto& c : conditions) {
    Outcome o = evaluate(model, item, bindings, c);
    if (o.result == Tri::False) return Outcome{};
    if (o.result == Tri::Unknown) out.result = Tri::Unknown;
    if (!out.decided && o.decided) out.decided = o.decided;
    out.evidence.insert(out.evidence.end(), o.evidence.begin(), o.evidence.end());
  }
  if (out.result != Tri::True) out.evidence.clear();
  return out;
}

Outcome test(const Model& model, const Item& item, Bindings& bindings, const Condition& c) {
  Outcome out;
  FieldValue f = resolve(model, item, bindings, c.path, &out.evidence);
  const Item* one = f.items.size() == 1 ? &f.items.front() : nullptr;
  auto decided_at = [&] {
    if (one && one->range.valid()) out.decided = one->range;
  };
  switch (c.op) {
    case Op::Exists:
    case Op::Absent: {
      bool is = c.op == Op::Exists ? written(f) : !written(f);
      if (!c.flag) is = !is;
      // A key of a map (or a list) that cannot be known might be there or not.
      if (!f.known && f.items.empty()) out.result = Tri::Unknown;
      else out.result = is ? Tri::True : Tri::False;
      if (out.result == Tri::True && c.op == Op::Exists && c.flag) decided_at();
      break;
    }
    case Op::Unknown: {
      bool is = unknown_value(f) && (f.present || !f.known);
      out.result = is == c.flag ? Tri::True : Tri::False;
      if (out.result == Tri::True) decided_at();
      break;
    }
    default:
      if (!written(f) || !one || !one->value) {
        out.result = unknown_value(f) ? Tri::Unknown : Tri::False;
        break;
      }
      if (one->value->is_unknown()) {
        out.result = Tri::Unknown;
        break;
      }
      out.result = compare(c, *one->value);
      if (out.result == Tri::True) decided_at();
  }
  if (out.result != Tri::True) {
    out.evidence.clear();
    out.decided.reset();
  }
  return out;
}

Outcome quantify(const Model& model, const Item& item, Bindings& bindings, const Condition& c) {
  Outcome out;
  std::vector<RelatedLocation> path_evidence;
  FieldValue list = resolve(model, item, bindings, c.path, &path_evidence);
  bool unknown = !list.known || (list.items.size() == 1 && list.items.front().value && list.items.front().value->is_unknown() &&
                                 !list.items.front().entity);
  std::vector<Item> elements = unknown && list.items.size() == 1 && !list.items.front().entity ? std::vector<Item>{} : list.items;
  bool any_true = false, any_false = false, any_unknown = unknown;
  const Item* first_match = nullptr;
  for (const Item& element : elements) {
    // A value of a list field is an item with no entity: its conditions test it directly.
    if (!c.binding.empty()) bindings[c.binding] = element;
    Outcome o = all_of(model, element, bindings, c.children);
    if (!c.binding.empty()) bindings.erase(c.binding);
    if (o.result == Tri::True) {
      if (!first_match) {
        first_match = &element;
        out.evidence = path_evidence;
        if (element.range.valid())
          out.evidence.push_back(RelatedLocation{element.range, element.entity ? evidence_label(element) : "matched value"});
        out.evidence.insert(out.evidence.end(), o.evidence.begin(), o.evidence.end());
      }
      any_true = true;
    } else if (o.result == Tri::False) {
      any_false = true;
    } else {
      any_unknown = true;
    }
  }
  // The first element that matched stays bound for the message.
  if (first_match && c.kind == ConditionKind::Any && !c.binding.empty()) bindings[c.binding] = *first_match;
  // Only `any` names what matched; for `all` and `none` the evidence is the whole list.
  if (c.kind != ConditionKind::Any) out.evidence.clear();
  switch (c.kind) {
    case ConditionKind::Any: out.result = any_true ? Tri::True : any_unknown ? Tri::Unknown : Tri::False; break;
    case ConditionKind::None: out.result = any_true ? Tri::False : any_unknown ? Tri::Unknown : Tri::True; break;
    default: out.result = any_false ? Tri::False : any_unknown ? Tri::Unknown : Tri::True; break;
  }
  if (out.result != Tri::True) out.evidence.clear();
  return out;
}

Outcome evaluate(const Model& model, const Item& item, Bindings& bindings, const Condition& c) {
  switch (c.kind) {
    case ConditionKind::Test: return test(model, item, bindings, c);
    case ConditionKind::Any:
    case ConditionKind::All:
    case ConditionKind::None: return quantify(model, item, bindings, c);
    case ConditionKind::AllOf: return all_of(model, item, bindings, c.children);
    case ConditionKind::AnyOf: {
      Outcome out;
      bool unknown = false;
      for (const auto& child : c.children) {
        Outcome o = evaluate(model, item, bindings, child);
        if (o.result == Tri::True) return o;
        unknown = unknown || o.result == Tri::Unknown;
      }
      out.result = unknown ? Tri::Unknown : Tri::False;
      return out;
    }
    case ConditionKind::Not: {
      Outcome o = evaluate(model, item, bindings, c.children.front());
      return Outcome{negate(o.result), {}, {}};
    }
  }
  return {};
}

std::string render(const Model& model, const Item& item, const Bindings& bindings, const std::vector<MessagePart>& parts) {
  std::string out;
  for (const auto& p : parts) {
    if (!p.hole) {
      out += p.text;
      continue;
    }
    FieldValue f = resolve(model, item, bindings, p.path, nullptr);
    if (!f.known && f.items.empty()) out += "(unknown)";
    else if (!written(f)) out += "(not set)";
    else {
      for (size_t i = 0; i < f.items.size(); ++i) {
        if (i) out += ", ";
        out += f.items[i].entity && !f.items[i].key.empty() ? f.items[i].key : display(f.items[i]);
      }
    }
  }
  return out;
}

std::string resource_of(const Model& model, const Item& item) {
  if (item.entity) {
    if (const FieldDef* address = find_field(*item.entity, "address")) {
      FieldValue f = address->get(model, item);
      if (f.items.size() == 1 && f.items.front().value && f.items.front().value->is_string()) return f.items.front().value->text;
    }
  }
  return item.label;
}

}  // namespace

std::vector<QueryMatch> evaluate_query(const Query& query, const Model& model) {
  std::vector<QueryMatch> out;
  std::vector<Item> items;
  if (query.entity->all) query.entity->all(model, items);
  for (const Item& item : items) {
    Bindings bindings;
    Outcome o = all_of(model, item, bindings, query.where);
    if (o.result != Tri::True) continue;
    QueryMatch m;
    m.range = item.range;
    if (query.report_at) {
      FieldValue at = resolve(model, item, bindings, *query.report_at, nullptr);
      if (!at.items.empty() && at.items.front().range.valid()) m.range = at.items.front().range;
    } else if (o.decided) {
      m.range = *o.decided;
    }
    m.message = render(model, item, bindings, query.message);
    m.resource = resource_of(model, item);
    for (auto& r : o.evidence) {
      bool same_place = r.range.file == m.range.file && r.range.begin == m.range.begin && r.range.end == m.range.end;
      bool seen = false;
      for (const auto& k : m.related) seen = seen || (k.range.file == r.range.file && k.range.begin == r.range.begin && k.message == r.message);
      if (!same_place && !seen) m.related.push_back(std::move(r));
    }
    if (m.range.valid()) out.push_back(std::move(m));
  }
  return out;
}

std::optional<PathType> type_of_path(const EntityDef& entity, const std::vector<Binding>& bindings, const FieldPath& path,
                                     std::string& error, size_t& bad_segment) {
  PathType current{FieldType::Entity, false, &entity};
  size_t i = 0;
  if (!path.segments.empty()) {
    for (auto b = bindings.rbegin(); b != bindings.rend(); ++b) {
      if (b->name == path.segments.front()) {
        current = b->type;
        i = 1;
        break;
      }
    }
  }
  for (; i < path.segments.size(); ++i) {
    const std::string& segment = path.segments[i];
    bad_segment = i;
    if (current.type == FieldType::Any) continue;  // inside a map value: any key may be there
    if (current.list) {
      error = "'" + path.segments[i - 1] + "' is a list: use any, all or none to look inside it";
      return std::nullopt;
    }
    if (current.type != FieldType::Entity || !current.entity) {
      error = "'" + (i ? path.segments[i - 1] : std::string()) + "' is a " + std::string(to_string(current.type)) +
              ", it has no field '" + segment + "'";
      return std::nullopt;
    }
    const FieldDef* field = find_field(*current.entity, segment);
    if (!field) {
      std::string known;
      for (const auto& f : current.entity->fields) known += (known.empty() ? "" : ", ") + std::string(f.name);
      error = "unknown field '" + segment + "' of " + std::string(current.entity->name) + " (" + known + ")";
      return std::nullopt;
    }
    if (field->type == FieldType::Map && i + 1 < path.segments.size()) {
      ++i;  // the key
      current = PathType{FieldType::Any, false, nullptr};
      continue;
    }
    current = PathType{field->type, field->list, field->type == FieldType::Entity ? find_entity(field->target) : nullptr};
    if (field->type == FieldType::Map) current.entity = &map_entry_entity();
  }
  return current;
}

}  // namespace eph::custom
