#include "lsp/server.h"

#include "core/disk_file_provider.h"
#include "lsp/json_rpc.h"
#include "lsp/uri.h"

namespace eph::lsp {

using nlohmann::json;

Server::Server(Send send, ServerOptions options, AnalyzeFunction analyze_fn)
    : send_(std::move(send)), options_(options) {
  scheduler_ = std::make_unique<AnalysisScheduler>(
      [this](const std::string& method, json params) { send_(notification(method, std::move(params))); },
      std::move(analyze_fn), options_.analysis, options_.files);
  scheduler_->set_debounce(options_.debounce);
}

Server::~Server() { scheduler_->stop(); }

void Server::log(int type, const std::string& message) {
  send_(notification("window/logMessage", {{"type", type}, {"message", message}}));
}

void Server::framing_error(const std::string& problem) {
  send_(error_response(nullptr, kParseError, "malformed message: " + problem));
}

void Server::cancelled(const json& id) { send_(error_response(id, kRequestCancelled, "request cancelled")); }

void Server::handle(const std::string& body) {
  json message = json::parse(body, nullptr, false);
  if (message.is_discarded()) {
    send_(error_response(nullptr, kParseError, "invalid JSON"));
    return;
  }
  handle(message);
}

void Server::handle(const json& message) {
  if (exited_) return;
  if (!message.is_object()) {
    send_(error_response(nullptr, kInvalidRequest, "a message must be a JSON object (batches are not part of LSP)"));
    return;
  }
  auto id_it = message.find("id");
  bool has_id = id_it != message.end();
  json id = has_id ? *id_it : json();
  if (has_id && !id.is_string() && !id.is_number_integer()) {
    send_(error_response(nullptr, kInvalidRequest, "'id' must be an integer or a string"));
    return;
  }
  auto method_it = message.find("method");
  if (method_it == message.end()) {
    // A response to one of our requests (a capability registration): nothing waits on it.
    if (!has_id) send_(error_response(nullptr, kInvalidRequest, "a message needs a 'method' or an 'id'"));
    return;
  }
  if (!method_it->is_string()) {
    if (has_id) send_(error_response(id, kInvalidRequest, "'method' must be a string"));
    return;
  }
  auto version = message.find("jsonrpc");
  if (version == message.end() || *version != "2.0") {
    if (has_id) send_(error_response(id, kInvalidRequest, "'jsonrpc' must be \"2.0\""));
    return;
  }
  const std::string& method = method_it->get_ref<const std::string&>();
  json params = message.value("params", json::object());
  if (!params.is_object() && !params.is_array() && !params.is_null()) {
    if (has_id) send_(error_response(id, kInvalidParams, "'params' must be an object or an array"));
    return;
  }
  if (has_id) dispatch_request(id, method, params);
  else dispatch_notification(method, params);
}

void Server::dispatch_request(const json& id, const std::string& method, const json& params) {
  static const std::map<std::string, Handler, std::less<>> handlers = {
      {"initialize", &Server::on_initialize},
      {"shutdown", &Server::on_shutdown},
      {"textDocument/hover", &Server::on_hover},
      {"textDocument/codeAction", &Server::on_code_action},
  };
  if (!initialized_ && method != "initialize") {
    send_(error_response(id, kServerNotInitialized, "the server is not initialized"));
    return;
  }
  if (shutdown_) {
    send_(error_response(id, kInvalidRequest, "the server is shutting down"));
    return;
  }
  auto it = handlers.find(method);
  if (it == handlers.end()) {
    send_(error_response(id, kMethodNotFound, "method not found: " + method));
    return;
  }
  try {
    send_(response(id, (this->*(it->second))(params)));
  } catch (const RpcError& e) {
    send_(error_response(id, e.code, e.what()));
  } catch (const json::exception& e) {
    send_(error_response(id, kInvalidParams, std::string("invalid params: ") + e.what()));
  } catch (const std::exception& e) {
    send_(error_response(id, kInternalError, std::string("internal error: ") + e.what()));
  }
}

void Server::dispatch_notification(const std::string& method, const json& params) {
  static const std::map<std::string, NotificationHandler, std::less<>> handlers = {
      {"initialized", &Server::on_initialized},
      {"exit", &Server::on_exit},
      {"textDocument/didOpen", &Server::on_did_open},
      {"textDocument/didChange", &Server::on_did_change},
      {"textDocument/didSave", &Server::on_did_save},
      {"textDocument/didClose", &Server::on_did_close},
      {"workspace/didChangeConfiguration", &Server::on_did_change_configuration},
      {"workspace/didChangeWatchedFiles", &Server::on_did_change_watched_files},
  };
  // Before initialize only `exit` counts; after shutdown, only `exit`.
  if ((!initialized_ || shutdown_) && method != "exit") return;
  auto it = handlers.find(method);
  if (it == handlers.end()) return;  // unknown notifications and $/ messages are ignored
  try {
    (this->*(it->second))(params);
  } catch (const std::exception& e) {
    // A notification has no answer: the problem goes to the client's log.
    log(1, "ephemera: " + method + ": " + e.what());
  }
}

std::string Server::document_path(const json& params) const {
  const json& doc = require_object(params, "textDocument");
  const std::string& uri = require_string(doc, "uri");
  auto path = uri_to_path(uri);
  if (!path) throw RpcError(kInvalidParams, "not a local file URI: " + uri);
  return normalize_path(*path);
}

void Server::schedule_unit_of(const std::string& path, bool clear_only, const std::string& closed_uri) {
  AnalysisJob job;
  job.unit_key = unit_key_of(path);
  job.document_path = path;
  job.clear_only = clear_only;
  for (const auto& [p, doc] : documents_.all()) {
    job.overlays[p] = doc.text;
    job.open_uris[p] = doc.uri;
    job.versions[p] = doc.version;
  }
  if (!closed_uri.empty()) job.open_uris[path] = closed_uri;
  job.config = effective_config(path);
  job.roots = workspace_roots_;
  job.encoding = encoding_;
  job.trees = trees_.snapshot();
  scheduler_->schedule(std::move(job));
}

}  // namespace eph::lsp
