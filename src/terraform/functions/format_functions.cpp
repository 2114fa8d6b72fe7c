// format() and formatlist(): Terraform's printf verbs (%s %d %f %e %g %x %o %b %t %q %v %#v),
// with flags, width, precision and explicit argument indexes (%[2]s).
#include <cstdio>

#include "terraform/functions/function_support.h"
#include "terraform/functions/json_text.h"

namespace eph::terraform::fn {

namespace {

struct Verb {
  bool minus = false, plus = false, sharp = false, zero = false, space = false;
  int width = -1, precision = -1;
  int arg_index = -1;  // explicit, 0-based
  char verb = 0;
};

std::string pad(std::string s, const Verb& v, bool numeric) {
  size_t len = characters(s).size();
  if (v.width < 0 || len >= static_cast<size_t>(v.width)) return s;
  size_t fill = static_cast<size_t>(v.width) - len;
  if (v.minus) return s + std::string(fill, ' ');
  if (v.zero && numeric) {
    size_t sign = (!s.empty() && (s[0] == '-' || s[0] == '+' || s[0] == ' ')) ? 1 : 0;
    return s.substr(0, sign) + std::string(fill, '0') + s.substr(sign);
  }
  return std::string(fill, ' ') + s;
}

// Formats one argument; nullopt with `error` set when the verb cannot take it.
std::optional<std::string> format_one(const Verb& v, const Value& arg, std::string& error) {
  if (arg.is_null() && v.verb != 'v') {
    error = "null value cannot be formatted with %" + std::string(1, v.verb);
    return std::nullopt;
  }
  switch (v.verb) {
    case 'v': {
      if (v.sharp || arg.is_list() || arg.is_map()) return pad(json_encode(arg), v, false);
      if (arg.is_null()) return pad("null", v, false);
      return pad(*as_string(arg), v, false);
    }
    case 's': {
      auto s = as_string(arg);
      if (!s) break;
      if (v.precision >= 0) {
        auto chars = characters(*s);
        if (chars.size() > static_cast<size_t>(v.precision)) {
          *s = std::string(chars[0].data(), chars[v.precision].data() - chars[0].data());
        }
      }
      return pad(*s, v, false);
    }
    case 'q': {
      auto s = as_string(arg);
      if (!s) break;
      return pad(json_quote(*s), v, false);
    }
    case 't': {
      auto b = as_bool(arg);
      if (!b) break;
      return pad(*b ? "true" : "false", v, false);
    }
    case 'd':
    case 'b':
    case 'o':
    case 'x':
    case 'X': {
      auto n = as_integer(arg);
      if (!n) {
        error = "%" + std::string(1, v.verb) + " requires a whole number";
        return std::nullopt;
      }
      bool negative = *n < 0;
      unsigned long long mag = negative ? 0ULL - static_cast<unsigned long long>(*n) : static_cast<unsigned long long>(*n);
      std::string digits;
      if (v.verb == 'd') {
        digits = std::to_string(mag);
      } else {
        unsigned base = v.verb == 'b' ? 2 : v.verb == 'o' ? 8 : 16;
        const char* alphabet = v.verb == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
        do {
          digits.insert(digits.begin(), alphabet[mag % base]);
          mag /= base;
        } while (mag);
        if (v.sharp) digits = (v.verb == 'o' ? "0" : v.verb == 'b' ? "0b" : v.verb == 'X' ? "0X" : "0x") + digits;
      }
      std::string sign = negative ? "-" : v.plus ? "+" : v.space ? " " : "";
      return pad(sign + digits, v, true);
    }
    case 'e':
    case 'E':
    case 'f':
    case 'g':
    case 'G': {
      auto n = as_number(arg);
      if (!n) break;
      std::string spec = "%";
      if (v.plus) spec += '+';
      if (v.space) spec += ' ';
      if (v.sharp) spec += '#';
      if (v.precision >= 0) spec += "." + std::to_string(std::min(v.precision, 100));
      spec += v.verb;
      char buf[512];
      std::snprintf(buf, sizeof buf, spec.c_str(), *n);
      return pad(buf, v, true);
    }
    default:
      error = "unsupported verb %" + std::string(1, v.verb);
      return std::nullopt;
  }
  error = "%" + std::string(1, v.verb) + " cannot format this value";
  return std::nullopt;
}

int parse_int(std::string_view spec, size_t& i) {
  int n = 0;
  while (i < spec.size() && spec[i] >= '0' && spec[i] <= '9' && n < 100000) n = n * 10 + (spec[i++] - '0');
  return n;
}

bool parse_index(std::string_view spec, size_t& i, Verb& v) {
  if (i >= spec.size() || spec[i] != '[') return true;
  ++i;
  int n = parse_int(spec, i);
  if (i >= spec.size() || spec[i] != ']' || n < 1) return false;
  ++i;
  v.arg_index = n - 1;
  return true;
}

// Renders `spec` with `args`. nullopt with `error`; `unknown` set when an unknown argument is used.
std::optional<std::string> render(std::string_view spec, const std::vector<const Value*>& args, std::string& error,
                                  bool& unknown) {
  std::string out;
  size_t next_arg = 0;
  bool reordered = false;  // explicit indexes: unused arguments are allowed (as in Go)
  for (size_t i = 0; i < spec.size();) {
    char ch = spec[i];
    if (ch != '%') {
      out += ch;
      ++i;
      continue;
    }
    ++i;
    if (i < spec.size() && spec[i] == '%') {
      out += '%';
      ++i;
      continue;
    }
    Verb v;
    for (; i < spec.size(); ++i) {
      char f = spec[i];
      if (f == '-') v.minus = true;
      else if (f == '+') v.plus = true;
      else if (f == '#') v.sharp = true;
      else if (f == '0') v.zero = true;
      else if (f == ' ') v.space = true;
      else break;
    }
    if (!parse_index(spec, i, v)) {
      error = "invalid argument index in format";
      return std::nullopt;
    }
    if (i < spec.size() && spec[i] >= '1' && spec[i] <= '9') v.width = parse_int(spec, i);
    if (i < spec.size() && spec[i] == '.') {
      ++i;
      v.precision = parse_int(spec, i);
    }
    if (!parse_index(spec, i, v)) {
      error = "invalid argument index in format";
      return std::nullopt;
    }
    if (i >= spec.size()) {
      error = "format ends in the middle of a verb";
      return std::nullopt;
    }
    v.verb = spec[i++];
    reordered = reordered || v.arg_index >= 0;
    size_t index = v.arg_index >= 0 ? static_cast<size_t>(v.arg_index) : next_arg;
    next_arg = index + 1;
    if (index >= args.size()) {
      error = "not enough arguments for format";
      return std::nullopt;
    }
    const Value& arg = *args[index];
    if (arg.contains_unknown()) {
      unknown = true;
      continue;
    }
    auto piece = format_one(v, arg, error);
    if (!piece) return std::nullopt;
    out += *piece;
  }
  if (next_arg < args.size() && !unknown && !reordered) {
    error = "too many arguments for format";
    return std::nullopt;
  }
  return out;
}

Value format(Call& c) {
  auto spec = as_string(c.args[0]);
  if (!spec) return c.fail("format must be a string");
  std::vector<const Value*> args;
  for (size_t i = 1; i < c.args.size(); ++i) args.push_back(&c.args[i]);
  std::string error;
  bool unknown = false;
  auto out = render(*spec, args, error, unknown);
  if (!out) return c.fail(error);
  Value v = unknown ? c.unknown() : c.computed(Value::string_of(std::move(*out)));
  for (const auto& a : c.args) absorb_deep(v, a);
  return v;
}

Value formatlist(Call& c) {
  auto spec = as_string(c.args[0]);
  if (!spec) return c.fail("format must be a string");
  size_t rows = 0;
  bool have_list = false;
  for (size_t i = 1; i < c.args.size(); ++i) {
    if (!c.args[i].is_list()) continue;
    if (have_list && c.args[i].items.size() != rows) return c.fail("all lists must have the same length");
    rows = c.args[i].items.size();
    have_list = true;
  }
  if (!have_list) rows = 1;
  Value list = c.computed(Value::list());
  for (size_t r = 0; r < rows; ++r) {
    std::vector<const Value*> args;
    for (size_t i = 1; i < c.args.size(); ++i) args.push_back(c.args[i].is_list() ? &c.args[i].items[r] : &c.args[i]);
    std::string error;
    bool unknown = false;
    auto out = render(*spec, args, error, unknown);
    if (!out) return c.fail(error);
    Value item = unknown ? Value::unknown(c.ctx.call, "formatlist element depends on unknown values")
                         : Value::string_of(std::move(*out), c.ctx.call);
    for (auto* a : args) absorb_deep(item, *a);
    list.items.push_back(std::move(item));
  }
  return list;
}

constexpr BuiltinSpec kFunctions[] = {
    {"format", format, 1, kVariadic},
    {"formatlist", formatlist, 1, kVariadic},
};

}  // namespace

std::span<const BuiltinSpec> format_functions() { return kFunctions; }

}  // namespace eph::terraform::fn
