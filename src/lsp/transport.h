#pragma once
// LSP base protocol: Content-Length framed JSON-RPC messages over a pair of file
// descriptors. Reading never trusts the peer: headers are bounded, bodies larger than
// the limit are skipped, a truncated body ends the stream instead of blocking forever.
#include <cstddef>
#include <mutex>
#include <string>

namespace eph::lsp {

class Transport {
 public:
  enum class ReadStatus {
    Message,    // `body` holds one message
    BadHeader,  // headers without a usable Content-Length; skipped, the stream goes on
    Oversize,   // body over the limit; skipped, the stream goes on
    Eof,        // the input ended (cleanly or in the middle of a message)
  };

  Transport(int in_fd, int out_fd, size_t max_body_bytes = 64u << 20);

  // Blocks until one framed message (or a framing problem) has been read.
  ReadStatus read(std::string& body, std::string& problem);

  // True when a whole framed message is already buffered (reading it will not block).
  bool has_buffered_message() const;

  // Frames and writes one message; safe to call from several threads.
  bool write(const std::string& body);

 private:
  bool fill();                     // reads more input into the buffer; false at end of input
  bool read_line(std::string& line, bool& too_long);
  bool skip_bytes(size_t n);

  int in_fd_, out_fd_;
  size_t max_body_bytes_;
  std::string buffer_;
  size_t pos_ = 0;
  bool eof_ = false;
  std::mutex write_mutex_;
};

}  // namespace eph::lsp
