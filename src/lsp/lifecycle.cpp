// initialize / initialized / shutdown / exit: capabilities and position-encoding negotiation.
#include "core/disk_file_provider.h"
#include "core/version.h"
#include "formats/registry.h"
#include "lsp/json_rpc.h"
#include "lsp/server.h"
#include "lsp/uri.h"

namespace eph::lsp {

using nlohmann::json;

namespace {

PositionEncoding negotiate_encoding(const json& params) {
  // UTF-8 saves the conversion on both sides; UTF-16 is what every client understands.
  const json* encodings = nullptr;
  if (auto caps = params.find("capabilities"); caps != params.end() && caps->is_object())
    if (auto general = caps->find("general"); general != caps->end() && general->is_object())
      if (auto list = general->find("positionEncodings"); list != general->end() && list->is_array())
        encodings = &*list;
  if (encodings)
    for (const auto& e : *encodings)
      if (e == "utf-8") return PositionEncoding::Utf8;
  return PositionEncoding::Utf16;
}

bool can_register_watchers(const json& params) {
  const json* p = &params;
  for (const char* key : {"capabilities", "workspace", "didChangeWatchedFiles"}) {
    auto it = p->find(key);
    if (it == p->end() || !it->is_object()) return false;
    p = &*it;
  }
  return p->value("dynamicRegistration", false) == true;
}

void add_root(std::vector<std::string>& roots, const json& uri) {
  if (!uri.is_string()) return;
  if (auto path = uri_to_path(uri.get<std::string>())) roots.push_back(normalize_path(*path));
}

}  // namespace

json Server::on_initialize(const json& params) {
  if (initialized_) throw RpcError(kInvalidRequest, "initialize was already received");
  if (!params.is_object()) throw RpcError(kInvalidParams, "initialize needs an object of parameters");
  encoding_ = negotiate_encoding(params);
  watch_registration_ = can_register_watchers(params);
  if (auto folders = params.find("workspaceFolders"); folders != params.end() && folders->is_array()) {
    for (const auto& f : *folders)
      if (f.is_object()) add_root(workspace_roots_, f.value("uri", json()));
  }
  if (workspace_roots_.empty()) {
    if (auto root = params.find("rootUri"); root != params.end()) add_root(workspace_roots_, *root);
  }
  if (workspace_roots_.empty()) {
    if (auto root = params.find("rootPath"); root != params.end() && root->is_string() && !root->get<std::string>().empty())
      workspace_roots_.push_back(normalize_path(root->get<std::string>()));
  }
  if (auto options = params.find("initializationOptions"); options != params.end() && options->is_object()) {
    std::vector<std::string> problems;
    client_settings_ = parse_client_settings(*options, problems);
    for (const auto& p : problems) log(2, "ephemera: initializationOptions: " + p);
    if (client_settings_.debounce) scheduler_->set_debounce(*client_settings_.debounce);
  }
  initialized_ = true;
  json capabilities = {
      {"positionEncoding", encoding_name(encoding_)},
      {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
      {"hoverProvider", true},
      {"codeActionProvider", {{"codeActionKinds", json::array({"quickfix"})}}},
  };
  return {{"capabilities", capabilities}, {"serverInfo", {{"name", "ephemera"}, {"version", eph::version()}}}};
}

void Server::on_initialized(const json&) {
  if (!watch_registration_) return;
  // Files changed outside the editor (git checkout, terraform fmt) and .ephemera.yaml.
  json watchers = json::array();
  for (const auto& glob : watched_source_globs()) watchers.push_back({{"globPattern", glob}});
  watchers.push_back({{"globPattern", "**/.ephemera.yaml"}});
  send_({{"jsonrpc", "2.0"},
         {"id", "ephemera/register-watchers-" + std::to_string(next_request_id_++)},
         {"method", "client/registerCapability"},
         {"params",
          {{"registrations", json::array({{{"id", "ephemera-watched-files"},
                                           {"method", "workspace/didChangeWatchedFiles"},
                                           {"registerOptions", {{"watchers", watchers}}}}})}}}});
}

json Server::on_shutdown(const json&) {
  shutdown_ = true;
  scheduler_->stop();
  return nullptr;
}

void Server::on_exit(const json&) { exited_ = true; }

}  // namespace eph::lsp
