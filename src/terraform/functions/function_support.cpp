#include "terraform/functions/function_support.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace eph::terraform::fn {

namespace {

void absorb_all_args(Value& into, const std::vector<Value>& args) {
  for (const auto& a : args) absorb(into, a);
}

}  // namespace

Value Call::fail(const std::string& why) const {
  Value v = evaluation_error(ctx.call, std::string(name) + ": " + why);
  absorb_all_args(v, args);
  return v;
}

Value Call::unknown(std::string why) const {
  Value v = Value::unknown(ctx.call, why.empty() ? std::string(name) + "() result is not known statically" : why);
  absorb_all_args(v, args);
  return v;
}

Value Call::computed(Value v) const {
  v.where = ctx.call;
  absorb_all_args(v, args);
  return v;
}

Value Call::passed(Value v) const {
  absorb_all_args(v, args);
  return v;
}

Value Call::limit(const std::string& why) const {
  if (ctx.diagnostics) {
    ctx.diagnostics->push_back(Diagnostic{Diagnostic::Kind::LimitReached, ctx.call, std::string(name) + ": " + why});
  }
  return unknown(std::string(name) + ": " + why);
}

void add_ref(Value& into, const Ref& ref) {
  for (const auto& r : into.refs) {
    if (r.address == ref.address && r.attribute == ref.attribute) return;
  }
  into.refs.push_back(ref);
}

void absorb(Value& into, const Value& from) {
  into.marks |= from.marks;
  for (const auto& r : from.refs) add_ref(into, r);
}

void absorb_deep(Value& into, const Value& from) {
  absorb(into, from);
  for (const auto& item : from.items) absorb_deep(into, item);
  for (const auto& f : from.fields) absorb_deep(into, f.value);
}

std::string number_to_string(double n) {
  if (n == 0) return "0";  // also -0
  char buf[400];
  // Terraform prints numbers in full, without an exponent, shortest form that reads back.
  auto res = std::to_chars(buf, buf + sizeof buf, n, std::chars_format::fixed);
  if (res.ec != std::errc()) return "0";
  return std::string(buf, res.ptr);
}

std::optional<double> string_to_number(std::string_view s) {
  if (s.empty()) return std::nullopt;
  std::string_view body = s.front() == '-' ? s.substr(1) : s;
  if (body.empty() || !(std::isdigit(static_cast<unsigned char>(body.front())) || body.front() == '.')) {
    return std::nullopt;  // rejects "+1", "inf", "nan", " 1"
  }
  double out = 0;
  auto res = std::from_chars(s.data(), s.data() + s.size(), out, std::chars_format::general);
  if (res.ec != std::errc() || res.ptr != s.data() + s.size() || !std::isfinite(out)) return std::nullopt;
  return out;
}

std::optional<std::string> as_string(const Value& v) {
  switch (v.kind) {
    case Kind::String: return v.text;
    case Kind::Number: return number_to_string(v.number);
    case Kind::Bool: return std::string(v.boolean ? "true" : "false");
    default: return std::nullopt;
  }
}

std::optional<double> as_number(const Value& v) {
  if (v.kind == Kind::Number) return v.number;
  if (v.kind == Kind::String) return string_to_number(v.text);
  return std::nullopt;
}

std::optional<bool> as_bool(const Value& v) {
  if (v.kind == Kind::Bool) return v.boolean;
  if (v.kind == Kind::String) {
    if (v.text == "true") return true;
    if (v.text == "false") return false;
  }
  return std::nullopt;
}

std::optional<long long> as_integer(const Value& v) {
  auto n = as_number(v);
  if (!n || *n != std::floor(*n) || std::fabs(*n) > 9.2e18) return std::nullopt;
  return static_cast<long long>(*n);
}

std::optional<Value> to_string_value(const Value& v) {
  if (v.kind == Kind::String || v.kind == Kind::Null) return v;
  auto s = as_string(v);
  if (!s) return std::nullopt;
  Value out = v;
  out.kind = Kind::String;
  out.text = *s;
  return out;
}

std::optional<std::vector<Value>> unify_elements(std::vector<Value> items) {
  bool any_string = false, any_number = false, any_bool = false, any_collection = false;
  for (const auto& v : items) {
    switch (v.kind) {
      case Kind::String: any_string = true; break;
      case Kind::Number: any_number = true; break;
      case Kind::Bool: any_bool = true; break;
      case Kind::List:
      case Kind::Map: any_collection = true; break;
      default: break;
    }
  }
  bool any_primitive = any_string || any_number || any_bool;
  if (any_primitive && any_collection) return std::nullopt;
  if (!any_string && any_number && any_bool) return std::nullopt;
  if (any_string && (any_number || any_bool)) {
    for (auto& v : items) {
      if (v.kind == Kind::Number || v.kind == Kind::Bool) v = *to_string_value(v);
    }
  }
  return items;
}

Tri equal(const Value& a, const Value& b) {
  if (a.is_unknown() || b.is_unknown()) return Tri::Unknown;
  if (a.kind != b.kind) {
    // Terraform compares list elements after unifying their types: 1 and "1" meet as strings.
    bool prim_a = a.kind == Kind::String || a.kind == Kind::Number || a.kind == Kind::Bool;
    bool prim_b = b.kind == Kind::String || b.kind == Kind::Number || b.kind == Kind::Bool;
    if (prim_a && prim_b && (a.kind == Kind::String || b.kind == Kind::String)) {
      return *as_string(a) == *as_string(b) ? Tri::True : Tri::False;
    }
    return Tri::False;
  }
  switch (a.kind) {
    case Kind::Null: return Tri::True;
    case Kind::Bool: return a.boolean == b.boolean ? Tri::True : Tri::False;
    case Kind::Number: return a.number == b.number ? Tri::True : Tri::False;
    case Kind::String: return a.text == b.text ? Tri::True : Tri::False;
    case Kind::List: {
      if (a.items.size() != b.items.size()) return Tri::False;
      Tri result = Tri::True;
      for (size_t i = 0; i < a.items.size(); ++i) {
        Tri t = equal(a.items[i], b.items[i]);
        if (t == Tri::False) return Tri::False;
        if (t == Tri::Unknown) result = Tri::Unknown;
      }
      return result;
    }
    case Kind::Map: {
      if (a.fields.size() != b.fields.size()) return Tri::False;
      Tri result = Tri::True;
      for (const auto& f : a.fields) {
        const Value* other = b.get(f.key);
        if (!other) return Tri::False;
        Tri t = equal(f.value, *other);
        if (t == Tri::False) return Tri::False;
        if (t == Tri::Unknown) result = Tri::Unknown;
      }
      return result;
    }
    case Kind::Unknown: return Tri::Unknown;
  }
  return Tri::Unknown;
}

namespace {

// Decodes one UTF-8 sequence at s[i]; returns its length (1 for invalid bytes).
size_t decode_utf8(std::string_view s, size_t i, char32_t& cp) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
  if (i + len > s.size()) len = 1;
  if (len == 1) {
    cp = c;
    return 1;
  }
  cp = c & (0xFF >> (len + 1));
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return len;
}

// Code points that never start a character of their own.
bool extends_previous(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
         (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xFE20 && cp <= 0xFE2F) ||
         cp == 0x200D || (cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xE0020 && cp <= 0xE007F) ||
         (cp >= 0xE0100 && cp <= 0xE01EF);
}

bool is_regional_indicator(char32_t cp) { return cp >= 0x1F1E6 && cp <= 0x1F1FF; }

}  // namespace

std::vector<std::string_view> characters(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  bool after_joiner = false;
  bool open_flag = false;  // a regional indicator waiting for its pair
  while (i < s.size()) {
    char32_t cp = 0;
    size_t len = decode_utf8(s, i, cp);
    bool attach = !out.empty() && (extends_previous(cp) || after_joiner || (open_flag && is_regional_indicator(cp)));
    if (s[i] == '\n' && !out.empty() && out.back() == "\r") attach = true;  // CRLF is one character
    if (attach) {
      const char* begin = out.back().data();
      out.back() = std::string_view(begin, static_cast<size_t>(s.data() + i + len - begin));
      open_flag = false;
    } else {
      out.emplace_back(s.data() + i, len);
      open_flag = is_regional_indicator(cp);
    }
    after_joiner = cp == 0x200D;
    i += len;
  }
  return out;
}

std::optional<std::string> ValueSet::key_of(const Value& v) {
  if (v.is_null()) return std::string("\0null", 5);
  return as_string(v);  // 1 and "1" meet as strings, as equal() has them
}

bool ValueSet::insert(const Value& v) {
  if (contains(v)) return false;
  if (auto key = key_of(v)) {
    keys_.insert(std::move(*key));
  } else {
    others_.push_back(v);
  }
  return true;
}

bool ValueSet::contains(const Value& v) const {
  if (auto key = key_of(v)) return keys_.count(*key) != 0;
  for (const auto& o : others_)
    if (equal(o, v) == Tri::True) return true;
  return false;
}

std::vector<const Field*> sorted_fields(const Value& map) {
  std::vector<const Field*> out;
  out.reserve(map.fields.size());
  for (const auto& f : map.fields) out.push_back(&f);
  std::stable_sort(out.begin(), out.end(), [](const Field* a, const Field* b) { return a->key < b->key; });
  return out;
}

std::string clean_path(std::string_view path) {
  bool absolute = !path.empty() && path.front() == '/';
  std::vector<std::string_view> parts;
  size_t i = 0;
  while (i <= path.size()) {
    size_t slash = path.find('/', i);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view seg = path.substr(i, slash - i);
    i = slash + 1;
    if (seg.empty() || seg == ".") continue;
    if (seg == "..") {
      if (!parts.empty() && parts.back() != "..") {
        parts.pop_back();
      } else if (!absolute) {
        parts.push_back(seg);
      }
      continue;
    }
    parts.push_back(seg);
  }
  std::string out = absolute ? "/" : "";
  for (size_t k = 0; k < parts.size(); ++k) {
    if (k) out += '/';
    out += parts[k];
  }
  if (out.empty()) out = ".";
  return out;
}

bool is_within(const std::string& path, const std::string& root) {
  std::string p = clean_path(path), r = clean_path(root);
  if (r == ".") return p != ".." && p.rfind("../", 0) != 0 && p.front() != '/';
  if (p == r) return true;
  if (r == "/") return p.front() == '/';
  return p.size() > r.size() && p.compare(0, r.size(), r) == 0 && p[r.size()] == '/';
}

}  // namespace eph::terraform::fn
