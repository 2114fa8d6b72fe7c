#include "terraform/module_instance.h"

#include "core/published_output.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "core/published_output.h"
#include "terraform/hcl_config_builder.h"
#include "terraform/policy_document.h"
#include "terraform/unit_loader.h"
#include "terraform/value_ops.h"

namespace eph::terraform {
namespace {

bool is_resource_meta_argument(const std::string& name) {
  return name == "count" || name == "for_each" || name == "depends_on" || name == "provider";
}

bool is_module_meta_argument(const std::string& name) {
  return name == "source" || name == "version" || name == "count" || name == "for_each" || name == "providers" ||
         name == "depends_on";
}

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string key_suffix(const Value& key) {
  if (key.kind == Kind::Number) return "[" + format_number(key.number) + "]";
  if (key.kind == Kind::String) return "[" + quoted(key.text) + "]";
  return {};
}

Value instance_object(std::initializer_list<std::pair<const char*, Value>> fields, Range where) {
  Value m = Value::map(where);
  for (const auto& [k, v] : fields) m.set(k, v);
  return m;
}

}  // namespace

ModuleInstance::ModuleInstance(UnitLoader& unit, const ModuleConfig& config, std::string path, std::string key_path,
                               std::vector<std::string> chain, VariableValues inputs, int depth)
    : unit_(unit), config_(config), path_(std::move(path)), key_path_(std::move(key_path)), chain_(std::move(chain)),
      inputs_(std::move(inputs)), depth_(depth), variables_(config.variables.size()), locals_(config.locals.size()),
      outputs_(config.outputs.size()), resources_(config.resources.size()), calls_(config.module_calls.size()) {}

ModuleInstance::~ModuleInstance() = default;

bool ModuleInstance::enter(Range where) {
  if (unit_.lazy_depth >= UnitLoader::kMaxLazyDepth) {
    unit_.env().limit_reached(where, "references nested deeper than " + std::to_string(UnitLoader::kMaxLazyDepth) +
                                         " levels; the value is unknown");
    return false;
  }
  ++unit_.lazy_depth;
  return true;
}

void ModuleInstance::leave() { --unit_.lazy_depth; }

std::string ModuleInstance::relative_module_path() const {
  std::filesystem::path rel = std::filesystem::path(config_.dir).lexically_relative(unit_.root_dir());
  std::string s = rel.generic_string();
  return s.empty() ? "." : s;
}

// --- variables, locals, outputs ---

void ModuleInstance::defer_input(const std::string& name, DeferredInput input) {
  deferred_inputs_[name] = std::move(input);
}

const Value& ModuleInstance::variable(size_t index) {
  Slot& s = variables_[index];
  if (s.state == State::Done) return s.value;
  const VariableDecl& decl = config_.variables[index];
  if (s.state == State::Running) {
    // The caller's expression for this input reads, through this module, the input itself.
    unit_.env().diagnostics.push_back({Diagnostic::Kind::ParseError, decl.block->header,
                                       "var." + decl.name + " of " + path_ +
                                           " depends on itself through the module call's input"});
    static const Value kCycle = Value::unknown({}, "cyclic module input");
    return kCycle;
  }
  s.state = State::Running;
  ExpressionEvaluator ev(unit_.env(), nullptr);
  Value value;
  if (auto deferred = deferred_inputs_.find(decl.name); deferred != deferred_inputs_.end()) {
    DeferredInput input = std::move(deferred->second);
    deferred_inputs_.erase(deferred);
    value = input();
  } else if (auto given = inputs_.find(decl.name); given != inputs_.end()) {
    value = std::move(given->second);
    inputs_.erase(given);
  } else if (decl.default_value) {
    value = ev.eval(*decl.default_value);
  } else {
    value = Value::unknown(decl.block->header, "no value given for variable " + decl.name);
  }
  value = convert_to_type(std::move(value), decl.type, ev);
  if (decl.sensitive) value.marks |= kSensitive;
  s.value = std::move(value);
  s.state = State::Done;
  return s.value;
}

const Value& ModuleInstance::local(size_t index, Range where) {
  Slot& s = locals_[index];
  if (s.state == State::Done) return s.value;
  const LocalDecl& decl = config_.locals[index];
  if (s.state == State::Running) {
    std::string cycle;
    auto start = std::find(local_stack_.begin(), local_stack_.end(), decl.name);
    for (auto it = start; it != local_stack_.end(); ++it) cycle += "local." + *it + " -> ";
    cycle += "local." + decl.name;
    unit_.env().diagnostics.push_back({Diagnostic::Kind::ParseError, decl.attribute->range,
                                       "local." + decl.name + " depends on itself: " + cycle});
    static const Value kCycle = Value::unknown({}, "cyclic local value");
    return kCycle;
  }
  if (!enter(where)) {
    static const Value kTooDeep = Value::unknown({}, "references nested too deep");
    return kTooDeep;
  }
  s.state = State::Running;
  local_stack_.push_back(decl.name);
  ExpressionEvaluator ev(unit_.env(), this);
  Value v = ev.eval(*decl.attribute->expr);
  local_stack_.pop_back();
  leave();
  s.value = std::move(v);
  s.state = State::Done;
  return s.value;
}

const Value& ModuleInstance::output_value(size_t index) {
  Slot& s = outputs_[index];
  if (s.state == State::Done) return s.value;
  const OutputDecl& decl = config_.outputs[index];
  if (s.state == State::Running || !enter(decl.block->header)) {
    static const Value kCycle = Value::unknown({}, "cyclic output value");
    return kCycle;
  }
  s.state = State::Running;
  ExpressionEvaluator ev(unit_.env(), this);
  Value v = decl.value ? ev.eval(*decl.value) : Value::null(decl.block->header);
  if (decl.sensitive) v.marks |= kSensitive;
  leave();
  s.value = std::move(v);
  s.state = State::Done;
  return s.value;
}

Value ModuleInstance::output(const std::string& name, Range where, bool& error) {
  auto it = config_.output_index.find(name);
  if (it == config_.output_index.end()) {
    error = true;
    return Value::unknown(where, "module has no output " + name);
  }
  return output_value(it->second);
}

Value ModuleInstance::all_outputs(Range where) {
  Value m = Value::map(where);
  for (size_t i = 0; i < config_.outputs.size(); ++i)
    m.set(config_.outputs[i].name, output_value(i), config_.outputs[i].block->header);
  return m;
}

// --- expansion ---

ModuleInstance::Keys ModuleInstance::expand(const Expr* count, const Expr* for_each, ExpressionEvaluator& ev) {
  Keys k;
  if (count) {
    Value v = ev.eval(*count);
    auto n = to_number(v);
    if (!n) {
      k.expansion = Expansion::Unknown;
      k.unknown_reason = v;
      return k;
    }
    if (*n > static_cast<double>(UnitLoader::kMaxInstances)) {
      unit_.env().limit_reached(count->range, "count of " + format_number(*n) + " exceeds the limit of " +
                                                  std::to_string(UnitLoader::kMaxInstances) + " instances");
      k.expansion = Expansion::Unknown;
      return k;
    }
    k.expansion = Expansion::Count;
    for (int i = 0; i < static_cast<int>(std::max(0.0, std::floor(*n))); ++i)
      k.keys.push_back(Value::number_of(i, count->range));
    return k;
  }
  if (!for_each) return k;
  Value v = ev.eval(*for_each);
  k.expansion = Expansion::ForEach;
  if (v.is_unknown()) {
    k.expansion = Expansion::Unknown;
    k.unknown_reason = v;
    return k;
  }
  size_t n = v.is_map() ? v.fields.size() : v.is_list() ? v.items.size() : 0;
  if (n > UnitLoader::kMaxInstances) {
    unit_.env().limit_reached(for_each->range, "for_each over " + std::to_string(n) + " elements exceeds the limit of " +
                                                   std::to_string(UnitLoader::kMaxInstances) + " instances");
    k.expansion = Expansion::Unknown;
    return k;
  }
  struct Entry {
    std::string key;
    const Value* value;
    Range key_range;
  };
  std::vector<Entry> entries;
  if (v.is_map()) {
    for (const auto& f : v.fields) entries.push_back({f.key, &f.value, f.key_range});
  } else if (v.is_list()) {
    for (const auto& item : v.items) {
      if (!item.is_string()) {  // a set of unknown or non-string elements: keys unknown
        k.expansion = Expansion::Unknown;
        return k;
      }
      entries.push_back({item.text, &item, item.where});
    }
  }
  // Terraform orders instances by key; a set has no duplicates.
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.key < b.key; });
  entries.erase(std::unique(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.key == b.key; }),
                entries.end());
  for (const Entry& entry : entries) {
    k.keys.push_back(Value::string_of(entry.key, entry.key_range));
    Value each_value = *entry.value;
    each_value.marks |= v.marks;
    k.values.push_back(std::move(each_value));
  }
  return k;
}

void ModuleInstance::bind_instance(ExpressionEvaluator& ev, Expansion expansion, const Value& key,
                                   const Value* each_value) {
  if (expansion == Expansion::Count) {
    ev.bind("count", instance_object({{"index", key}}, key.where));
  } else if (expansion == Expansion::ForEach) {
    ev.bind("each", instance_object({{"key", key}, {"value", *each_value}}, key.where));
  } else if (expansion == Expansion::Unknown) {
    Value u = Value::unknown(key.where, "instance key unknown");
    ev.bind("count", instance_object({{"index", u}}, key.where));
    // each.value is unknown but still an element of what for_each reads (an app's outbound
    // addresses, a list of subnets): it keeps that collection's references and marks.
    ev.bind("each", instance_object({{"key", u}, {"value", each_value ? *each_value : u}}, key.where));
  }
}

// --- bodies ---

void ModuleInstance::add_dynamic_blocks(const Block& dyn, Value& target, ExpressionEvaluator& ev, int depth) {
  const Attribute* for_each = dyn.body.attribute("for_each");
  const Block* content = nullptr;
  for (const Block& b : dyn.body.blocks)
    if (b.type == "content") content = &b;
  if (!for_each || !content || dyn.labels.empty()) return;
  std::string iterator = dyn.labels[0];
  if (const Attribute* it = dyn.body.attribute("iterator"); it && it->expr->kind == ExprKind::Variable)
    iterator = it->expr->name;
  Value coll = ev.eval(*for_each->expr);
  if (coll.is_unknown() || target.is_unknown()) {
    Value u = Value::unknown(dyn.range, "dynamic block over an unknown collection");
    absorb(u, coll);
    target = std::move(u);
    return;
  }
  size_t n = coll.is_list() ? coll.items.size() : coll.is_map() ? coll.fields.size() : 0;
  if (n > EvalEnv::kMaxCollection) {
    unit_.env().limit_reached(for_each->expr->range, "dynamic block over more than " +
                                                          std::to_string(EvalEnv::kMaxCollection) + " elements");
    target = Value::unknown(dyn.range, "collection too large");
    return;
  }
  for (size_t i = 0; i < n; ++i) {
    Value key = coll.is_list() ? Value::number_of(static_cast<double>(i), coll.items[i].where)
                               : Value::string_of(coll.fields[i].key, coll.fields[i].key_range);
    Value value = coll.is_list() ? coll.items[i] : coll.fields[i].value;
    value.marks |= coll.marks;
    ev.bind(iterator, instance_object({{"key", key}, {"value", value}}, value.where));
    target.items.push_back(evaluate_body(content->body, content->range, ev, false, depth + 1));
    ev.unbind();
  }
}

Value ModuleInstance::evaluate_body(const Body& body, Range where, ExpressionEvaluator& ev, bool resource_level,
                                    int depth) {
  Value out = Value::map(where);
  out.fields.reserve(body.attributes.size() + body.blocks.size());
  for (const Attribute& a : body.attributes) {
    if (resource_level && is_resource_meta_argument(a.name)) continue;
    // `when = destroy` in a provisioner: a keyword, not a reference.
    if (a.name == "when" && a.expr->kind == ExprKind::Variable) {
      out.set(a.name, Value::string_of(a.expr->name, a.expr->range), a.name_range);
      continue;
    }
    out.set(a.name, ev.eval(*a.expr), a.name_range);
  }
  std::vector<const Block*> needs_self;
  auto add_block = [&](const Block& b) {
    bool dynamic = b.type == "dynamic";
    const std::string& type = dynamic ? (b.labels.empty() ? b.type : b.labels[0]) : b.type;
    Value* list = out.get(type);
    if (!list) list = &out.set(type, Value::list(b.range), dynamic ? b.header : b.type_range);
    if (dynamic) {
      add_dynamic_blocks(b, *list, ev, depth);
    } else if (list->is_list()) {
      list->items.push_back(evaluate_body(b.body, b.range, ev, false, depth + 1));
    }
  };
  for (const Block& b : body.blocks) {
    if (resource_level && b.type == "lifecycle") continue;
    if (resource_level && (b.type == "provisioner" || b.type == "connection")) {
      needs_self.push_back(&b);
      continue;
    }
    add_block(b);
  }
  if (!needs_self.empty()) {
    // `self` in provisioners and connections is the resource's own object.
    ev.bind("self", out);
    for (const Block* b : needs_self) add_block(*b);
    ev.unbind();
  }
  if (!body.blocks.empty() && !body.attributes.empty()) {
    std::stable_sort(out.fields.begin(), out.fields.end(),
                     [](const Field& a, const Field& b) { return a.key_range.begin < b.key_range.begin; });
  }
  return out;
}

// --- resources ---

// data "template_file" (the legacy template provider): `template` rendered with `vars`.
Value ModuleInstance::render_template_data(const Value& body) {
  const Value* tpl = body.get("template");
  if (!tpl || !tpl->is_string()) return Value::unknown(body.where, "template not known");
  ExprPtr parsed = parse_template(tpl->text, nullptr, 0, tpl->where, unit_.env().diagnostics);
  ExpressionEvaluator ev(unit_.env(), nullptr);
  if (const Value* vars = body.get("vars"); vars && vars->is_map())
    for (const auto& f : vars->fields) ev.bind(f.key, f.value);
  Value out = ev.eval(*parsed);
  absorb(out, *tpl);
  return out;
}

std::string ModuleInstance::instance_address(const ResourceDecl& decl, const Value& key) const {
  std::string a = path_.empty() ? decl.key : path_ + "." + decl.key;
  return a + key_suffix(key);
}

ModuleInstance::ResourceState& ModuleInstance::resource(size_t index) {
  ResourceState& st = resources_[index];
  if (st.state == State::Pending) {
    const ResourceDecl& decl = config_.resources[index];
    if (enter(decl.block->header)) {
      evaluate_resource(index, st);
      leave();
    }
  }
  return st;
}

void ModuleInstance::evaluate_resource(size_t index, ResourceState& st) {
  const ResourceDecl& decl = config_.resources[index];
  st.state = State::Running;
  ExpressionEvaluator ev(unit_.env(), this);
  Keys keys = expand(decl.count, decl.for_each, ev);
  st.expansion = keys.expansion;
  Range header = decl.block->header;
  std::string base_address = instance_address(decl, Value::null());
  bool is_policy_document = decl.is_data && decl.type == "aws_iam_policy_document";
  bool is_template_file = decl.is_data && decl.type == "template_file";
  auto body_for = [&](const Value& key, const Value* each_value, const std::string& address) {
    bind_instance(ev, keys.expansion, key, each_value);
    Value body = evaluate_body(decl.block->body, decl.block->range, ev, true, 0);
    ev.unbind(keys.expansion == Expansion::Unknown ? 2 : keys.expansion == Expansion::Single ? 0 : 1);
    if (is_policy_document) {
      Value json = render_policy_document(body, header);
      body.set("minified_json", json, header);
      body.set("json", std::move(json), header);
    }
    if (is_template_file) body.set("rendered", render_template_data(body), header);
    add_ref(body, Ref{address, "", header});
    return body;
  };
  switch (keys.expansion) {
    case Expansion::Single:
      st.value = body_for(Value::null(), nullptr, base_address);
      st.instances.push_back({base_address, Value::null(), Value(), false});
      break;
    case Expansion::Count:
    case Expansion::ForEach: {
      bool by_count = keys.expansion == Expansion::Count;
      st.value = by_count ? Value::list(decl.count->range) : Value::map(decl.for_each->range);
      for (size_t i = 0; i < keys.keys.size(); ++i) {
        std::string address = instance_address(decl, keys.keys[i]);
        Value body = body_for(keys.keys[i], by_count ? nullptr : &keys.values[i], address);
        if (by_count) st.value.items.push_back(std::move(body));
        else st.value.set(keys.keys[i].text, std::move(body), keys.keys[i].where);
        st.instances.push_back({std::move(address), keys.keys[i], Value(), false});
      }
      add_ref(st.value, Ref{base_address, "", header});
      break;
    }
    case Expansion::Unknown: {
      Value key = Value::unknown(header, "instance key unknown");
      Value each_value = key;
      absorb(each_value, keys.unknown_reason);
      if (keys.unknown_reason.where.valid()) each_value.where = keys.unknown_reason.where;  // the for_each value
      Instance inst{base_address, Value::null(), body_for(key, &each_value, base_address), true};
      st.instances.push_back(std::move(inst));
      st.value = Value::unknown(header, "count or for_each known after apply");
      absorb(st.value, keys.unknown_reason);
      add_ref(st.value, Ref{base_address, "", header});
      break;
    }
  }
  st.state = State::Done;
}

Value ModuleInstance::resolve_resource(const std::string& key, size_t key_steps, Range root_range,
                                       std::span<const TraversalStep> steps, size_t& consumed, bool& error,
                                       ExpressionEvaluator& ev) {
  auto it = config_.resource_index.find(key);
  Range ref_range = steps.size() >= key_steps ? steps[key_steps - 1].range : root_range;
  if (it == config_.resource_index.end()) {
    error = true;
    return Value::unknown(ref_range, "reference to undeclared " + key);
  }
  const ResourceDecl& decl = config_.resources[it->second];
  ResourceState& st = resource(it->second);
  consumed = steps.size();
  if (st.state != State::Done) {
    // A reference back into a resource being evaluated (a cycle, or self-reference).
    Value u = Value::unknown(ref_range, "value of a resource that depends on itself");
    Ref r{instance_address(decl, Value::null()), "", ref_range};
    if (steps.size() > key_steps && steps[key_steps].is_attr) {
      r.attribute = steps[key_steps].name;
      r.where = steps[key_steps].range;
    }
    add_ref(u, r);
    return u;
  }
  Value v = ev.traverse(st.value, steps.subspan(key_steps));
  // Whole-resource refs point at the declaration until here: point them at the reference.
  for (Ref& r : v.refs)
    if (r.where.file == decl.block->header.file && r.where.begin == decl.block->header.begin) r.where = ref_range;
  return v;
}

// --- module calls ---

ModuleInstance::ModuleCallState& ModuleInstance::module_call(size_t index) {
  ModuleCallState& st = calls_[index];
  if (st.state == State::Pending) {
    const ModuleCallDecl& decl = config_.module_calls[index];
    if (enter(decl.block->header)) {
      evaluate_module_call(index, st);
      leave();
    }
  }
  return st;
}

std::unique_ptr<ModuleInstance> ModuleInstance::load_child(const ModuleCallDecl& call, const std::string& child_path,
                                                           VariableValues inputs) {
  std::string child_key = key_path_.empty() ? call.name : key_path_ + "." + call.name;
  Range where = call.source_range.valid() ? call.source_range : call.block->header;
  std::string dir;
  bool local = call.source.rfind("./", 0) == 0 || call.source.rfind("../", 0) == 0;
  if (local) {
    std::string source = call.source;
    // "../..//modules/x": the part after `//` is a directory inside the package.
    if (size_t sub = source.find("//"); sub != std::string::npos) source.replace(sub, 2, "/");
    dir = normalize_path(join_path(config_.dir, source));
  } else if (auto d = unit_.manifest_dir(child_key)) {
    dir = *d;
  } else {
    return nullptr;  // registry or git module not downloaded: its outputs stay unknown
  }
  if (std::find(chain_.begin(), chain_.end(), dir) != chain_.end()) {
    std::string cycle;
    for (const auto& d : chain_) cycle += d + " -> ";
    unit_.env().diagnostics.push_back({Diagnostic::Kind::UnresolvedModule, where,
                                       "module cycle: " + cycle + dir + "; the call is not evaluated"});
    return nullptr;
  }
  if (depth_ + 1 > UnitLoader::kMaxModuleDepth) {
    unit_.env().limit_reached(where, "modules nested deeper than " + std::to_string(UnitLoader::kMaxModuleDepth) +
                                         " levels");
    return nullptr;
  }
  if (std::optional<std::string> why = unit_.fs().refusal(dir)) {
    // Not a broken configuration: a directory we chose not to read. Its outputs stay unknown.
    unit_.env().limit_reached(where, "module source '" + call.source + "' is not read: " + *why);
    return nullptr;
  }
  const ModuleConfig* config = unit_.config_for(dir);
  if (!config) {
    unit_.env().diagnostics.push_back({Diagnostic::Kind::UnresolvedModule, where,
                                       "module source '" + call.source + "' not found (no directory " + dir +
                                           "); its outputs are unknown"});
    return nullptr;
  }
  std::vector<std::string> chain = chain_;
  chain.push_back(dir);
  return std::make_unique<ModuleInstance>(unit_, *config, child_path, child_key, std::move(chain), std::move(inputs),
                                          depth_ + 1);
}

void ModuleInstance::evaluate_module_call(size_t index, ModuleCallState& st) {
  const ModuleCallDecl& decl = config_.module_calls[index];
  st.state = State::Running;
  ExpressionEvaluator ev(unit_.env(), this);
  Keys keys = expand(decl.count, decl.for_each, ev);
  st.expansion = keys.expansion;
  std::string base = (path_.empty() ? "" : path_ + ".") + "module." + decl.name;
  Expansion expansion = keys.expansion;
  auto instantiate = [&](const Value& key, const Value* each_value, bool may_not_exist) {
    std::string child_path = base + key_suffix(key);
    std::unique_ptr<ModuleInstance> child = load_child(decl, child_path, {});
    if (child) {
      // Each input is evaluated here, with this instance's count/each bound, when the child
      // first reads it (this module owns the child, so it outlives the closure).
      std::shared_ptr<const Value> each = each_value ? std::make_shared<const Value>(*each_value) : nullptr;
      for (const Attribute& a : decl.block->body.attributes) {
        if (is_module_meta_argument(a.name)) continue;
        child->defer_input(a.name, [this, &a, expansion, key, each]() -> Value {
          if (!enter(a.range)) return Value::unknown(a.range, "references nested too deep");
          ExpressionEvaluator input_ev(unit_.env(), this);
          bind_instance(input_ev, expansion, key, each.get());
          Value v = input_ev.eval(*a.expr);
          leave();
          return v;
        });
      }
    }
    st.instances.push_back({key, std::move(child), may_not_exist});
  };
  if (keys.expansion == Expansion::Single) {
    instantiate(Value::null(), nullptr, false);
  } else if (keys.expansion == Expansion::Unknown) {
    Value key = Value::unknown(decl.block->header, "instance key unknown");
    instantiate(key, &key, true);
  } else {
    for (size_t i = 0; i < keys.keys.size(); ++i)
      instantiate(keys.keys[i], keys.expansion == Expansion::ForEach ? &keys.values[i] : nullptr, false);
  }
  st.state = State::Done;
}

Value ModuleInstance::resolve_module(Range root_range, std::span<const TraversalStep> steps, size_t& consumed,
                                     bool& error, ExpressionEvaluator& ev) {
  consumed = steps.size();
  if (steps.empty() || !steps[0].is_attr) {
    error = true;
    return Value::unknown(root_range, "invalid module reference");
  }
  auto it = config_.module_index.find(steps[0].name);
  if (it == config_.module_index.end()) {
    error = true;
    return Value::unknown(steps[0].range, "reference to undeclared module " + steps[0].name);
  }
  ModuleCallState& st = module_call(it->second);
  Range where = steps[0].range;
  if (st.state != State::Done || st.expansion == Expansion::Unknown)
    return Value::unknown(where, "module instances unknown");
  auto from_instance = [&](ChildInstance& inst, size_t next) -> Value {
    if (!inst.module) return Value::unknown(steps[next - 1].range, "module source not loaded");
    if (steps.size() > next && steps[next].is_attr) {
      Value out = inst.module->output(steps[next].name, steps[next].range, error);
      return ev.traverse(out, steps.subspan(next + 1));
    }
    return ev.traverse(inst.module->all_outputs(steps[next - 1].range), steps.subspan(next));
  };
  if (st.expansion == Expansion::Single) return from_instance(st.instances[0], 1);
  if (steps.size() > 1 && !steps[1].is_attr) {
    const Value& key = steps[1].key;
    if (key.is_unknown()) return Value::unknown(steps[1].range, "module instance key unknown");
    for (ChildInstance& inst : st.instances) {
      bool match = st.expansion == Expansion::Count ? (to_number(key) && *to_number(key) == inst.key.number)
                                                    : (key.is_string() && key.text == inst.key.text);
      if (match) return from_instance(inst, 2);
    }
    error = true;
    return Value::unknown(steps[1].range, "no such module instance");
  }
  // The whole expanded module: a list (count) or a map (for_each) of output objects.
  Value all = st.expansion == Expansion::Count ? Value::list(where) : Value::map(where);
  for (ChildInstance& inst : st.instances) {
    Value outputs = inst.module ? inst.module->all_outputs(where) : Value::unknown(where, "module source not loaded");
    if (st.expansion == Expansion::Count) all.items.push_back(std::move(outputs));
    else all.set(inst.key.text, std::move(outputs), inst.key.where);
  }
  return ev.traverse(all, steps.subspan(1));
}

// --- names ---

Value ModuleInstance::resolve(const std::string& root, Range root_range, std::span<const TraversalStep> steps,
                              size_t& consumed, bool& error, ExpressionEvaluator& ev) {
  auto first_attr = [&]() -> const std::string* { return !steps.empty() && steps[0].is_attr ? &steps[0].name : nullptr; };
  if (root == "var" || root == "local") {
    const std::string* name = first_attr();
    const auto& index = root == "var" ? config_.variable_index : config_.local_index;
    auto it = name ? index.find(*name) : index.end();
    consumed = steps.size();
    if (it == index.end()) {
      error = true;
      return Value::unknown(root_range, "reference to an undeclared " + root);
    }
    const Value& v = root == "var" ? variable(it->second) : local(it->second, steps[0].range);
    return ev.traverse(v, steps.subspan(1));
  }
  if (root == "module") return resolve_module(root_range, steps, consumed, error, ev);
  if (root == "data") {
    if (steps.size() < 2 || !steps[0].is_attr || !steps[1].is_attr) {
      error = true;
      consumed = steps.size();
      return Value::unknown(root_range, "invalid data source reference");
    }
    return resolve_resource("data." + steps[0].name + "." + steps[1].name, 2, root_range, steps, consumed, error, ev);
  }
  if (root == "path" || root == "terraform") {
    const std::string* name = first_attr();
    consumed = name ? 1 : 0;
    Range where = name ? steps[0].range : root_range;
    if (root == "terraform" && name && *name == "workspace") return Value::string_of("default", where);
    if (root == "path" && name && *name == "module") return Value::string_of(relative_module_path(), where);
    if (root == "path" && name && *name == "root") return Value::string_of(".", where);
    if (root == "path" && name && *name == "cwd") return Value::string_of(unit_.root_dir(), where);
    error = true;
    return Value::unknown(where, "unknown " + root + " attribute");
  }
  if (root == "count" || root == "each" || root == "self") {
    error = true;
    return Value::unknown(root_range, root + " is not available here");
  }
  if (root == "ephemeral") return Value::unknown(root_range, "ephemeral values are never known");
  const std::string* name = first_attr();
  if (!name) {
    error = true;
    return Value::unknown(root_range, "unknown name " + root);
  }
  return resolve_resource(root + "." + *name, 1, root_range, steps, consumed, error, ev);
}

// --- whole module ---

void ModuleInstance::evaluate_all() {
  for (size_t i = 0; i < config_.variables.size(); ++i) variable(i);
  for (size_t i = 0; i < config_.locals.size(); ++i) local(i, config_.locals[i].attribute->range);
  for (size_t i = 0; i < config_.resources.size(); ++i) resource(i);
  for (size_t i = 0; i < config_.module_calls.size(); ++i) {
    ModuleCallState& st = module_call(i);
    for (ChildInstance& inst : st.instances)
      if (inst.module) inst.module->evaluate_all();
  }
  for (size_t i = 0; i < config_.outputs.size(); ++i) output_value(i);
}

void ModuleInstance::emit_outputs(std::vector<NativeResource>& out) {
  for (size_t i = 0; i < config_.outputs.size(); ++i) {
    NativeResource r;
    r.type = std::string(kOutputType);
    r.address = "output." + config_.outputs[i].name;
    r.declaration = config_.outputs[i].block->header;
    r.body = output_value(i);
    r.meta = Value::map();
    out.push_back(std::move(r));
  }
}

void ModuleInstance::emit(std::vector<NativeResource>& out) {
  for (size_t i = 0; i < config_.resources.size(); ++i) {
    const ResourceDecl& decl = config_.resources[i];
    ResourceState& st = resources_[i];
    for (size_t j = 0; j < st.instances.size(); ++j) {
      Instance& inst = st.instances[j];
      NativeResource r;
      r.type = decl.is_data ? "data." + decl.type : decl.type;
      r.address = inst.address;
      r.module = path_;
      r.declaration = decl.block->header;
      r.meta = Value::map();
      r.may_not_exist = inst.may_not_exist;
      switch (st.expansion) {
        case Expansion::Single: r.body = std::move(st.value); break;
        case Expansion::Count: r.body = std::move(st.value.items[j]); break;
        case Expansion::ForEach: r.body = std::move(st.value.fields[j].value); break;
        case Expansion::Unknown: r.body = std::move(inst.detached_body); break;
      }
      r.body.refs.clear();  // the resource's own address, kept only for references to it
      out.push_back(std::move(r));
    }
  }
  for (ModuleCallState& st : calls_)
    for (ChildInstance& inst : st.instances)
      if (inst.module) {
        size_t first = out.size();
        inst.module->emit(out);
        if (inst.may_not_exist)
          for (size_t k = first; k < out.size(); ++k) out[k].may_not_exist = true;
      }
}

}  // namespace eph::terraform
