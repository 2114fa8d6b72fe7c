#include "syntax/yaml/yaml_scalars.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace eph::yaml {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

bool resolve_number(const std::string& s, double& out) {
  // Every number, .inf and .nan starts with one of these: most plain scalars are names.
  if (s.empty() || !(is_digit(s[0]) || s[0] == '-' || s[0] == '+' || s[0] == '.')) return false;
  if (s == ".inf" || s == ".Inf" || s == ".INF" || s == "+.inf" || s == "+.Inf" || s == "+.INF") {
    out = HUGE_VAL;
    return true;
  }
  if (s == "-.inf" || s == "-.Inf" || s == "-.INF") {
    out = -HUGE_VAL;
    return true;
  }
  if (s == ".nan" || s == ".NaN" || s == ".NAN") {
    out = std::nan("");
    return true;
  }
  size_t i = 0;
  if (s[0] == '-' || s[0] == '+') i = 1;
  if (i + 1 < s.size() && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'o')) {
    int base = s[i + 1] == 'x' ? 16 : 8;
    unsigned long long v = 0;
    auto [p, ec] = std::from_chars(s.data() + i + 2, s.data() + s.size(), v, base);
    if (ec != std::errc() || p != s.data() + s.size() || i + 2 == s.size()) return false;
    out = static_cast<double>(v) * (s[0] == '-' ? -1 : 1);
    return true;
  }
  size_t digits_start = i;
  size_t int_digits = 0;
  while (i < s.size() && is_digit(s[i])) ++i, ++int_digits;
  size_t frac_digits = 0;
  bool has_dot = false;
  if (i < s.size() && s[i] == '.') {
    has_dot = true;
    ++i;
    while (i < s.size() && is_digit(s[i])) ++i, ++frac_digits;
  }
  if (int_digits + frac_digits == 0) return false;
  bool has_exp = false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    has_exp = true;
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    size_t exp_digits = 0;
    while (i < s.size() && is_digit(s[i])) ++i, ++exp_digits;
    if (exp_digits == 0) return false;
  }
  if (i != s.size()) return false;
  if (!has_dot && !has_exp && int_digits > 1 && s[digits_start] == '0') return false;
  const char* b = s.data() + (s[0] == '+' ? 1 : 0);
  auto [p, ec] = std::from_chars(b, s.data() + s.size(), out);
  if (ec == std::errc::result_out_of_range) {
    out = std::strtod(s.c_str(), nullptr);
    return true;
  }
  return ec == std::errc() && p == s.data() + s.size();
}

bool resolve_bool(const std::string& s, bool& out) {
  if (s.size() != 4 && s.size() != 5) return false;
  if (s == "true" || s == "True" || s == "TRUE") {
    out = true;
    return true;
  }
  if (s == "false" || s == "False" || s == "FALSE") {
    out = false;
    return true;
  }
  return false;
}

}  // namespace eph::yaml
