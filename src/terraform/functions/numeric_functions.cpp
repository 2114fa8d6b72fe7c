// Numeric built-ins. Numbers are doubles: exact for integers up to 2^53.
#include <cmath>

#include "terraform/functions/function_support.h"

namespace eph::terraform::fn {

namespace {

Value number_result(Call& c, double n) {
  if (!std::isfinite(n)) return c.fail("result is not a finite number");
  return c.computed(Value::number_of(n));
}

Value sum(Call& c) {
  const Value& list = c.args[0];
  if (!list.is_list()) return c.fail("argument must be a list of numbers");
  if (list.items.empty()) return c.fail("cannot sum an empty list");
  double total = 0;
  for (const auto& item : list.items) {
    if (item.is_unknown()) return c.unknown();
    auto n = as_number(item);
    if (!n) return c.fail("elements must be numbers");
    total += *n;
  }
  Value v = number_result(c, total);
  absorb_deep(v, list);
  return v;
}

template <bool Max>
Value extreme(Call& c) {
  double best = 0;
  for (size_t i = 0; i < c.args.size(); ++i) {
    auto n = as_number(c.args[i]);
    if (!n) return c.fail("arguments must be numbers");
    if (i == 0 || (Max ? *n > best : *n < best)) best = *n;
  }
  return number_result(c, best);
}

template <double (*F)(double)>
Value unary(Call& c) {
  auto n = as_number(c.args[0]);
  if (!n) return c.fail("argument must be a number");
  return number_result(c, F(*n));
}

double signum_of(double n) { return n > 0 ? 1 : n < 0 ? -1 : 0; }
double abs_of(double n) { return std::fabs(n); }
double ceil_of(double n) { return std::ceil(n); }
double floor_of(double n) { return std::floor(n); }

Value pow_call(Call& c) {
  auto a = as_number(c.args[0]);
  auto b = as_number(c.args[1]);
  if (!a || !b) return c.fail("arguments must be numbers");
  return number_result(c, std::pow(*a, *b));
}

Value log_call(Call& c) {
  auto a = as_number(c.args[0]);
  auto b = as_number(c.args[1]);
  if (!a || !b) return c.fail("arguments must be numbers");
  return number_result(c, std::log(*a) / std::log(*b));
}

int digit_value(char ch, long long base) {
  if (ch >= '0' && ch <= '9') return ch - '0';
  if (base <= 36) {
    if (ch >= 'a' && ch <= 'z') return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'Z') return ch - 'A' + 10;
    return 99;
  }
  if (ch >= 'a' && ch <= 'z') return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'Z') return ch - 'A' + 36;
  return 99;
}

Value parseint(Call& c) {
  auto s = as_string(c.args[0]);
  auto base = as_integer(c.args[1]);
  if (!s) return c.fail("argument 1 must be a string");
  if (!base || *base < 2 || *base > 62) return c.fail("base must be a whole number between 2 and 62");
  std::string_view digits = *s;
  bool negative = false;
  if (!digits.empty() && (digits.front() == '-' || digits.front() == '+')) {
    negative = digits.front() == '-';
    digits.remove_prefix(1);
  }
  if (digits.empty()) return c.fail("cannot parse \"" + *s + "\" as a base " + std::to_string(*base) + " integer");
  double n = 0;
  for (char ch : digits) {
    int d = digit_value(ch, *base);
    if (d >= *base) return c.fail("cannot parse \"" + *s + "\" as a base " + std::to_string(*base) + " integer");
    n = n * static_cast<double>(*base) + d;
  }
  return number_result(c, negative ? -n : n);
}

constexpr BuiltinSpec kFunctions[] = {
    {"sum", sum, 1, 1},
    {"min", extreme<false>, 1, kVariadic},
    {"max", extreme<true>, 1, kVariadic},
    {"abs", unary<abs_of>, 1, 1},
    {"ceil", unary<ceil_of>, 1, 1},
    {"floor", unary<floor_of>, 1, 1},
    {"signum", unary<signum_of>, 1, 1},
    {"pow", pow_call, 2, 2},
    {"log", log_call, 2, 2},
    {"parseint", parseint, 2, 2},
};

}  // namespace

std::span<const BuiltinSpec> numeric_functions() { return kFunctions; }

}  // namespace eph::terraform::fn
