#pragma once
// What every built-in shares: the call being evaluated, Terraform's automatic type
// conversions, value equality, and how results carry positions, marks and refs.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "terraform/functions.h"

namespace eph::terraform::fn {

// One call of a built-in with its (already evaluated) arguments.
struct Call {
  std::string_view name;
  std::vector<Value>& args;
  const FunctionContext& ctx;

  // Terraform would stop with an error: an evaluation error at the call.
  Value fail(const std::string& why) const;
  // Not knowable statically: Unknown at the call, with the arguments' marks and refs.
  Value unknown(std::string why = {}) const;
  // A new value: positioned at the call, carrying the arguments' marks and refs.
  Value computed(Value v) const;
  // A part of an argument returned as is: keeps its `where`, gains the arguments' marks and refs.
  Value passed(Value v) const;
  // Records a safety limit hit at the call (EPH001) and returns Unknown.
  Value limit(const std::string& why) const;
};

using Builtin = Value (*)(Call&);

// Results a call may build before it stops with EPH001 (inputs are bounded; these stop a
// small input from multiplying: replace("", big), split("", big), indent(n, big)).
inline constexpr size_t kMaxResultBytes = 16u << 20;
inline constexpr size_t kMaxResultItems = 100'000;

inline constexpr uint8_t kVariadic = 255;

struct BuiltinSpec {
  std::string_view name;
  Builtin fn;
  uint8_t min_args;
  uint8_t max_args;  // kVariadic: no upper bound
  // False: a wholly Unknown argument makes the result Unknown before `fn` runs.
  // True: `fn` looks at unknown arguments itself (try, can, coalesce, lookup defaults...).
  bool sees_unknown = false;
  // True only for try() and can(): they receive evaluation errors instead of failing with them.
  bool sees_errors = false;
};

// Each family of built-ins lists itself (one file each).
std::span<const BuiltinSpec> string_functions();
std::span<const BuiltinSpec> format_functions();
std::span<const BuiltinSpec> regex_functions();
std::span<const BuiltinSpec> collection_functions();
std::span<const BuiltinSpec> set_functions();
std::span<const BuiltinSpec> conversion_functions();
std::span<const BuiltinSpec> numeric_functions();
std::span<const BuiltinSpec> encoding_functions();
std::span<const BuiltinSpec> network_functions();
std::span<const BuiltinSpec> filesystem_functions();

// --- marks and refs ---
// Adds `from`'s own marks and refs (not those of its elements) to `into`.
void absorb(Value& into, const Value& from);
// Adds the marks and refs of `from` and everything inside it.
void absorb_deep(Value& into, const Value& from);
void add_ref(Value& into, const Ref& ref);

// --- Terraform's automatic conversions (false/nullopt: not convertible) ---
std::string number_to_string(double n);
std::optional<double> string_to_number(std::string_view s);
// string, number and bool convert to string; null, collections and unknown do not.
std::optional<std::string> as_string(const Value& v);
std::optional<double> as_number(const Value& v);
std::optional<bool> as_bool(const Value& v);
// A whole number that fits in int64.
std::optional<long long> as_integer(const Value& v);
// Converts a primitive to a string value, keeping position, marks and refs; null stays null.
std::optional<Value> to_string_value(const Value& v);

// Terraform unifies the element types of a list or map: mixed primitives become strings.
// Fails (nullopt) when primitives mix with collections, or numbers with bools.
std::optional<std::vector<Value>> unify_elements(std::vector<Value> items);

// Values compared as equal() does; primitives hashed, so deduplicating long lists stays linear.
class ValueSet {
 public:
  // False when an equal value is already in the set.
  bool insert(const Value& v);
  bool contains(const Value& v) const;

 private:
  static std::optional<std::string> key_of(const Value& v);
  std::unordered_set<std::string> keys_;
  std::vector<Value> others_;  // collections, compared one by one
};

// Orders a set's (distinct, unified) elements as Terraform iterates them.
void order_set(std::vector<Value>& items);

// --- equality ---
enum class Tri { False, True, Unknown };
// Deep equality of values (positions and marks ignored); Unknown when unknown parts decide it.
Tri equal(const Value& a, const Value& b);

// --- strings as Terraform sees them (grapheme clusters, approximated by code points
// with combining marks, joiners and variation selectors attached to their base) ---
std::vector<std::string_view> characters(std::string_view s);

// A map's fields sorted by key, as Terraform iterates maps and objects.
std::vector<const Field*> sorted_fields(const Value& map);

// Lexically normalised path ("a/./b/../c" -> "a/c"); keeps a leading "/" and leading "..".
std::string clean_path(std::string_view path);
bool is_within(const std::string& path, const std::string& root);

}  // namespace eph::terraform::fn
