#pragma once
// Evaluates configuration expressions into positioned values, the way Terraform does at
// plan time for what is known before apply. Unknown stays unknown; marks and refs travel
// from operands to results.
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/finding.h"
#include "core/value.h"
#include "terraform/config_ast.h"
#include "terraform/functions.h"

namespace eph::terraform {

// One `.name` or `[key]` after a root name, with the range of the traversal through it.
struct TraversalStep {
  bool is_attr = true;
  std::string name;  // attribute
  Value key;         // index key (evaluated)
  Range range;
};

// Shared by every evaluation of one unit: function context, limits, caches.
class EvalEnv {
 public:
  explicit EvalEnv(std::vector<Diagnostic>& diagnostics) : diagnostics(diagnostics) {}

  std::vector<Diagnostic>& diagnostics;
  FunctionContext functions;  // fs, scan root, render_template, adopt_file; `call` set per call

  // A safety limit: EPH001 once per unit and per kind of limit.
  void limit_reached(Range where, const std::string& message);
  // Charges evaluation work done at `where`; false once the unit's budget is spent (EPH001 there).
  bool charge(size_t units, Range where);
  bool exhausted() const { return exhausted_; }

  // JSON documents decoded from string literals, by expression (modules evaluated many times).
  std::unordered_map<const Expr*, std::shared_ptr<const Value>> decoded_literals;

  static constexpr size_t kWorkBudget = 4'000'000;
  static constexpr size_t kMaxCollection = 100'000;
  static constexpr size_t kMaxString = 4 * 1024 * 1024;

 private:
  size_t work_ = 0;
  bool exhausted_ = false;
  std::vector<std::string> reported_;
};

// Resolves the names an expression starts with (var, local, module, data, resources, path...).
class ExpressionEvaluator;

class NameResolver {
 public:
  virtual ~NameResolver() = default;
  // Returns the value of `root` followed by the first `consumed` of `steps` (the resolver
  // takes what it needs, often all of them through `ev.traverse` over a stored value, which
  // avoids copying it). `error` is set for names that do not exist.
  virtual Value resolve(const std::string& root, Range root_range, std::span<const TraversalStep> steps,
                        size_t& consumed, bool& error, ExpressionEvaluator& ev) = 0;
};

class ExpressionEvaluator {
 public:
  ExpressionEvaluator(EvalEnv& env, NameResolver* resolver) : env_(env), resolver_(resolver) {}

  Value eval(const Expr& e);

  // Names bound locally (count, each, self, iterator of a dynamic block, for variables,
  // template variables) shadow the resolver. Bindings nest: unbind what you bind.
  void bind(std::string name, Value value) { bindings_.emplace_back(std::move(name), std::move(value)); }
  void unbind(size_t n = 1) { bindings_.resize(bindings_.size() - std::min(n, bindings_.size())); }

  // Errors (a missing key, a type mismatch) seen so far: try() and can() compare before and after.
  size_t errors() const { return errors_; }
  EvalEnv& env() { return env_; }

  // Applies traversal steps to a value (shared with resolvers).
  Value traverse(const Value& base, std::span<const TraversalStep> steps);

  // Collects, in order, what the unknown parts of the templates evaluated next stand for
  // (each written "${...}" in the partly known result); null stops collecting.
  void record_unknown_parts(std::vector<Value>* out) { unknown_parts_ = out; }

 private:
  Value eval_inner(const Expr& e);
  Value eval_literal(const Expr& e);
  Value eval_template(const Expr& e);
  Value eval_part(const Expr& e);
  void hole(std::string& out, bool& unknown, const Value& part);
  bool render_parts(const std::vector<TemplatePart>& parts, std::string& out, bool& unknown, Value& carrier,
                    int depth);
  Value eval_traversal(const Expr& e);
  Value eval_splat(const Expr& e);
  Value eval_call(const Expr& e);
  Value eval_try(const Expr& e, bool is_can);
  Value eval_tuple(const Expr& e);
  Value eval_object(const Expr& e);
  Value eval_for(const Expr& e);
  Value eval_conditional(const Expr& e);
  Value eval_unary(const Expr& e);
  Value eval_binary(const Expr& e);
  Value error(Range where, std::string why);
  const Value* binding(std::string_view name) const;
  void attach_decoded(Value& text_value, const Expr& e);

  EvalEnv& env_;
  NameResolver* resolver_;
  std::vector<std::pair<std::string, Value>> bindings_;
  size_t errors_ = 0;
  std::vector<Value>* unknown_parts_ = nullptr;
  int depth_ = 0;
};

// Marks that reading `attribute` of a resource of `type` gives its value (EPH302's sources):
// kSecretValue for secret_string, SecureString parameters, random_password.result...
uint8_t secret_attribute_marks(const std::string& type, const std::string& attribute, const Value& body);

}  // namespace eph::terraform
