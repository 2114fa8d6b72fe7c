// Configuration (.ephemera.yaml, client settings) and files changed outside the editor.
#include <filesystem>

#include "engine/disk_file_provider.h"
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

void Server::load_workspace_config() { workspace_config_ = Config{}; }

Config Server::effective_config() const {
  Config config = workspace_config_;
  if (client_settings_.min_severity) config.min_severity = client_settings_.min_severity;
  for (const auto& id : client_settings_.disabled_rules) config.rules[id].enabled = false;
  return config;
}

void Server::reanalyze_all() {
  std::set<std::string> seen;
  for (const auto& [path, doc] : documents_.all())
    if (seen.insert(unit_key_of(path)).second) schedule_unit_of(path);
}

void Server::on_did_change_configuration(const json& params) {
  json settings = params.is_object() ? params.value("settings", json()) : json();
  if (settings.is_object() && settings.contains("ephemera")) settings = settings["ephemera"];
  std::vector<std::string> problems;
  client_settings_ = parse_client_settings(settings, problems);
  for (const auto& p : problems) log(2, "ephemera: settings: " + p);
  scheduler_->set_debounce(client_settings_.debounce.value_or(options_.debounce));
  load_workspace_config();
  reanalyze_all();
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
    std::string name = std::filesystem::path(p).filename().string();
    if (name == ".ephemera.yaml") {
      load_workspace_config();
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
    reanalyze_all();
    return;
  }
  for (const auto& [path, doc] : documents_.all()) {
    if (units.erase(unit_key_of(path))) schedule_unit_of(path);
  }
}

}  // namespace eph::lsp
