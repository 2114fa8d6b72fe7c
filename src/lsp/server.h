#pragma once
// The LSP server: method binding, lifecycle and the editor-facing state (open documents,
// configuration), thin over the engine. One file per method family:
// lifecycle.cpp, text_sync.cpp, hover.cpp, code_action.cpp, workspace.cpp.
#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "engine/config.h"
#include "engine/config_loader.h"
#include "lsp/analysis_scheduler.h"
#include "lsp/hcl_document_trees.h"
#include "lsp/open_documents.h"
#include "lsp/positions.h"

namespace eph::lsp {

struct ServerOptions {
  std::optional<std::chrono::milliseconds> debounce;  // fixed; nullopt: adaptive (debounce_policy.h)
  // Background for editors; Inline makes each handle() return with its analyses done and
  // published (deterministic, no threads or timers: tests, fuzzing).
  AnalysisMode analysis = AnalysisMode::Background;
  // BuffersOnly: analyses and the .ephemera.yaml lookup see the open documents and nothing on disk.
  FileAccess files = FileAccess::Workspace;
};

// Settings the client sends (initializationOptions, workspace/didChangeConfiguration),
// applied over the workspace's .ephemera.yaml.
struct ClientSettings {
  std::optional<Severity> min_severity;
  std::set<std::string> disabled_rules;
  std::optional<std::chrono::milliseconds> debounce;
};

class Server {
 public:
  using Send = std::function<void(const nlohmann::json& message)>;

  Server(Send send, ServerOptions options, AnalyzeFunction analyze_fn = eph::analyze);
  ~Server();

  // Handles one message body (a JSON-RPC request, notification or response).
  void handle(const std::string& body);
  void handle(const nlohmann::json& message);
  // A framing problem met by the transport: answered with a ParseError (id null).
  void framing_error(const std::string& problem);
  // Answers a request that was cancelled before it ran.
  void cancelled(const nlohmann::json& id);

  bool exited() const { return exited_; }
  // The process exit code LSP asks for: 0 after shutdown then exit, 1 otherwise.
  int exit_code() const { return shutdown_ ? 0 : 1; }
  // Waits for pending analyses (tests, benchmarks).
  bool wait_idle(std::chrono::milliseconds timeout) { return scheduler_->wait_idle(timeout); }

 private:
  using Handler = nlohmann::json (Server::*)(const nlohmann::json& params);
  using NotificationHandler = void (Server::*)(const nlohmann::json& params);

  void dispatch_request(const nlohmann::json& id, const std::string& method, const nlohmann::json& params);
  void dispatch_notification(const std::string& method, const nlohmann::json& params);

  // lifecycle.cpp
  nlohmann::json on_initialize(const nlohmann::json& params);
  void on_initialized(const nlohmann::json& params);
  nlohmann::json on_shutdown(const nlohmann::json& params);
  void on_exit(const nlohmann::json& params);
  // text_sync.cpp
  void on_did_open(const nlohmann::json& params);
  void on_did_change(const nlohmann::json& params);
  void on_did_save(const nlohmann::json& params);
  void on_did_close(const nlohmann::json& params);
  // hover.cpp
  nlohmann::json on_hover(const nlohmann::json& params);
  // code_action.cpp
  nlohmann::json on_code_action(const nlohmann::json& params);
  // workspace.cpp
  void on_did_change_configuration(const nlohmann::json& params);
  void on_did_change_watched_files(const nlohmann::json& params);
  // The nearest .ephemera.yaml of a document (its unsaved buffer when open) with the
  // client's settings over it. Errors in the file are shown as its diagnostics.
  Config effective_config(const std::string& document_path);
  // FileAccess::BuffersOnly: the nearest open .ephemera.yaml of `dir` (the disk is not looked at).
  std::optional<std::string> find_open_config_file(const std::string& dir) const;
  const Config& file_config(const std::string& config_path);
  void publish_config_errors(const std::string& config_path, const std::vector<ConfigError>& errors);
  // After any change to a configuration file or the settings: re-read and re-analyse.
  void configuration_changed();
  void reanalyze_all();
  // Custom rules: the rules of every configuration read so far join the built-in rules;
  // the errors of their rule files are published on those files.
  void install_workspace_custom_rules();
  void publish_rule_file_errors(const Config& config, const std::vector<ConfigError>& errors);

  // The local path of params.textDocument.uri (InvalidParams when it is not a file URI).
  std::string document_path(const nlohmann::json& params) const;
  void schedule_unit_of(const std::string& path, bool clear_only = false, const std::string& closed_uri = {});
  void log(int type, const std::string& message);

  Send send_;
  ServerOptions options_;
  std::unique_ptr<AnalysisScheduler> scheduler_;
  OpenDocuments documents_;
  HclDocumentTrees trees_;
  PositionEncoding encoding_ = PositionEncoding::Utf16;
  std::vector<std::string> workspace_roots_;
  std::map<std::string, std::optional<std::string>> config_file_of_dir_;  // document dir -> nearest config file
  std::map<std::string, Config> config_of_file_;                          // config file -> its settings
  std::set<std::string> config_files_with_errors_;                         // their diagnostics are up
  std::set<std::string> rule_files_with_errors_;                           // custom rule files, likewise
  ClientSettings client_settings_;
  bool initialized_ = false;  // `initialize` answered
  bool shutdown_ = false;
  bool exited_ = false;
  bool watch_registration_ = false;  // the client can watch files for us
  int next_request_id_ = 1;
};

// Reads ClientSettings from an `ephemera` settings object; unknown keys are ignored,
// mistyped ones reported in `problems`.
ClientSettings parse_client_settings(const nlohmann::json& settings, std::vector<std::string>& problems);

// True for .ephemera.yaml / .ephemera.yml, and custom rule files (*.rule.yaml): editing
// either re-reads the configuration and re-analyses every open document.
bool is_config_path(const std::string& path);

}  // namespace eph::lsp
