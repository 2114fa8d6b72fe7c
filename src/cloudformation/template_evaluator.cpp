#include "cloudformation/template_evaluator.h"

#include "cloudformation/json_documents.h"

namespace eph::cloudformation {
namespace {

constexpr size_t kMaxConditionChain = 64;

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool is_truthy_flag(const Value* v) {
  if (!v) return false;
  if (v->kind == Kind::Bool) return v->boolean;
  if (v->kind == Kind::String) return v->text == "true" || v->text == "True" || v->text == "TRUE";
  return false;
}

void add_marks(Value& v, uint8_t marks) {
  v.marks |= marks;
  for (auto& item : v.items) add_marks(item, marks);
  for (auto& f : v.fields) add_marks(f.value, marks);
}

// Pseudo parameters: AWS::NoValue removes the property; the others depend on the
// account, region or stack the template is deployed to.
bool is_pseudo_parameter(std::string_view name) {
  static const char* names[] = {"AWS::AccountId", "AWS::NotificationARNs", "AWS::Partition", "AWS::Region",
                                "AWS::StackId",   "AWS::StackName",        "AWS::URLSuffix"};
  for (const char* n : names)
    if (name == n) return true;
  return false;
}

}  // namespace

bool is_intrinsic(const Value& raw) {
  if (raw.kind != Kind::Map || raw.fields.size() != 1) return false;
  const std::string& key = raw.fields[0].key;
  return key == "Ref" || (starts_with(key, "Fn::") && !starts_with(key, "Fn::ForEach::"));
}

TemplateEvaluator::TemplateEvaluator(const Value& root) {
  if (const Value* params = root.get("Parameters"); params && params->is_map()) load_parameters(*params);
  mappings_ = root.get("Mappings");
  conditions_ = root.get("Conditions");
}

void TemplateEvaluator::load_parameters(const Value& section) {
  for (const Field& f : section.fields) {
    const Value& decl = f.value;
    uint8_t marks = is_truthy_flag(decl.get("NoEcho")) ? kSensitive : 0;
    const Value* type = decl.get("Type");
    std::string type_name = type && type->is_string() ? type->text : "String";
    const Value* def = decl.get("Default");
    std::vector<std::string> allowed;
    if (const Value* av = decl.get("AllowedValues"); av && av->is_list()) {
      for (const Value& item : av->items) {
        auto text = scalar_text(item);
        if (!text) {
          allowed.clear();
          break;
        }
        allowed.push_back(*text);
      }
    }
    Value value;
    if ((!def || def->is_null()) && allowed.size() == 1 && !starts_with(type_name, "AWS::SSM::")) {
      // The only value CloudFormation accepts for this parameter.
      value = Value::string_of(allowed[0], decl.get("AllowedValues")->items[0].where);
    } else if (!def || def->is_null() || !def->is_known() || is_intrinsic(*def)) {
      value = Value::unknown(f.key_range, "parameter " + f.key + " has no default");
    } else if (starts_with(type_name, "AWS::SSM::Parameter::Value<")) {
      // The default names an SSM parameter; its value is read at deploy time.
      value = Value::unknown(def->where, "parameter " + f.key + " is read from SSM parameter " + def->display());
    } else if (type_name == "CommaDelimitedList" || starts_with(type_name, "List<")) {
      value = Value::list(def->where);
      if (def->is_list()) {
        value.items = def->items;
      } else if (auto text = scalar_text(*def)) {
        size_t start = 0;
        for (;;) {
          size_t comma = text->find(',', start);
          value.items.push_back(Value::string_of(text->substr(start, comma - start), def->where));
          if (comma == std::string::npos) break;
          start = comma + 1;
        }
      }
    } else {
      value = *def;
    }
    if (marks) add_marks(value, marks);
    parameters_[f.key] = Parameter{std::move(value), std::move(allowed)};
  }
}

std::optional<Value> TemplateEvaluator::eval(const Value& raw) {
  switch (raw.kind) {
    case Kind::String: {
      Value v = raw;
      v.marks |= dynamic_reference_marks(v.text);
      if (may_hold_json_document(v.text)) v.decoded = decode_json_document(v.text, v.where);
      return v;
    }
    case Kind::List: {
      Value out = Value::list(raw.where);
      out.items.reserve(raw.items.size());
      for (const Value& item : raw.items) {
        if (auto v = eval(item)) out.items.push_back(std::move(*v));
      }
      return out;
    }
    case Kind::Map: return eval_map(raw);
    default: return raw;
  }
}

std::optional<Value> TemplateEvaluator::eval_map(const Value& raw) {
  if (is_intrinsic(raw)) return eval_function(raw.fields[0].key, raw.fields[0].value, raw);
  Value out = Value::map(raw.where);
  out.fields.reserve(raw.fields.size());
  for (const Field& f : raw.fields) {
    if (starts_with(f.key, "Fn::ForEach::")) {
      expand_for_each(f, out);
      continue;
    }
    auto v = eval(f.value);
    if (!v) continue;
    if (!bindings_.empty() && f.key.find_first_of("$&") != std::string::npos) {
      out.set(substitute_identifiers(f.key), std::move(*v), f.key_range);
    } else {
      out.fields.push_back(Field{f.key, f.key_range, std::move(*v)});
    }
  }
  return out;
}

// Fn::ForEach::Name: [Identifier, Collection, {OutputKey: OutputValue}] inside a map.
void TemplateEvaluator::expand_for_each(const Field& field, Value& out) {
  const Value& spec = field.value;
  if (!spec.is_list() || spec.items.size() != 3 || !spec.items[0].is_string() || !spec.items[2].is_map()) return;
  const std::string& id = spec.items[0].text;
  auto collection = eval(spec.items[1]);
  if (!collection || !collection->is_list() || collection->contains_unknown()) {
    // The keys cannot be known: one representative entry, its identifier unknown.
    bind(id, Value::unknown(spec.items[1].where, "Fn::ForEach collection is unknown"));
    for (const Field& f : spec.items[2].fields) {
      if (auto v = eval(f.value)) out.set(f.key, std::move(*v), f.key_range);
    }
    unbind(id);
    return;
  }
  for (const Value& item : collection->items) {
    auto text = scalar_text(item);
    if (!text) continue;
    bind(id, Value::string_of(*text, item.where));
    for (const Field& f : spec.items[2].fields) {
      if (auto v = eval(f.value)) out.set(substitute_identifiers(f.key), std::move(*v), f.key_range);
    }
    unbind(id);
  }
}

std::string TemplateEvaluator::substitute_identifiers(const std::string& key) const {
  std::string result = key;
  for (const auto& [name, value] : bindings_) {
    auto text = scalar_text(value);
    if (!text) continue;
    std::string alnum;
    for (char c : *text)
      if (std::isalnum(static_cast<unsigned char>(c))) alnum += c;
    for (const auto& [pattern, replacement] :
         {std::pair<std::string, const std::string*>{"${" + name + "}", &*text}, {"&{" + name + "}", &alnum}}) {
      size_t pos = 0;
      while ((pos = result.find(pattern, pos)) != std::string::npos) {
        result.replace(pos, pattern.size(), *replacement);
        pos += replacement->size();
      }
    }
  }
  return result;
}

std::optional<Value> TemplateEvaluator::eval_function(const std::string& name, const Value& arg, const Value& node) {
  if (name == "Ref") return ref(arg, node);
  if (name == "Fn::GetAtt") return get_att(arg, node);
  if (name == "Fn::Sub") return sub(arg, node);
  if (name == "Fn::Join") return join(arg, node);
  if (name == "Fn::Select") return select(arg, node);
  if (name == "Fn::Split") return split(arg, node);
  if (name == "Fn::Base64") return base64(arg, node);
  if (name == "Fn::Cidr") return cidr(arg, node);
  if (name == "Fn::FindInMap") return find_in_map(arg, node);
  if (name == "Fn::If") return if_function(arg, node);
  if (name == "Fn::ToJsonString") return to_json_string(arg, node);
  if (name == "Fn::Length") return length(arg, node);
  if (name == "Fn::Equals" || name == "Fn::And" || name == "Fn::Or" || name == "Fn::Not") {
    Truth t = truth_of(node);
    if (t == Truth::Unknown) return Value::unknown(node.where, name + " is unknown");
    return Value::boolean_of(t == Truth::True, node.where);
  }
  if (name == "Fn::GetAZs") {
    auto region = eval(arg);
    Value v = unknown_from({region ? &*region : nullptr}, node.where, "Fn::GetAZs: availability zones of the account");
    return v;
  }
  if (name == "Fn::ImportValue") {
    auto exported = eval(arg);
    return unknown_from({exported ? &*exported : nullptr}, node.where, "Fn::ImportValue: exported by another stack");
  }
  if (name == "Fn::Transform") return Value::unknown(node.where, "Fn::Transform: produced by a macro at deploy time");
  if (name == "Fn::GetParam" || name == "Fn::Contains" || name == "Fn::EachMemberEquals" ||
      name == "Fn::EachMemberIn" || name == "Fn::RefAll" || name == "Fn::ValueOf" || name == "Fn::ValueOfAll") {
    return Value::unknown(node.where, name + " is not evaluated");
  }
  return Value::unknown(node.where, "unsupported intrinsic " + name);
}

std::optional<Value> TemplateEvaluator::ref(const Value& arg, const Value& node) {
  std::string name;
  if (arg.is_string()) {
    name = arg.text;
  } else {
    auto v = eval(arg);
    auto text = v ? scalar_text(*v) : std::nullopt;
    if (!text) return unknown_from({v ? &*v : nullptr}, node.where, "Ref to a computed name");
    name = *text;
  }
  if (auto it = bindings_.find(name); it != bindings_.end()) return it->second;
  if (auto it = parameters_.find(name); it != parameters_.end()) return it->second.value;
  if (name == "AWS::NoValue") return std::nullopt;
  if (is_pseudo_parameter(name)) return Value::unknown(node.where, name + " is known at deploy time");
  if (is_resource(name)) {
    Value v = Value::unknown(node.where, "Ref " + name);
    v.refs.push_back(Ref{name, "", node.where});
    return v;
  }
  // SAM references to resources it generates from one it transforms: MyApi.Stage,
  // MyFunction.Alias, MyFunction.Version ... The edge goes to the declared resource.
  if (size_t dot = name.find('.'); dot != std::string::npos && is_resource(name.substr(0, dot))) {
    Value v = Value::unknown(node.where, "Ref " + name);
    v.refs.push_back(Ref{name.substr(0, dot), "", node.where});
    return v;
  }
  // SAM generates an alias "<Function>Alias<Name>" and versions "<Function>Version<hash>" for a
  // function with AutoPublishAlias; templates refer to them by those ids.
  for (std::string_view generated : {"Alias", "Version"}) {
    for (size_t at = name.find(generated, 1); at != std::string::npos; at = name.find(generated, at + 1)) {
      if (at + generated.size() == name.size() || !is_resource(name.substr(0, at))) continue;
      Value v = Value::unknown(node.where, "Ref " + name);
      v.refs.push_back(Ref{name.substr(0, at), "", node.where});
      return v;
    }
  }
  return Value::unknown(node.where, "Ref to undefined " + name);
}

Value TemplateEvaluator::get_att(const Value& arg, const Value& node) {
  std::string resource, attribute;
  std::vector<Value> evaluated;
  if (arg.is_string()) {
    size_t dot = arg.text.find('.');
    resource = arg.text.substr(0, dot);
    if (dot != std::string::npos) attribute = arg.text.substr(dot + 1);
  } else if (arg.is_list() && arg.items.size() == 2) {
    auto r = eval(arg.items[0]);
    auto a = eval(arg.items[1]);
    if (r) {
      if (auto t = scalar_text(*r)) resource = *t;
      evaluated.push_back(*r);
    }
    if (a) {
      if (auto t = scalar_text(*a)) attribute = *t;
      evaluated.push_back(*a);
    }
  }
  std::vector<const Value*> parts;
  for (const auto& v : evaluated) parts.push_back(&v);
  Value v = unknown_from(parts, node.where, "GetAtt " + resource + (attribute.empty() ? "" : "." + attribute));
  if (!resource.empty() && is_resource(resource)) v.refs.push_back(Ref{resource, attribute, node.where});
  v.marks |= secret_attribute_marks(resource, attribute);
  return v;
}

uint8_t TemplateEvaluator::secret_attribute_marks(const std::string& resource, const std::string& attribute) const {
  struct SecretAttribute {
    std::string_view type, attribute;
  };
  static constexpr SecretAttribute kSecretAttributes[] = {
      {"AWS::Cognito::UserPoolClient", "ClientSecret"},
      {"AWS::IAM::AccessKey", "SecretAccessKey"},
  };
  auto it = types_.find(resource);
  if (it == types_.end()) return 0;
  for (const auto& s : kSecretAttributes)
    if (it->second == s.type && attribute == s.attribute) return kSecretValue;
  return 0;
}

Truth TemplateEvaluator::condition(std::string_view name) {
  std::string key(name);
  if (auto it = condition_cache_.find(key); it != condition_cache_.end()) return it->second;
  const Value* expr = conditions_ ? conditions_->get(name) : nullptr;
  // Undefined, circular, or a chain of conditions deep enough to exhaust the stack.
  if (!expr || conditions_in_progress_.count(key) || conditions_in_progress_.size() >= kMaxConditionChain) {
    return Truth::Unknown;
  }
  conditions_in_progress_.insert(key);
  Truth t = truth_of(*expr);
  conditions_in_progress_.erase(key);
  condition_cache_[key] = t;
  return t;
}

Truth TemplateEvaluator::truth_of(const Value& raw) {
  if (raw.kind == Kind::Bool) return raw.boolean ? Truth::True : Truth::False;
  if (raw.kind == Kind::String) {
    if (raw.text == "true") return Truth::True;
    if (raw.text == "false") return Truth::False;
    return Truth::Unknown;
  }
  if (raw.kind != Kind::Map || raw.fields.size() != 1) return Truth::Unknown;
  const std::string& fn = raw.fields[0].key;
  const Value& arg = raw.fields[0].value;
  if (fn == "Condition") return arg.is_string() ? condition(arg.text) : Truth::Unknown;
  if (fn == "Fn::Not") {
    const Value* operand = arg.is_list() && arg.items.size() == 1 ? &arg.items[0] : arg.is_map() ? &arg : nullptr;
    if (!operand) return Truth::Unknown;
    Truth t = truth_of(*operand);
    return t == Truth::Unknown ? t : t == Truth::True ? Truth::False : Truth::True;
  }
  if (fn == "Fn::And" || fn == "Fn::Or") {
    if (!arg.is_list()) return Truth::Unknown;
    bool is_and = fn == "Fn::And";
    Truth result = is_and ? Truth::True : Truth::False;
    for (const Value& item : arg.items) {
      Truth t = truth_of(item);
      if (is_and && t == Truth::False) return Truth::False;
      if (!is_and && t == Truth::True) return Truth::True;
      if (t == Truth::Unknown) result = Truth::Unknown;
    }
    return result;
  }
  if (fn == "Fn::Equals") {
    if (!arg.is_list() || arg.items.size() != 2) return Truth::Unknown;
    return equals(arg.items[0], arg.items[1]);
  }
  if (is_intrinsic(raw)) {
    auto v = eval(raw);
    if (v && v->kind == Kind::Bool) return v->boolean ? Truth::True : Truth::False;
    if (v && v->is_string()) return truth_of(*v);
  }
  return Truth::Unknown;
}

Truth TemplateEvaluator::equals(const Value& left, const Value& right) {
  auto a = eval(left);
  auto b = eval(right);
  if (!a || !b) return Truth::Unknown;
  auto ta = a->is_known() ? scalar_text(*a) : std::nullopt;
  auto tb = b->is_known() ? scalar_text(*b) : std::nullopt;
  if (ta && tb) return *ta == *tb ? Truth::True : Truth::False;
  // An unknown parameter still takes one of its AllowedValues: a literal outside them never matches.
  auto outside = [](const std::vector<std::string>* allowed, const std::string& literal) {
    if (!allowed || allowed->empty()) return false;
    for (const auto& v : *allowed)
      if (v == literal) return false;
    return true;
  };
  if (tb && outside(allowed_values_of(left), *tb)) return Truth::False;
  if (ta && outside(allowed_values_of(right), *ta)) return Truth::False;
  return Truth::Unknown;
}

const std::vector<std::string>* TemplateEvaluator::allowed_values_of(const Value& raw) const {
  if (!raw.is_map() || raw.fields.size() != 1 || raw.fields[0].key != "Ref" || !raw.fields[0].value.is_string()) {
    return nullptr;
  }
  if (bindings_.count(raw.fields[0].value.text)) return nullptr;
  auto it = parameters_.find(raw.fields[0].value.text);
  return it == parameters_.end() ? nullptr : &it->second.allowed_values;
}

}  // namespace eph::cloudformation
