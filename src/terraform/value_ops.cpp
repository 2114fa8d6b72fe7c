#include "terraform/value_ops.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace eph::terraform {

std::optional<double> to_number(const Value& v) {
  if (v.kind == Kind::Number) return v.number;
  if (v.kind != Kind::String || v.text.empty()) return std::nullopt;
  char* end = nullptr;
  double n = std::strtod(v.text.c_str(), &end);
  if (end != v.text.c_str() + v.text.size() || !std::isfinite(n)) return std::nullopt;
  return n;
}

std::optional<bool> to_bool(const Value& v) {
  if (v.kind == Kind::Bool) return v.boolean;
  if (v.kind == Kind::String) {
    if (v.text == "true") return true;
    if (v.text == "false") return false;
  }
  return std::nullopt;
}

std::string format_number(double n) {
  if (std::isfinite(n) && n == std::floor(n) && std::fabs(n) < 1e15) return std::to_string(static_cast<long long>(n));
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", n);
  // Shortest form that reads back the same number.
  for (int precision = 1; precision <= 17; ++precision) {
    char shorter[64];
    std::snprintf(shorter, sizeof shorter, "%.*g", precision, n);
    if (std::strtod(shorter, nullptr) == n) return shorter;
  }
  return buf;
}

std::optional<std::string> to_template_string(const Value& v) {
  switch (v.kind) {
    case Kind::String: return v.text;
    case Kind::Number: return format_number(v.number);
    case Kind::Bool: return std::string(v.boolean ? "true" : "false");
    default: return std::nullopt;
  }
}

bool equal(const Value& a, const Value& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case Kind::Null: return true;
    case Kind::Bool: return a.boolean == b.boolean;
    case Kind::Number: return a.number == b.number;
    case Kind::String: return a.text == b.text;
    case Kind::List:
      if (a.items.size() != b.items.size()) return false;
      for (size_t i = 0; i < a.items.size(); ++i)
        if (!equal(a.items[i], b.items[i])) return false;
      return true;
    case Kind::Map:
      if (a.fields.size() != b.fields.size()) return false;
      for (const auto& f : a.fields) {
        const Value* other = b.get(f.key);
        if (!other || !equal(f.value, *other)) return false;
      }
      return true;
    case Kind::Unknown: return false;
  }
  return false;
}

void add_ref(Value& into, const Ref& ref) {
  for (const auto& r : into.refs)
    if (r.address == ref.address && r.attribute == ref.attribute) return;
  into.refs.push_back(ref);
}

void absorb(Value& into, const Value& from) {
  into.marks |= from.marks;
  for (const auto& r : from.refs) add_ref(into, r);
}

size_t weight(const Value& v, size_t cap) {
  size_t total = 1;
  for (const auto& item : v.items) {
    if (total >= cap) return total;
    total += weight(item, cap - total);
  }
  for (const auto& f : v.fields) {
    if (total >= cap) return total;
    total += weight(f.value, cap - total);
  }
  return total;
}

std::string resource_type_of(const std::string& address) {
  std::string_view rest = address;
  // Skip "module.NAME" and "module.NAME[key]" segments.
  while (rest.substr(0, 7) == "module.") {
    rest.remove_prefix(7);
    size_t i = 0;
    while (i < rest.size() && rest[i] != '.' && rest[i] != '[') ++i;
    if (i < rest.size() && rest[i] == '[') {
      size_t close = rest.find("].", i);
      i = close == std::string_view::npos ? rest.size() : close + 1;
    }
    rest.remove_prefix(std::min(rest.size(), i + 1));
  }
  if (rest.substr(0, 5) == "data.") rest.remove_prefix(5);
  return std::string(rest.substr(0, rest.find('.')));
}

}  // namespace eph::terraform
