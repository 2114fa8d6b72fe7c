#include "terraform/unit_loader.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>

#include "core/partly_known.h"
#include "terraform/functions/document_decoding.h"
#include "terraform/hcl_config_builder.h"
#include "terraform/module_config_cache.h"
#include "terraform/module_instance.h"
#include "terraform/variable_values.h"

namespace eph::terraform {

std::string normalize_path(const std::string& path) {
  std::string s = std::filesystem::path(path).lexically_normal().generic_string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s.empty() ? "." : s;
}

UnitLoader::UnitLoader(std::string root_dir, const FileProvider& fs)
    : root_dir_(normalize_path(root_dir)), fs_(fs), env_(unit_.diagnostics) {
  env_.functions.fs = &fs_;
  // Terraform resolves file() paths against the working directory, which is the root
  // module's directory; path.module is relative to it.
  env_.functions.module_dir = root_dir_;
  env_.functions.diagnostics = &unit_.diagnostics;
  env_.functions.render_template = [this](const SourceFilePtr& file, const Value& vars) {
    return render_template(file, vars);
  };
  env_.functions.adopt_file = [this](const std::string& path, std::string text) { return adopt(path, std::move(text)); };
}

SourceFilePtr UnitLoader::adopt(const std::string& path, std::string text) {
  auto it = files_by_path_.find(path);
  if (it != files_by_path_.end() && it->second->text() == text) return it->second;
  auto file = std::make_shared<const SourceFile>(path, std::move(text));
  files_by_path_[path] = file;
  unit_.files.push_back(file);
  return file;
}

const ModuleConfig* UnitLoader::read_config(const std::string& dir, const std::vector<std::string>& names) {
  std::vector<std::pair<std::string, std::string>> texts;
  for (const std::string& name : names) {
    std::string path = name.find('/') != std::string::npos ? name : join_path(dir, name);
    if (auto text = fs_.read(path)) texts.emplace_back(path, std::move(*text));
  }
  std::shared_ptr<const ModuleConfig> config = ModuleConfigCache::shared().get(dir, std::move(texts),
                                                                              dynamic_cast<const hcl::ParsedHclTrees*>(&fs_));
  for (const ConfigFile& f : config->files) {
    if (files_by_path_.emplace(f.file->path(), f.file).second) unit_.files.push_back(f.file);
  }
  for (const Diagnostic& d : config->diagnostics) unit_.diagnostics.push_back(d);
  const ModuleConfig* out = config.get();
  configs_[dir] = std::move(config);
  return out;
}

const ModuleConfig* UnitLoader::config_for(const std::string& dir) {
  auto it = configs_.find(dir);
  if (it != configs_.end()) return it->second.get();
  if (!fs_.is_directory(dir)) return nullptr;
  std::vector<std::string> names;
  for (const std::string& name : fs_.list(dir, true))
    if (is_config_file_name(name)) names.push_back(name);
  return read_config(dir, names);
}

std::optional<std::string> UnitLoader::manifest_dir(const std::string& key_path) {
  if (!manifest_) {
    manifest_.emplace();
    if (auto text = fs_.read(join_path(root_dir_, ".terraform/modules/modules.json"))) {
      nlohmann::json j = nlohmann::json::parse(*text, nullptr, false);
      if (j.is_object() && j.contains("Modules") && j["Modules"].is_array()) {
        for (const auto& m : j["Modules"]) {
          if (!m.is_object() || !m.contains("Key") || !m.contains("Dir")) continue;
          if (!m["Key"].is_string() || !m["Dir"].is_string()) continue;
          std::string d = m["Dir"].get<std::string>();
          (*manifest_)[m["Key"].get<std::string>()] = normalize_path(join_path(root_dir_, d));
        }
      }
    }
  }
  auto it = manifest_->find(key_path);
  if (it == manifest_->end()) return std::nullopt;
  return it->second;
}

Value UnitLoader::render_template(const SourceFilePtr& file, const Value& vars) {
  auto it = templates_.find(file.get());
  if (it == templates_.end()) {
    ExprPtr parsed = parse_template(file->text(), file.get(), 0, Range{file.get(), 0, 0}, unit_.diagnostics);
    it = templates_.emplace(file.get(), std::move(parsed)).first;
  }
  ExpressionEvaluator ev(env_, nullptr);
  if (vars.is_map())
    for (const auto& f : vars.fields) ev.bind(f.key, f.value);
  std::vector<Value> unknown_parts;
  ev.record_unknown_parts(&unknown_parts);
  Value out = ev.eval(*it->second);
  ev.record_unknown_parts(nullptr);
  if (std::string_view pattern = known_pattern(out); !pattern.empty()) {
    // A document rendered with unknown values (an ARN computed at apply time): its shape
    // and literals are known, and each unknown part keeps its references.
    out.decoded = fn::decode_rendered_template(pattern, unknown_parts, *file, out.where);
    return out;
  }
  // A template renders to a string even when it is a single interpolation.
  if (out.kind == Kind::Number || out.kind == Kind::Bool) {
    Value s = Value::string_of(out.display(), out.where);
    s.marks = out.marks;
    s.refs = std::move(out.refs);
    return s;
  }
  return out;
}

LoadedUnit UnitLoader::load(const std::vector<std::string>& files, const TerraformInputs& inputs) {
  unit_.name = root_dir_;
  unit_.format = "terraform";
  std::vector<std::string> names = files;
  if (names.empty()) {
    for (const std::string& name : fs_.list(root_dir_, true))
      if (is_config_file_name(name)) names.push_back(name);
  }
  auto adopt_fn = [this](const std::string& path, std::string text) { return adopt(path, std::move(text)); };
  const ModuleConfig& root_config = *read_config(root_dir_, names);

  VariableValues values = root_variable_values(root_config, fs_, inputs, adopt_fn, env_);
  {
    ModuleInstance root(*this, root_config, "", "", {root_dir_}, std::move(values), 0);
    root.evaluate_all();
    root.emit(unit_.resources);
    root.emit_outputs(unit_.resources);
  }
  // A module instantiated several times reports its problems once.
  std::set<std::tuple<const SourceFile*, uint32_t, uint32_t, std::string>> seen;
  std::vector<Diagnostic> unique;
  for (auto& d : unit_.diagnostics)
    if (seen.emplace(d.range.file, d.range.begin, d.range.end, d.message).second) unique.push_back(std::move(d));
  unit_.diagnostics = std::move(unique);
  return std::move(unit_);
}

}  // namespace eph::terraform
