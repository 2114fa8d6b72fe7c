#include "core/value.h"

#include <cmath>
#include <cstdio>

namespace eph {

Value Value::null(Range where) {
  Value v;
  v.where = where;
  return v;
}
Value Value::unknown(Range where, std::string why) {
  Value v;
  v.kind = Kind::Unknown;
  v.where = where;
  v.text = std::move(why);
  return v;
}
Value Value::boolean_of(bool b, Range where) {
  Value v;
  v.kind = Kind::Bool;
  v.boolean = b;
  v.where = where;
  return v;
}
Value Value::number_of(double n, Range where) {
  Value v;
  v.kind = Kind::Number;
  v.number = n;
  v.where = where;
  return v;
}
Value Value::string_of(std::string s, Range where) {
  Value v;
  v.kind = Kind::String;
  v.text = std::move(s);
  v.where = where;
  return v;
}
Value Value::list(Range where) {
  Value v;
  v.kind = Kind::List;
  v.where = where;
  return v;
}
Value Value::map(Range where) {
  Value v;
  v.kind = Kind::Map;
  v.where = where;
  return v;
}

bool Value::contains_unknown() const {
  if (kind == Kind::Unknown) return true;
  for (const auto& item : items)
    if (item.contains_unknown()) return true;
  for (const auto& f : fields)
    if (f.value.contains_unknown()) return true;
  return false;
}

const Field* Value::field(std::string_view key) const {
  if (kind != Kind::Map) return nullptr;
  for (const auto& f : fields)
    if (f.key == key) return &f;
  return nullptr;
}

const Value* Value::get(std::string_view key) const {
  const Field* f = field(key);
  return f ? &f->value : nullptr;
}

Value* Value::get(std::string_view key) {
  return const_cast<Value*>(static_cast<const Value*>(this)->get(key));
}

Value& Value::set(std::string key, Value value, Range key_range) {
  for (auto& f : fields) {
    if (f.key == key) {
      f.value = std::move(value);
      return f.value;
    }
  }
  fields.push_back(Field{std::move(key), key_range, std::move(value)});
  return fields.back().value;
}

const Value* Value::at(std::string_view path) const {
  const Value* cur = this;
  while (!path.empty() && cur) {
    size_t slash = path.find('/');
    std::string_view seg = path.substr(0, slash);
    path = slash == std::string_view::npos ? std::string_view{} : path.substr(slash + 1);
    bool numeric = !seg.empty() && seg.find_first_not_of("0123456789") == std::string_view::npos;
    if (cur->kind == Kind::List) {
      if (numeric) {
        size_t i = std::stoul(std::string(seg));
        cur = i < cur->items.size() ? &cur->items[i] : nullptr;
        continue;
      }
      if (cur->items.empty()) return nullptr;
      cur = &cur->items.front();
    }
    if (cur->kind != Kind::Map) return nullptr;
    cur = cur->get(seg);
  }
  return cur;
}

std::string Value::display() const {
  switch (kind) {
    case Kind::Null: return "null";
    case Kind::Bool: return boolean ? "true" : "false";
    case Kind::Number: {
      if (std::isfinite(number) && number == std::floor(number) && std::fabs(number) < 1e15) {
        return std::to_string(static_cast<long long>(number));
      }
      char buf[64];
      std::snprintf(buf, sizeof buf, "%g", number);
      return buf;
    }
    case Kind::String: return text;
    case Kind::List: return "[" + std::to_string(items.size()) + " items]";
    case Kind::Map: return "{" + std::to_string(fields.size()) + " keys}";
    case Kind::Unknown: return "(unknown)";
  }
  return {};
}

}  // namespace eph
