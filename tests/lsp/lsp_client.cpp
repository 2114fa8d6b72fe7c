#include "lsp/lsp_client.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>
#include <thread>

namespace eph::testing {

using Clock = std::chrono::steady_clock;

LspClient::LspClient(const std::vector<std::string>& argv) {
  int in[2], out[2];
  if (pipe(in) != 0 || pipe(out) != 0) throw std::runtime_error("pipe failed");
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    dup2(in[0], STDIN_FILENO);
    dup2(out[1], STDOUT_FILENO);
    close(in[0]), close(in[1]), close(out[0]), close(out[1]);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  close(in[0]);
  close(out[1]);
  to_child_ = in[1];
  from_child_ = out[0];
  signal(SIGPIPE, SIG_IGN);  // a server that died must fail the test, not kill it
}

LspClient::~LspClient() {
  if (to_child_ >= 0) close(to_child_);
  if (pid_ > 0 && exit_status_ < 0 && wait_exit(std::chrono::seconds(2)) < 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  if (from_child_ >= 0) close(from_child_);
}

void LspClient::send_raw(const std::string& bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = write(to_child_, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    done += static_cast<size_t>(n);
  }
}

void LspClient::send(const nlohmann::json& message) {
  std::string body = message.dump();
  send_raw("Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
}

int LspClient::request(const std::string& method, nlohmann::json params) {
  int id = next_id_++;
  send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
  return id;
}

void LspClient::notify(const std::string& method, nlohmann::json params) {
  send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
}

void LspClient::close_input() {
  if (to_child_ >= 0) close(to_child_);
  to_child_ = -1;
}

bool LspClient::fill(Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  if (left < 0) return false;
  pollfd p{from_child_, POLLIN, 0};
  int r = poll(&p, 1, static_cast<int>(left));
  if (r <= 0) return false;
  char chunk[65536];
  ssize_t n = read(from_child_, chunk, sizeof chunk);
  if (n <= 0) return false;
  buffer_.append(chunk, static_cast<size_t>(n));
  return true;
}

std::optional<nlohmann::json> LspClient::read_message(Clock::time_point deadline) {
  for (;;) {
    size_t header_end = buffer_.find("\r\n\r\n");
    if (header_end != std::string::npos) {
      size_t at = buffer_.find("Content-Length: ");
      if (at == std::string::npos || at > header_end) throw std::runtime_error("server sent a header without length");
      size_t length = std::stoul(buffer_.substr(at + 16, header_end - at - 16));
      if (buffer_.size() >= header_end + 4 + length) {
        std::string body = buffer_.substr(header_end + 4, length);
        buffer_.erase(0, header_end + 4 + length);
        return nlohmann::json::parse(body);
      }
    }
    if (!fill(deadline)) return std::nullopt;
  }
}

std::optional<nlohmann::json> LspClient::next(std::chrono::milliseconds timeout) {
  if (!backlog_.empty()) {
    auto m = std::move(backlog_.front());
    backlog_.pop_front();
    return m;
  }
  return read_message(Clock::now() + timeout);
}

std::optional<nlohmann::json> LspClient::wait_for(const std::function<bool(const nlohmann::json&)>& match,
                                                  std::chrono::milliseconds timeout) {
  for (auto it = backlog_.begin(); it != backlog_.end(); ++it) {
    if (match(*it)) {
      auto m = std::move(*it);
      backlog_.erase(it);
      return m;
    }
  }
  auto deadline = Clock::now() + timeout;
  for (;;) {
    auto m = read_message(deadline);
    if (!m) return std::nullopt;
    if (match(*m)) return m;
    backlog_.push_back(std::move(*m));
  }
}

std::optional<nlohmann::json> LspClient::response(int id, std::chrono::milliseconds timeout) {
  return wait_for([id](const nlohmann::json& m) { return m.contains("id") && m["id"] == id && !m.contains("method"); },
                  timeout);
}

std::optional<nlohmann::json> LspClient::diagnostics(const std::string& uri, std::chrono::milliseconds timeout) {
  return wait_for(
      [&](const nlohmann::json& m) {
        return m.value("method", "") == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri;
      },
      timeout);
}

int LspClient::wait_exit(std::chrono::milliseconds timeout) {
  if (exit_status_ >= 0) return exit_status_;
  auto deadline = Clock::now() + timeout;
  while (Clock::now() < deadline) {
    int status = 0;
    pid_t r = waitpid(pid_, &status, WNOHANG);
    if (r == pid_) {
      exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      return exit_status_;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return -1;
}

bool LspClient::running() {
  if (exit_status_ >= 0) return false;
  int status = 0;
  pid_t r = waitpid(pid_, &status, WNOHANG);
  if (r == pid_) {
    exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return false;
  }
  return true;
}

}  // namespace eph::testing
