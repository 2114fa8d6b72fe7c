// `terraform show -json` output (a plan, or a state) loaded as native resources. Planned values
// are already evaluated, so they are used as they are; the plan's own markers say what is
// unknown and what is sensitive, its configuration gives the graph edges and the module
// directories, and each resource points at its `resource` block when the .tf files are present.
#include <map>
#include <set>

#include "syntax/json/json_loader.h"
#include "terraform/functions/function_support.h"
#include "terraform/functions/json_text.h"
#include "terraform/plan/block_declarations.h"
#include "terraform/plan/plan_values.h"
#include "terraform/plan/source_alignment.h"
#include "terraform/terraform_frontend.h"

namespace eph::terraform {

namespace {

using plan::BlockDeclarations;

// One module of the configuration: where its sources are and what it declares.
struct ConfigModule {
  std::string dir;                 // empty when the sources are not on disk (registry, git)
  const Value* config = nullptr;   // configuration.<...>.module
};

// "module.a[0].module.b["x"]" -> "module.a.module.b": the configuration's view of a module path.
std::string strip_instance_keys(std::string_view address) {
  std::string out;
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < address.size(); ++i) {
    char c = address[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '[') ++depth;
    else if (c == ']') --depth;
    else if (depth > 0 && c == '"') in_string = true;
    else if (depth == 0) out += c;
  }
  return out;
}

bool is_local_source(const std::string& source) {
  return source == "." || source == ".." || source.rfind("./", 0) == 0 || source.rfind("../", 0) == 0;
}

// Walks configuration.root_module and its module_calls: module path -> ConfigModule.
void index_configuration(const Value& module, const std::string& path, const std::string& dir,
                         std::map<std::string, ConfigModule>& out, int depth) {
  out[path] = ConfigModule{dir, &module};
  const Value* calls = module.get("module_calls");
  if (!calls || !calls->is_map() || depth > 32) return;
  for (const auto& call : calls->fields) {
    const Value* child = call.value.get("module");
    if (!child) continue;
    const Value* source = call.value.get("source");
    std::string child_dir;
    if (!dir.empty() && source && source->is_string() && is_local_source(source->text)) {
      child_dir = fn::clean_path(dir + "/" + source->text);
    }
    std::string child_path = (path.empty() ? "" : path + ".") + "module." + call.key;
    index_configuration(*child, child_path, child_dir, out, depth + 1);
  }
}

const Value* find_config_resource(const ConfigModule& module, const std::string& config_address) {
  const Value* resources = module.config ? module.config->get("resources") : nullptr;
  if (!resources || !resources->is_list()) return nullptr;
  for (const auto& r : resources->items) {
    const Value* address = r.get("address");
    if (address && address->is_string() && address->text == config_address) return &r;
  }
  return nullptr;
}

std::string text_of(const Value& object, std::string_view key) {
  const Value* v = object.get(key);
  return v && v->is_string() ? v->text : std::string();
}

class PlanLoader {
 public:
  PlanLoader(const FileProvider& fs, LoadedUnit& unit, std::string dir)
      : fs_(fs), unit_(unit), dir_(std::move(dir)), declarations_(fs) {}

  void load(const Value& root) {
    if (const Value* changes = root.get("resource_changes"); changes && changes->is_list()) {
      for (const auto& change : changes->items) {
        std::string address = text_of(change, "address");
        if (const Value* c = change.get("change"); c && !address.empty()) changes_[address] = c;
      }
    }
    if (const Value* config = root.at("configuration/root_module")) index_configuration(*config, "", dir_, config_, 0);
    load_sources(root.get("variables"));

    const Value* planned = root.at("planned_values/root_module");
    if (!planned) planned = root.at("values/root_module");  // `terraform show -json` of a state
    if (planned) load_module(*planned, "", 0);
    // Data sources read while planning live in the prior state only.
    if (const Value* prior = root.at("prior_state/values/root_module")) load_module(*prior, "", 0, true);

    for (const auto& f : declarations_.used_files()) unit_.files.push_back(f);
    if (!sources_.resources.empty()) {
      for (const auto& f : sources_.files) unit_.files.push_back(f);
    }
  }

 private:
  // The root module next to the plan, evaluated with the plan's variable values: its
  // resources lend their source positions to the plan's values.
  void load_sources(const Value* variables) {
    std::vector<std::string> files;
    if (!fs_.is_directory(dir_)) return;
    for (const auto& name : fs_.list(dir_, true)) {
      bool tf = name.size() > 3 && name.ends_with(".tf");
      bool tf_json = name.size() > 8 && name.ends_with(".tf.json");
      if (tf || tf_json) files.push_back(dir_ + "/" + name);
    }
    if (files.empty()) return;
    TerraformInputs inputs;
    if (variables && variables->is_map()) {
      for (const auto& f : variables->fields) {
        const Value* v = f.value.get("value");
        if (!v || v->is_null()) continue;
        // --var takes a string as it is and anything else as an expression (JSON is valid HCL).
        inputs.vars.emplace_back(f.key, v->is_string() ? v->text : fn::json_encode(*v));
      }
    }
    try {
      sources_ = terraform::load_module(dir_, files, fs_, inputs);
    } catch (const std::exception&) {
      sources_ = LoadedUnit{};  // the plan stands on its own
    }
    for (const auto& r : sources_.resources) source_by_address_.emplace(r.address, &r);
  }

  void load_module(const Value& module, const std::string& module_address, int depth, bool data_only = false) {
    if (depth > 64) return;
    if (const Value* resources = module.get("resources"); resources && resources->is_list()) {
      for (const auto& r : resources->items) load_resource(r, module_address, data_only);
    }
    if (const Value* children = module.get("child_modules"); children && children->is_list()) {
      for (const auto& child : children->items) load_module(child, text_of(child, "address"), depth + 1, data_only);
    }
  }

  void load_resource(const Value& r, const std::string& module_address, bool data_only) {
    std::string address = text_of(r, "address");
    std::string type = text_of(r, "type");
    std::string name = text_of(r, "name");
    bool data = text_of(r, "mode") == "data";
    if (address.empty() || type.empty() || (data_only && !data) || !seen_.insert(address).second) return;

    NativeResource res;
    res.type = data ? "data." + type : type;
    res.address = address;
    res.module = module_address;
    res.meta = Value::map();
    const Value* values = r.get("values");
    res.body = values && values->is_map() ? *values : Value::map(r.where);

    auto change = changes_.find(address);
    if (change != changes_.end()) {
      if (const Value* unknown = change->second->get("after_unknown")) plan::apply_unknown(res.body, *unknown);
      if (const Value* sensitive = change->second->get("after_sensitive")) plan::apply_sensitive(res.body, *sensitive);
    }
    if (const Value* sensitive = r.get("sensitive_values")) plan::apply_sensitive(res.body, *sensitive);

    if (auto source = source_by_address_.find(address); source != source_by_address_.end()) {
      plan::align_with_source(res.body, source->second->body);
      if (source->second->declaration.valid()) res.declaration = source->second->declaration;
    }
    std::string config_module = strip_instance_keys(module_address);
    std::string local_key = (data ? "data." : "") + type + "." + name;
    auto module = config_.find(config_module);
    if (module != config_.end()) {
      if (const Value* config = find_config_resource(module->second, local_key)) {
        if (const Value* expressions = config->get("expressions")) {
          plan::add_configuration_refs(res.body, *expressions,
                                       [&](const std::string& ref, const Range& where, std::vector<Ref>& out) {
                                         resolve_reference(ref, where, module_address, out, 0);
                                       });
        }
      }
      if (!res.declaration.valid() && !module->second.dir.empty()) res.declaration = declarations_.find(module->second.dir, local_key);
    }
    if (!res.declaration.valid()) {
      const Value* addr = r.get("address");
      res.declaration = addr ? addr->where : r.where;
    }
    plan::decode_policy_strings(res.body);
    unit_.resources.push_back(std::move(res));
  }

  // A reference written in the module at `module_address`: a resource of that module, or a
  // module variable, followed to what the calling module passes in.
  void resolve_reference(const std::string& ref, const Range& where, const std::string& module_address,
                         std::vector<Ref>& out, int depth) {
    std::string address, attribute;
    if (plan::parse_reference(ref, address, attribute)) {
      out.push_back(Ref{module_address.empty() ? address : module_address + "." + address, attribute, where});
      return;
    }
    if (ref.rfind("var.", 0) != 0 || module_address.empty() || depth > 16) return;
    std::string variable = ref.substr(4, ref.find_first_of(".[", 4) - 4);
    auto [parent, call] = split_module_address(module_address);
    auto parent_config = config_.find(strip_instance_keys(parent));
    if (parent_config == config_.end() || !parent_config->second.config) return;
    const Value* refs = parent_config->second.config->at("module_calls/" + call + "/expressions/" + variable + "/references");
    if (!refs || !refs->is_list()) return;
    for (const auto& r : refs->items) {
      if (r.is_string()) resolve_reference(r.text, r.where, parent, out, depth + 1);
    }
  }

  // "module.a[0].module.b" -> {"module.a[0]", "b"}.
  static std::pair<std::string, std::string> split_module_address(const std::string& address) {
    size_t cut = address.rfind("module.");
    while (cut != std::string::npos && cut > 0 && address[cut - 1] != '.') cut = address.rfind("module.", cut - 1);
    if (cut == std::string::npos) return {"", ""};
    std::string parent = cut == 0 ? "" : address.substr(0, cut - 1);
    std::string call = strip_instance_keys(address.substr(cut + 7));
    return {parent, call};
  }

  const FileProvider& fs_;
  LoadedUnit& unit_;
  LoadedUnit sources_;
  std::map<std::string, const NativeResource*> source_by_address_;
  std::string dir_;
  BlockDeclarations declarations_;
  std::map<std::string, const Value*> changes_;
  std::map<std::string, ConfigModule> config_;
  std::set<std::string> seen_;
};

Diagnostic file_error(const SourceFile& file, std::string message) {
  return Diagnostic{Diagnostic::Kind::ParseError, Range{&file, 0, 0}, std::move(message)};
}

}  // namespace

LoadedUnit load_plan(const std::string& path, const FileProvider& fs) {
  LoadedUnit unit;
  unit.name = path;
  unit.format = "terraform-plan";
  auto text = fs.read(path);
  auto file = std::make_shared<const SourceFile>(path, text ? std::move(*text) : std::string());
  unit.files.push_back(file);
  if (!text) {
    unit.diagnostics.push_back(file_error(*file, "cannot read the plan file"));
    return unit;
  }
  json::ParseResult parsed = json::parse(*file);
  for (auto& d : parsed.diagnostics) unit.diagnostics.push_back(std::move(d));
  if (!parsed.ok()) return unit;
  const Value& root = parsed.value;
  if (!root.is_map() || !root.get("format_version")) {
    unit.diagnostics.push_back(file_error(*file, "not Terraform JSON output: no format_version"));
    return unit;
  }
  size_t slash = path.rfind('/');
  std::string dir = slash == std::string::npos ? "." : path.substr(0, slash);
  PlanLoader(fs, unit, dir).load(root);
  return unit;
}

}  // namespace eph::terraform
