#include <doctest/doctest.h>
#include <unistd.h>

#include <string>

#include "lsp/transport.h"

using eph::lsp::Transport;

namespace {
// Feeds `input` through a pipe (closed after it) and reads it with a Transport.
struct Piped {
  int fds[2];
  explicit Piped(const std::string& input) {
    REQUIRE(pipe(fds) == 0);
    REQUIRE(write(fds[1], input.data(), input.size()) == static_cast<ssize_t>(input.size()));
    close(fds[1]);
  }
  ~Piped() { close(fds[0]); }
};
}  // namespace

TEST_CASE("framed messages are read one by one, whatever the header spelling") {
  Piped in("Content-Length: 2\r\n\r\n{}content-length:3\r\nContent-Type: x\r\n\r\n[1]\r\n\r\nContent-Length: 1\n\n7");
  Transport t(in.fds[0], -1);
  std::string body, problem;
  REQUIRE(t.read(body, problem) == Transport::ReadStatus::Message);
  CHECK(body == "{}");
  REQUIRE(t.read(body, problem) == Transport::ReadStatus::Message);
  CHECK(body == "[1]");
  REQUIRE(t.read(body, problem) == Transport::ReadStatus::Message);
  CHECK(body == "7");
  CHECK(t.read(body, problem) == Transport::ReadStatus::Eof);
}

TEST_CASE("framing problems are reported and the next message is still found") {
  Piped in("Content-Length: -4\r\n\r\n"
           "garbage{\"x\":1}Content-Length: 2\r\n\r\n{}"
           "Content-Length: 10\r\n\r\n0123456789"
           "Content-Length: 5\r\n\r\nab");
  Transport t(in.fds[0], -1, 8);
  std::string body, problem;
  CHECK(t.read(body, problem) == Transport::ReadStatus::BadHeader);
  CHECK(problem.find("Content-Length") != std::string::npos);
  CHECK(t.read(body, problem) == Transport::ReadStatus::BadHeader);
  CHECK(problem.find("malformed header") != std::string::npos);
  REQUIRE(t.read(body, problem) == Transport::ReadStatus::Message);
  CHECK(body == "{}");
  CHECK(t.read(body, problem) == Transport::ReadStatus::Oversize);  // 10 > the 8-byte limit
  CHECK(t.read(body, problem) == Transport::ReadStatus::Eof);       // truncated: 2 of 5 bytes
}
