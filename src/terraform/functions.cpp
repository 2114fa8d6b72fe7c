// Dispatch of Terraform's built-in functions: arity, evaluation errors and wholly unknown
// arguments are handled here once; each family of functions lives in functions/.
#include "terraform/functions.h"

#include <algorithm>
#include <unordered_map>

#include "terraform/functions/function_support.h"

namespace eph::terraform {

namespace {

constexpr std::string_view kErrorPrefix = "error: ";

const std::unordered_map<std::string_view, fn::BuiltinSpec>& builtin_table() {
  static const auto table = [] {
    std::unordered_map<std::string_view, fn::BuiltinSpec> t;
    for (auto family : {fn::string_functions(), fn::format_functions(), fn::regex_functions(),
                        fn::collection_functions(), fn::set_functions(), fn::conversion_functions(),
                        fn::numeric_functions(), fn::encoding_functions(), fn::network_functions(),
                        fn::filesystem_functions()}) {
      for (const auto& spec : family) t.emplace(spec.name, spec);
    }
    return t;
  }();
  return table;
}

std::string arity_message(const fn::BuiltinSpec& spec, size_t given) {
  std::string expected = std::to_string(spec.min_args);
  if (spec.max_args == fn::kVariadic) {
    expected = "at least " + expected;
  } else if (spec.max_args != spec.min_args) {
    expected += " to " + std::to_string(spec.max_args);
  }
  return "expects " + expected + " argument(s), got " + std::to_string(given);
}

}  // namespace

Value evaluation_error(Range where, std::string why) {
  return Value::unknown(where, std::string(kErrorPrefix) + why);
}

bool is_evaluation_error(const Value& v) {
  return v.kind == Kind::Unknown && std::string_view(v.text).substr(0, kErrorPrefix.size()) == kErrorPrefix;
}

bool contains_evaluation_error(const Value& v) {
  if (is_evaluation_error(v)) return true;
  for (const auto& item : v.items)
    if (contains_evaluation_error(item)) return true;
  for (const auto& f : v.fields)
    if (contains_evaluation_error(f.value)) return true;
  return false;
}

std::vector<std::string_view> builtin_function_names() {
  std::vector<std::string_view> names;
  for (const auto& [name, spec] : builtin_table()) names.push_back(name);
  std::sort(names.begin(), names.end());
  return names;
}

std::optional<Value> call_function(std::string_view name, std::vector<Value> args, const FunctionContext& ctx) {
  const auto& table = builtin_table();
  auto it = table.find(name);
  if (it == table.end()) return std::nullopt;
  const fn::BuiltinSpec& spec = it->second;
  fn::Call call{spec.name, args, ctx};
  if (args.size() < spec.min_args || (spec.max_args != fn::kVariadic && args.size() > spec.max_args)) {
    return call.fail(arity_message(spec, args.size()));
  }
  if (!spec.sees_errors) {
    // A failed argument fails the call (Terraform evaluates every argument).
    for (const auto& a : args) {
      if (is_evaluation_error(a)) return call.passed(a);
    }
  }
  if (!spec.sees_unknown) {
    if (std::any_of(args.begin(), args.end(), [](const Value& a) { return a.is_unknown(); })) {
      return call.unknown();
    }
  }
  return spec.fn(call);
}

}  // namespace eph::terraform
