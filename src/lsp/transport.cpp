#include "lsp/transport.h"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>

namespace eph::lsp {
namespace {

constexpr size_t kMaxHeaderLine = 8192;
constexpr int kMaxHeaderLines = 64;

bool iequals_prefix(const std::string& line, const char* name, size_t& value_at) {
  size_t i = 0;
  for (; name[i]; ++i) {
    if (i >= line.size()) return false;
    char a = line[i], b = name[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (b >= 'A' && b <= 'Z') b = static_cast<char>(b - 'A' + 'a');
    if (a != b) return false;
  }
  value_at = i;
  return true;
}

// Content-Length value: decimal digits only, with optional surrounding blanks.
bool parse_length(const std::string& line, size_t at, size_t& out) {
  while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
  size_t end = line.size();
  while (end > at && (line[end - 1] == ' ' || line[end - 1] == '\t')) --end;
  if (at == end || end - at > 18) return false;
  size_t value = 0;
  for (size_t i = at; i < end; ++i) {
    if (line[i] < '0' || line[i] > '9') return false;
    value = value * 10 + static_cast<size_t>(line[i] - '0');
  }
  out = value;
  return true;
}

// A header line is `Name: value` with a token name; anything else is not a header.
bool is_header_line(const std::string& line) {
  size_t colon = line.find(':');
  if (colon == 0 || colon == std::string::npos) return false;
  for (size_t i = 0; i < colon; ++i) {
    char c = line[i];
    bool token = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!token) return false;
  }
  return true;
}

size_t find_content_length(const std::string& line) {
  static const std::string needle = "content-length:";
  for (size_t i = 1; i + needle.size() <= line.size(); ++i) {
    size_t at = 0;
    if (iequals_prefix(line.substr(i, needle.size()), "content-length:", at)) return i;
  }
  return std::string::npos;
}

}  // namespace

Transport::Transport(int in_fd, int out_fd, size_t max_body_bytes)
    : in_fd_(in_fd), out_fd_(out_fd), max_body_bytes_(max_body_bytes) {}

bool Transport::fill() {
  if (eof_) return false;
  if (pos_ > 0 && pos_ == buffer_.size()) {
    buffer_.clear();
    pos_ = 0;
  } else if (pos_ > (1u << 16)) {
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
  char chunk[65536];
  for (;;) {
    ssize_t n = ::read(in_fd_, chunk, sizeof chunk);
    if (n > 0) {
      buffer_.append(chunk, static_cast<size_t>(n));
      return true;
    }
    if (n < 0 && errno == EINTR) continue;
    eof_ = true;
    return false;
  }
}

bool Transport::read_line(std::string& line, bool& too_long) {
  line.clear();
  too_long = false;
  for (;;) {
    size_t nl = buffer_.find('\n', pos_);
    size_t available_end = nl == std::string::npos ? buffer_.size() : nl;
    size_t take = available_end - pos_;
    if (line.size() < kMaxHeaderLine) line.append(buffer_, pos_, std::min(take, kMaxHeaderLine - line.size()));
    if (line.size() >= kMaxHeaderLine && take > 0) too_long = true;
    if (nl != std::string::npos) {
      pos_ = nl + 1;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return true;
    }
    pos_ = buffer_.size();
    if (!fill()) return false;
  }
}

bool Transport::skip_bytes(size_t n) {
  while (n > 0) {
    if (pos_ == buffer_.size() && !fill()) return false;
    size_t take = std::min(n, buffer_.size() - pos_);
    pos_ += take;
    n -= take;
  }
  return true;
}

Transport::ReadStatus Transport::read(std::string& body, std::string& problem) {
  body.clear();
  problem.clear();
  std::string line;
  bool too_long = false;
  bool have_length = false;
  size_t length = 0;
  int lines = 0;
  // Blank lines between messages are tolerated: a header block starts at the first non-empty line.
  do {
    if (!read_line(line, too_long)) return ReadStatus::Eof;
  } while (line.empty() && !too_long);
  for (; !line.empty() || too_long; ) {
    size_t at = 0;
    if (++lines > kMaxHeaderLines && problem.empty()) {
      problem = "more than " + std::to_string(kMaxHeaderLines) + " header lines";
    } else if (too_long) {
      if (problem.empty()) problem = "header line longer than " + std::to_string(kMaxHeaderLine) + " bytes";
    } else if (!is_header_line(line)) {
      // Garbage (often the body of a message whose header was bad). A header glued to
      // its end is put back so the next message is not lost with it.
      size_t k = find_content_length(line);
      if (k != std::string::npos) buffer_.insert(pos_, line.substr(k) + "\n");
      problem = "malformed header line '" + line.substr(0, 120) + "'";
      return ReadStatus::BadHeader;
    } else if (iequals_prefix(line, "content-length:", at)) {
      if (parse_length(line, at, length)) have_length = true;
      else if (problem.empty()) problem = "invalid Content-Length header '" + line.substr(0, 120) + "'";
    }
    if (!read_line(line, too_long)) return ReadStatus::Eof;
  }
  if (!problem.empty() || !have_length) {
    if (problem.empty()) problem = "message without a Content-Length header";
    // With a usable length the body goes with its bad header; without one it cannot be
    // found, and whatever follows is read as (garbage) headers until a real one appears.
    if (have_length && length <= max_body_bytes_ && !skip_bytes(length)) return ReadStatus::Eof;
    return ReadStatus::BadHeader;
  }
  if (length > max_body_bytes_) {
    problem = "message of " + std::to_string(length) + " bytes is over the " + std::to_string(max_body_bytes_) +
              "-byte limit";
    return skip_bytes(length) ? ReadStatus::Oversize : ReadStatus::Eof;
  }
  while (buffer_.size() - pos_ < length) {
    if (!fill()) return ReadStatus::Eof;  // truncated body: nothing more will come
  }
  body.assign(buffer_, pos_, length);
  pos_ += length;
  return ReadStatus::Message;
}

bool Transport::has_buffered_message() const {
  size_t header_end = buffer_.find("\r\n\r\n", pos_);
  if (header_end == std::string::npos) return false;
  std::string headers = buffer_.substr(pos_, header_end - pos_);
  size_t start = 0;
  while (start <= headers.size()) {
    size_t nl = headers.find("\r\n", start);
    std::string line = headers.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    size_t at = 0, length = 0;
    if (iequals_prefix(line, "content-length:", at) && parse_length(line, at, length))
      return buffer_.size() - (header_end + 4) >= length;
    if (nl == std::string::npos) break;
    start = nl + 2;
  }
  return false;
}

bool Transport::write(const std::string& body) {
  std::string framed = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  std::lock_guard<std::mutex> lock(write_mutex_);
  const char* p = framed.data();
  size_t left = framed.size();
  while (left > 0) {
    ssize_t n = ::write(out_fd_, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    left -= static_cast<size_t>(n);
  }
  return true;
}

}  // namespace eph::lsp
