#include "cloudformation/template_resources.h"

#include <utility>

#include "cloudformation/sam/sam_transform.h"
#include "cloudformation/template_evaluator.h"
#include "core/published_output.h"

namespace eph::cloudformation {
namespace {

struct PendingResource {
  std::string logical_id;
  Range declaration;
  const Value* body = nullptr;
  std::vector<std::pair<std::string, Value>> bindings;  // Fn::ForEach identifiers
  bool from_unknown_collection = false;
};

void collect(const Field& field, TemplateEvaluator& ev, std::vector<std::pair<std::string, Value>>& bindings,
             bool unknown_collection, std::vector<PendingResource>& out);

// Fn::ForEach::Name: [Identifier, Collection, {LogicalIdTemplate: Resource}]
void collect_for_each(const Field& field, TemplateEvaluator& ev, std::vector<std::pair<std::string, Value>>& bindings,
                      bool unknown_collection, std::vector<PendingResource>& out) {
  const Value& spec = field.value;
  if (!spec.is_list() || spec.items.size() != 3 || !spec.items[0].is_string() || !spec.items[2].is_map()) return;
  const std::string& id = spec.items[0].text;
  auto collection = ev.eval(spec.items[1]);
  auto expand = [&](Value binding, bool unknown) {
    ev.bind(id, binding);
    bindings.emplace_back(id, std::move(binding));
    for (const Field& f : spec.items[2].fields) {
      Field named{ev.substitute_identifiers(f.key), f.key_range, {}};
      if (f.key.rfind("Fn::ForEach::", 0) == 0) {
        collect(f, ev, bindings, unknown, out);
        continue;
      }
      out.push_back(PendingResource{named.key, f.key_range, &f.value, bindings, unknown});
    }
    bindings.pop_back();
    ev.unbind(id);
  };
  if (!collection || !collection->is_list() || collection->contains_unknown()) {
    expand(Value::unknown(spec.items[1].where, "Fn::ForEach collection is unknown"), true);
    return;
  }
  for (const Value& item : collection->items) {
    auto text = scalar_text(item);
    if (text) expand(Value::string_of(*text, item.where), unknown_collection);
  }
}

void collect(const Field& field, TemplateEvaluator& ev, std::vector<std::pair<std::string, Value>>& bindings,
             bool unknown_collection, std::vector<PendingResource>& out) {
  if (field.key.rfind("Fn::ForEach::", 0) == 0) {
    collect_for_each(field, ev, bindings, unknown_collection, out);
    return;
  }
  out.push_back(PendingResource{field.key, field.key_range, &field.value, bindings, unknown_collection});
}

void add_depends_on(const Value& depends_on, Value& body) {
  auto add = [&](const Value& v) {
    if (v.is_string()) body.refs.push_back(Ref{v.text, "", v.where});
  };
  if (depends_on.is_list()) {
    for (const Value& item : depends_on.items) add(item);
  } else {
    add(depends_on);
  }
}

}  // namespace

void load_resources(const Value& root, std::vector<NativeResource>& out) {
  const Value* section = root.get("Resources");
  if (!section || !section->is_map()) return;
  TemplateEvaluator ev(root);

  std::vector<PendingResource> pending;
  std::vector<std::pair<std::string, Value>> bindings;
  for (const Field& f : section->fields) collect(f, ev, bindings, false, pending);
  for (const PendingResource& p : pending) {
    ev.add_resource(p.logical_id);
    const Value* type = p.body && p.body->is_map() ? p.body->get("Type") : nullptr;
    if (type && type->is_string()) ev.set_resource_type(p.logical_id, type->text);
  }
  bool sam_template = sam::is_sam_template(root);
  if (sam_template)
    for (auto& id : sam::implicit_api_ids(root)) ev.add_resource(std::move(id));

  for (const PendingResource& p : pending) {
    const Value& decl = *p.body;
    const Value* type = decl.is_map() ? decl.get("Type") : nullptr;
    if (!type || !type->is_string()) continue;
    for (const auto& [name, value] : p.bindings) ev.bind(name, value);

    NativeResource r;
    r.type = type->text;
    r.address = p.logical_id;
    r.declaration = p.declaration;
    r.may_not_exist = p.from_unknown_collection;
    bool exists = true;
    if (const Value* condition = decl.get("Condition"); condition && condition->is_string()) {
      Truth t = ev.condition(condition->text);
      if (t == Truth::False) exists = false;
      if (t == Truth::Unknown) r.may_not_exist = true;
    }
    if (exists) {
      const Value* properties = decl.get("Properties");
      std::optional<Value> body = properties ? ev.eval(*properties) : std::nullopt;
      r.body = body ? std::move(*body) : Value::map(decl.where);
      if (const Value* depends_on = decl.get("DependsOn")) add_depends_on(*depends_on, r.body);
      const Value* metadata = decl.get("Metadata");
      std::optional<Value> meta = metadata ? ev.eval(*metadata) : std::nullopt;
      r.meta = meta ? std::move(*meta) : Value::map(decl.where);
      out.push_back(std::move(r));
    }
    for (const auto& binding : p.bindings) ev.unbind(binding.first);
  }

  // Outputs (exported or not) become resources of type `output` whose body is the value:
  // the model reads what the template publishes (a NAT gateway's address).
  if (const Value* section = root.get("Outputs"); section && section->is_map()) {
    for (const Field& f : section->fields) {
      const Value* value = f.value.is_map() ? f.value.get("Value") : nullptr;
      std::optional<Value> evaluated = value ? ev.eval(*value) : std::nullopt;
      if (!evaluated) continue;
      NativeResource r;
      r.type = std::string(kOutputType);
      r.address = "Outputs." + f.key;
      r.declaration = f.key_range;
      r.body = std::move(*evaluated);
      r.meta = Value::map(f.key_range);
      out.push_back(std::move(r));
    }
  }

  if (sam_template) {
    const Value* globals = root.get("Globals");
    std::optional<Value> evaluated = globals ? ev.eval(*globals) : std::nullopt;
    sam::apply_sam_transform(evaluated ? *evaluated : Value(), out);
  }
}

}  // namespace eph::cloudformation
