#pragma once
// Evaluates a parsed template (JSON and YAML both arrive as long-form Values): parameters
// with their defaults, pseudo parameters, Mappings, Conditions and intrinsic functions.
// Results keep the position where each value was written; what CloudFormation only knows
// at deploy time is Unknown, carrying graph edges (Ref) to the resources it comes from.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/finding.h"
#include "core/value.h"

namespace eph::cloudformation {

enum class Truth { False, True, Unknown };

class TemplateEvaluator {
 public:
  // `root` must outlive the evaluator.
  explicit TemplateEvaluator(const Value& root);

  // Declares a logical id as a resource of the template (Ref and GetAtt become edges).
  void add_resource(std::string logical_id) { resources_.insert(std::move(logical_id)); }
  bool is_resource(std::string_view id) const { return resources_.count(std::string(id)) > 0; }
  // The resource's type, so that attributes holding a secret (a user pool client's
  // ClientSecret, an access key's SecretAccessKey) carry kSecretValue.
  void set_resource_type(std::string logical_id, std::string type) { types_[std::move(logical_id)] = std::move(type); }
  uint8_t secret_attribute_marks(const std::string& resource, const std::string& attribute) const;

  // Evaluates a template value. Returns nullopt where the value is AWS::NoValue (absent).
  std::optional<Value> eval(const Value& raw);

  Truth condition(std::string_view name);
  // Evaluates a condition expression (Fn::Equals, Fn::And ...).
  Truth truth_of(const Value& raw);

  // Fn::ForEach identifiers in scope.
  void bind(const std::string& name, Value value) { bindings_[name] = std::move(value); }
  void unbind(const std::string& name) { bindings_.erase(name); }
  // Replaces ${Id} and &{Id} of bound identifiers in a key (Fn::ForEach output keys).
  std::string substitute_identifiers(const std::string& key) const;

  const Value* mapping_section() const { return mappings_; }

 private:
  struct Parameter {
    Value value;                               // the default, or Unknown
    std::vector<std::string> allowed_values;   // AllowedValues, when all are literals
  };

  std::unordered_map<std::string, Parameter> parameters_;
  const Value* mappings_ = nullptr;
  const Value* conditions_ = nullptr;
  std::unordered_set<std::string> resources_;
  std::unordered_map<std::string, std::string> types_;
  std::unordered_map<std::string, Truth> condition_cache_;
  std::unordered_set<std::string> conditions_in_progress_;
  std::map<std::string, Value> bindings_;

  void load_parameters(const Value& section);
  // The AllowedValues of the parameter `raw` refers to ({Ref: P}), or nullptr.
  const std::vector<std::string>* allowed_values_of(const Value& raw) const;
  Truth equals(const Value& left, const Value& right);

  std::optional<Value> eval_map(const Value& raw);
  std::optional<Value> eval_function(const std::string& name, const Value& arg, const Value& node);
  void expand_for_each(const Field& field, Value& out);

  std::optional<Value> ref(const Value& arg, const Value& node);
  Value get_att(const Value& arg, const Value& node);
  Value sub(const Value& arg, const Value& node);
  std::optional<Value> lookup_variable(std::string_view name, const Value* vars, const Value& node);
  Value join(const Value& arg, const Value& node);
  std::optional<Value> select(const Value& arg, const Value& node);
  Value split(const Value& arg, const Value& node);
  Value base64(const Value& arg, const Value& node);
  Value cidr(const Value& arg, const Value& node);
  std::optional<Value> find_in_map(const Value& arg, const Value& node);
  std::optional<Value> if_function(const Value& arg, const Value& node);
  Value to_json_string(const Value& arg, const Value& node);
  Value length(const Value& arg, const Value& node);
};

// True when `raw` is a single-key map naming an intrinsic function (Ref or Fn::*).
bool is_intrinsic(const Value& raw);

// An Unknown standing for `parts`: their graph edges and marks travel with it.
Value unknown_from(const std::vector<const Value*>& parts, Range where, std::string why);
// Adds the edges and marks of `from` (recursively) to `to`.
void absorb_provenance(Value& to, const Value& from);
// The string CloudFormation would make of a known scalar; nullopt for lists, maps, unknowns.
std::optional<std::string> scalar_text(const Value& v);
// Marks strings holding dynamic references that CloudFormation resolves to secrets.
uint8_t dynamic_reference_marks(std::string_view text);

}  // namespace eph::cloudformation
