#pragma once
// A minimal LSP client for tests and benchmarks: runs `ephemera lsp` as a child process
// and speaks the framed protocol over its stdin/stdout, with timeouts on every read.
#include <sys/types.h>

#include <chrono>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace eph::testing {

class LspClient {
 public:
  explicit LspClient(const std::vector<std::string>& argv);
  ~LspClient();
  LspClient(const LspClient&) = delete;
  LspClient& operator=(const LspClient&) = delete;

  void send(const nlohmann::json& message);
  void send_raw(const std::string& bytes);
  int request(const std::string& method, nlohmann::json params);  // returns the id used
  void notify(const std::string& method, nlohmann::json params);
  void close_input();

  // The next message from the server, or nullopt on timeout or end of output.
  std::optional<nlohmann::json> next(std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // The next message satisfying `match`; messages skipped on the way are kept for later reads.
  std::optional<nlohmann::json> wait_for(const std::function<bool(const nlohmann::json&)>& match,
                                         std::chrono::milliseconds timeout = std::chrono::seconds(10));
  std::optional<nlohmann::json> response(int id, std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // The next publishDiagnostics for `uri`.
  std::optional<nlohmann::json> diagnostics(const std::string& uri,
                                            std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // Messages already received and not yet consumed.
  std::deque<nlohmann::json>& backlog() { return backlog_; }

  // Waits for the process to end; its exit status, or -1 on timeout.
  int wait_exit(std::chrono::milliseconds timeout = std::chrono::seconds(10));
  bool running();

 private:
  std::optional<nlohmann::json> read_message(std::chrono::steady_clock::time_point deadline);
  bool fill(std::chrono::steady_clock::time_point deadline);

  pid_t pid_ = -1;
  int to_child_ = -1, from_child_ = -1;
  std::string buffer_;
  std::deque<nlohmann::json> backlog_;
  int next_id_ = 1;
  int exit_status_ = -1;
};

}  // namespace eph::testing
