// Configuration (.ephemera.yaml, client settings) and files changed outside the editor.
#include <algorithm>
#include <filesystem>

#include "core/disk_file_provider.h"
#include "custom/custom_rules.h"
#include "custom/rule_file.h"
#include "engine/config_resolution.h"
#include "lsp/json_rpc.h"
#include "lsp/server.h"
#include "lsp/unit_resolver.h"
#include "lsp/uri.h"

namespace eph::lsp {

using nlohmann::json;

ClientSettings parse_client_settings(const json& settings, std::vector<std::string>& problems) {
  ClientSettings out;
  if (!settings.is_object()) return out;
  if (auto it = settings.find("minSeverity"); it != settings.end() && !it->is_null()) {
    auto s = it->is_string() ? parse_severity(it->get<std::string>()) : std::nullopt;
    if (s) out.min_severity = s;
    else problems.push_back("minSeverity must be one of critical, high, medium, low, info");
  }
  if (auto it = settings.find("disabledRules"); it != settings.end() && !it->is_null()) {
    if (!it->is_array()) problems.push_back("disabledRules must be an array of rule ids");
    else
      for (const auto& id : *it) {
        if (id.is_string()) out.disabled_rules.insert(id.get<std::string>());
        else problems.push_back("disabledRules must hold strings");
      }
  }
  if (auto it = settings.find("debounceMs"); it != settings.end() && !it->is_null()) {
    if (it->is_number_integer() && it->get<int64_t>() >= 0 && it->get<int64_t>() <= 10000)
      out.debounce = std::chrono::milliseconds(it->get<int64_t>());
    else problems.push_back("debounceMs must be an integer from 0 to 10000");
  }
  return out;
}

bool is_config_path(const std::string& path) {
  std::string name = std::filesystem::path(path).filename().string();
  if (name.size() > custom::kRuleFileSuffix.size() && name.ends_with(custom::kRuleFileSuffix)) return true;
  for (const char* config_name : kConfigFileNames)
    if (name == config_name) return true;
  return false;
}

const Config& Server::file_config(const std::string& config_path) {
  auto cached = config_of_file_.find(config_path);
  if (cached != config_of_file_.end()) return cached->second;
  Config config;
  // Rule files are read from their unsaved buffers first; in BuffersOnly mode only from those.
  config.read_rule_file = [this](const std::string& path) -> std::optional<std::string> {
    if (const OpenDocument* open = documents_.find(normalize_path(path))) return open->text->text();
    if (options_.files != FileAccess::Workspace) return std::nullopt;
    return PathConfinement(workspace_roots_).read_named_file(path);
  };
  std::vector<ConfigError> errors;
  bool ok = false;
  if (const OpenDocument* open = documents_.find(config_path)) ok = parse_config(config_path, open->text->text(), config, errors);
  else if (options_.files == FileAccess::Workspace) ok = load_config_file(config_path, config, errors, PathConfinement(workspace_roots_));
  else ok = true;  // BuffersOnly: a closed file is not read, the defaults apply
  // A broken file is shown, not half-applied: analysis goes on with the defaults meanwhile.
  // Errors in custom rule files only leave those rules out: one broken rule never stops the others.
  std::vector<ConfigError> own, of_rule_files;
  for (auto& e : errors) (e.path == config_path ? own : of_rule_files).push_back(std::move(e));
  bool only_rule_files = std::none_of(own.begin(), own.end(), [](const ConfigError& e) { return !e.warning; });
  if (!ok && !only_rule_files) config = Config{};
  config.read_rule_file = nullptr;  // it refers to this server; the jobs copy the configuration
  publish_config_errors(config_path, own);
  publish_rule_file_errors(config, of_rule_files);
  const Config& stored = config_of_file_.emplace(config_path, std::move(config)).first->second;
  install_workspace_custom_rules();
  return stored;
}

void Server::publish_rule_file_errors(const Config& config, const std::vector<ConfigError>& errors) {
  std::map<std::string, std::vector<ConfigError>> by_file;
  for (const auto& e : errors) by_file[e.path].push_back(e);
  if (config.custom_rules)
    for (const auto& file : config.custom_rules->files) by_file[file];  // clears what was fixed
  for (const auto& [file, list] : by_file) {
    if (list.empty() && !rule_files_with_errors_.count(file)) continue;
    json diagnostics = json::array();
    for (const auto& e : list) {
      json at = {{"line", e.line > 0 ? e.line - 1 : 0}, {"character", e.column > 0 ? e.column - 1 : 0}};
      diagnostics.push_back({{"range", {{"start", at}, {"end", at}}}, {"severity", 1}, {"source", "ephemera"},
                             {"code", "custom-rule"}, {"message", e.message}});
    }
    const OpenDocument* open = documents_.find(normalize_path(file));
    json params = {{"uri", open ? open->uri : path_to_uri(file)}, {"diagnostics", diagnostics}};
    if (open) params["version"] = open->version;
    send_(notification("textDocument/publishDiagnostics", std::move(params)));
    if (list.empty()) rule_files_with_errors_.erase(file);
    else rule_files_with_errors_.insert(file);
  }
}

void Server::install_workspace_custom_rules() {
  CustomRuleSet all;
  std::set<std::string> ids;
  for (const auto& [path, config] : config_of_file_) {
    if (!config.custom_rules) continue;
    for (size_t i = 0; i < config.custom_rules->infos.size(); ++i) {
      if (!ids.insert(config.custom_rules->infos[i]->id).second) continue;  // another configuration's rule of that id runs
      all.infos.push_back(config.custom_rules->infos[i]);
      all.rules.push_back(config.custom_rules->rules[i]);
    }
  }
  install_custom_rules(all);
}

void Server::publish_config_errors(const std::string& config_path, const std::vector<ConfigError>& errors) {
  if (errors.empty() && !config_files_with_errors_.count(config_path)) return;
  json list = json::array();
  for (const auto& e : errors) {
    json at = {{"line", e.line > 0 ? e.line - 1 : 0}, {"character", e.column > 0 ? e.column - 1 : 0}};
    list.push_back({{"range", {{"start", at}, {"end", at}}},
                    {"severity", e.warning ? 2 : 1},
                    {"source", "ephemera"},
                    {"code", "config"},
                    {"message", e.message}});
  }
  const OpenDocument* open = documents_.find(config_path);
  json params = {{"uri", open ? open->uri : path_to_uri(config_path)}, {"diagnostics", list}};
  if (open) params["version"] = open->version;
  send_(notification("textDocument/publishDiagnostics", std::move(params)));
  if (errors.empty()) config_files_with_errors_.erase(config_path);
  else config_files_with_errors_.insert(config_path);
}

std::optional<std::string> Server::find_open_config_file(const std::string& dir) const {
  // The same walk as on disk (config_resolution.h), over the open buffers.
  return nearest_config_file(dir, [&](const std::string& path) { return documents_.find(path) != nullptr; });
}

Config Server::effective_config(const std::string& document_path) {
  // The configuration of the document's unit, resolved as `ephemera scan` resolves it.
  std::string dir = document_unit_directory(document_path);
  auto found = config_file_of_dir_.find(dir);
  if (found == config_file_of_dir_.end()) {
    std::optional<std::string> file =
        options_.files == FileAccess::Workspace ? find_config_file(dir) : find_open_config_file(dir);
    if (file) file = normalize_path(*file);
    found = config_file_of_dir_.emplace(dir, std::move(file)).first;
  }
  Config config = found->second ? file_config(*found->second) : Config{};
  // Custom rules of other configurations do not apply here.
  for (const auto& entry : all_rules()) {
    if (!entry.info->custom()) continue;
    bool own = config.custom_rules && std::any_of(config.custom_rules->infos.begin(), config.custom_rules->infos.end(),
                                                  [&](const auto& info) { return info.get() == entry.info; });
    if (!own) config.rules[entry.info->id].enabled = false;
  }
  if (client_settings_.min_severity) config.min_severity = client_settings_.min_severity;
  for (const auto& id : client_settings_.disabled_rules) config.rules[id].enabled = false;
  return config;
}

void Server::configuration_changed() {
  config_file_of_dir_.clear();
  config_of_file_.clear();
  install_workspace_custom_rules();  // none until the configurations are read again
  std::set<std::string> had_errors = config_files_with_errors_;
  reanalyze_all();
  // A configuration file no document uses any more still gets its errors refreshed.
  for (const auto& path : had_errors)
    if (!config_of_file_.count(path)) file_config(path);
}

void Server::reanalyze_all() {
  std::set<std::string> seen;
  for (const auto& [path, doc] : documents_.all())
    if (!is_config_path(path) && seen.insert(unit_key_of(path)).second) schedule_unit_of(path);
}

void Server::on_did_change_configuration(const json& params) {
  json settings = params.is_object() ? params.value("settings", json()) : json();
  if (settings.is_object() && settings.contains("ephemera")) settings = settings["ephemera"];
  std::vector<std::string> problems;
  client_settings_ = parse_client_settings(settings, problems);
  for (const auto& p : problems) log(2, "ephemera: settings: " + p);
  scheduler_->set_debounce(client_settings_.debounce ? client_settings_.debounce : options_.debounce);
  configuration_changed();
}

void Server::on_did_change_watched_files(const json& params) {
  const json& changes = require_field(params, "changes", json::value_t::array);
  bool everything = false;
  std::set<std::string> units;
  for (const auto& change : changes) {
    if (!change.is_object() || !change.contains("uri") || !change["uri"].is_string()) continue;
    auto path = uri_to_path(change["uri"].get<std::string>());
    if (!path) continue;
    std::string p = normalize_path(*path);
    if (is_config_path(p)) {
      everything = true;
    } else if (is_terraform_path(p)) {
      // A child module or a shared tfvars may feed any open module: re-check them all.
      for (const auto& [open, doc] : documents_.all())
        if (is_terraform_path(open)) units.insert(unit_key_of(open));
    } else {
      units.insert(unit_key_of(p));
    }
  }
  if (everything) {
    configuration_changed();
    return;
  }
  for (const auto& [path, doc] : documents_.all()) {
    if (units.erase(unit_key_of(path))) schedule_unit_of(path);
  }
}

}  // namespace eph::lsp
