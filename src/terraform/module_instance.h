#pragma once
// One instance of a module (the root, or `module.net[0]`): evaluates its variables, locals,
// resources, data sources, child modules and outputs lazily, in the order references need
// them, so dependency order falls out and cycles are seen as re-entry.
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/resource.h"
#include "terraform/expression_evaluator.h"
#include "terraform/module_config.h"
#include "terraform/variable_values.h"

namespace eph::terraform {

class UnitLoader;

class ModuleInstance : public NameResolver {
 public:
  // `path` is the module path ("" at the root, "module.a[0].module.b"); `key_path` the
  // manifest key of its call ("a.b"); `chain` the directories from the root to this one.
  ModuleInstance(UnitLoader& unit, const ModuleConfig& config, std::string path, std::string key_path,
                 std::vector<std::string> chain, VariableValues inputs, int depth);
  ~ModuleInstance() override;

  // An input of a module call, evaluated in the caller only when this module first reads
  // the variable: Terraform's graph has one node per input variable and per output, so an
  // output that reads none of the inputs a caller's local depends on makes no cycle.
  using DeferredInput = std::function<Value()>;
  void defer_input(const std::string& name, DeferredInput input);

  // Evaluates everything the module declares, children included.
  void evaluate_all();
  // Moves the evaluated resources (children's after this module's own) into `out`.
  void emit(std::vector<NativeResource>& out);

  Value output(const std::string& name, Range where, bool& error);
  Value all_outputs(Range where);
  // Every output of this module as a resource of type `output` (address `output.NAME`) whose
  // body is the evaluated value: the model reads what the code publishes.
  void emit_outputs(std::vector<NativeResource>& out);

  Value resolve(const std::string& root, Range root_range, std::span<const TraversalStep> steps, size_t& consumed,
                bool& error, ExpressionEvaluator& ev) override;

 private:
  enum class State : uint8_t { Pending, Running, Done };
  enum class Expansion : uint8_t { Single, Count, ForEach, Unknown };

  struct Instance {
    std::string address;
    Value key;           // count index or for_each key; Null for a single instance
    Value detached_body; // the body when the expansion is unknown (no reference can reach it)
    bool may_not_exist = false;
  };
  struct ResourceState {
    State state = State::Pending;
    Expansion expansion = Expansion::Single;
    std::vector<Instance> instances;
    Value value;  // what a reference sees: one body, a list or a map of bodies, or Unknown
  };
  struct ChildInstance {
    Value key;
    std::unique_ptr<ModuleInstance> module;  // null when the source cannot be loaded
    bool may_not_exist = false;
  };
  struct ModuleCallState {
    State state = State::Pending;
    Expansion expansion = Expansion::Single;
    std::vector<ChildInstance> instances;
  };
  struct Slot {
    State state = State::Pending;
    Value value;
  };

  // Expansion of count/for_each into keys; false when unknown (or over the limit).
  struct Keys {
    Expansion expansion = Expansion::Single;
    std::vector<Value> keys;    // count: numbers; for_each: string keys
    std::vector<Value> values;  // for_each: each.value
    Value unknown_reason;
  };
  Keys expand(const Expr* count, const Expr* for_each, ExpressionEvaluator& ev);
  void bind_instance(ExpressionEvaluator& ev, Expansion expansion, const Value& key, const Value* each_value);

  const Value& variable(size_t index);
  const Value& local(size_t index, Range where);
  ResourceState& resource(size_t index);
  ModuleCallState& module_call(size_t index);
  const Value& output_value(size_t index);

  void evaluate_resource(size_t index, ResourceState& st);
  void evaluate_module_call(size_t index, ModuleCallState& st);
  std::unique_ptr<ModuleInstance> load_child(const ModuleCallDecl& call, const std::string& child_path,
                                             VariableValues inputs);
  Value evaluate_body(const Body& body, Range where, ExpressionEvaluator& ev, bool resource_level, int depth);
  void add_dynamic_blocks(const Block& dyn, Value& target_list, ExpressionEvaluator& ev, int depth);
  Value resolve_resource(const std::string& key, size_t key_steps, Range root_range,
                         std::span<const TraversalStep> steps, size_t& consumed, bool& error, ExpressionEvaluator& ev);
  Value resolve_module(Range root_range, std::span<const TraversalStep> steps, size_t& consumed, bool& error,
                       ExpressionEvaluator& ev);
  Value render_template_data(const Value& body);
  std::string instance_address(const ResourceDecl& decl, const Value& key) const;
  std::string relative_module_path() const;

  // Re-entry guard shared by all lazy values of the unit (and its depth bound).
  bool enter(Range where);
  void leave();

  UnitLoader& unit_;
  const ModuleConfig& config_;
  std::string path_;
  std::string key_path_;
  std::vector<std::string> chain_;
  VariableValues inputs_;
  std::unordered_map<std::string, DeferredInput> deferred_inputs_;
  int depth_;
  std::vector<Slot> variables_, locals_, outputs_;
  std::vector<ResourceState> resources_;
  std::vector<ModuleCallState> calls_;
  std::vector<std::string> local_stack_;  // locals being evaluated, for cycle messages
};

}  // namespace eph::terraform
