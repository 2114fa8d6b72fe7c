#include "lsp/stdio_loop.h"

#include <unistd.h>

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

#include "lsp/json_rpc.h"
#include "lsp/transport.h"

namespace eph::lsp {
namespace {

struct Incoming {
  Transport::ReadStatus status;
  nlohmann::json message;  // discarded when the body was not JSON
  std::string problem;
};

// Messages read ahead of the loop, so a `$/cancelRequest` can reach a request still waiting.
struct Inbox {
  std::mutex mutex;
  std::condition_variable ready;
  std::deque<Incoming> queue;
  bool closed = false;
};

Incoming read_one(Transport& transport) {
  std::string body, problem;
  Transport::ReadStatus status = transport.read(body, problem);
  Incoming in{status, nlohmann::json(), problem};
  if (status == Transport::ReadStatus::Message) in.message = nlohmann::json::parse(body, nullptr, false);
  return in;
}

void read_loop(std::shared_ptr<Transport> transport, std::shared_ptr<Inbox> inbox) {
  for (;;) {
    // Everything already buffered is queued together: a cancel sent right after its
    // request is seen before the request runs.
    std::vector<Incoming> batch;
    do {
      batch.push_back(read_one(*transport));
    } while (batch.back().status != Transport::ReadStatus::Eof && transport->has_buffered_message());
    bool eof = batch.back().status == Transport::ReadStatus::Eof;
    {
      std::lock_guard<std::mutex> lock(inbox->mutex);
      for (auto& in : batch)
        if (in.status != Transport::ReadStatus::Eof) inbox->queue.push_back(std::move(in));
      if (eof) inbox->closed = true;
    }
    inbox->ready.notify_all();
    if (eof) return;
  }
}

bool cancel_waiting(Inbox& inbox, const nlohmann::json& id) {
  std::lock_guard<std::mutex> lock(inbox.mutex);
  for (const auto& in : inbox.queue) {
    const auto& m = in.message;
    if (in.status != Transport::ReadStatus::Message || !m.is_object()) continue;
    if (m.value("method", nlohmann::json()) != "$/cancelRequest") continue;
    auto params = m.find("params");
    if (params != m.end() && params->is_object() && params->value("id", nlohmann::json()) == id) return true;
  }
  return false;
}

}  // namespace

int serve_stdio(const ServerOptions& options) {
  auto transport = std::make_shared<Transport>(STDIN_FILENO, STDOUT_FILENO);
  auto inbox = std::make_shared<Inbox>();
  Server server([transport](const nlohmann::json& message) { transport->write(message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)); },
                options);
  // Detached: it may sit in read() after `exit`; it owns what it touches.
  std::thread(read_loop, transport, inbox).detach();

  while (!server.exited()) {
    Incoming in;
    {
      std::unique_lock<std::mutex> lock(inbox->mutex);
      inbox->ready.wait(lock, [&] { return !inbox->queue.empty() || inbox->closed; });
      if (inbox->queue.empty()) break;  // end of input without `exit`
      in = std::move(inbox->queue.front());
      inbox->queue.pop_front();
    }
    switch (in.status) {
      case Transport::ReadStatus::BadHeader:
      case Transport::ReadStatus::Oversize:
        server.framing_error(in.problem);
        break;
      case Transport::ReadStatus::Eof:
        break;
      case Transport::ReadStatus::Message:
        if (in.message.is_discarded()) {
          server.framing_error("the body is not valid JSON");
          break;
        }
        if (in.message.is_object() && in.message.contains("method") && in.message.contains("id") &&
            cancel_waiting(*inbox, in.message["id"])) {
          server.cancelled(in.message["id"]);
          break;
        }
        server.handle(in.message);
        break;
    }
  }
  return server.exit_code();
}

}  // namespace eph::lsp
