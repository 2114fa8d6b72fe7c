#include "lsp/uri.h"

namespace eph::lsp {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool unreserved(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~' || c == '/';
}

}  // namespace

std::optional<std::string> uri_to_path(const std::string& uri) {
  static const std::string scheme = "file://";
  if (uri.size() < scheme.size()) return std::nullopt;
  for (size_t i = 0; i < scheme.size(); ++i) {
    char c = uri[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != scheme[i]) return std::nullopt;
  }
  size_t start = scheme.size();
  // file://host/path: only an empty host or localhost names this machine.
  size_t slash = uri.find('/', start);
  if (slash == std::string::npos) return std::nullopt;
  std::string host = uri.substr(start, slash - start);
  if (!host.empty() && host != "localhost") return std::nullopt;
  std::string path;
  for (size_t i = slash; i < uri.size(); ++i) {
    char c = uri[i];
    if (c == '?' || c == '#') break;
    if (c == '%') {
      if (i + 2 >= uri.size()) return std::nullopt;
      int hi = hex_value(uri[i + 1]), lo = hex_value(uri[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      char decoded = static_cast<char>(hi * 16 + lo);
      if (decoded == '\0') return std::nullopt;
      path += decoded;
      i += 2;
    } else {
      path += c;
    }
  }
  return path;
}

std::string path_to_uri(const std::string& path) {
  static const char* digits = "0123456789ABCDEF";
  std::string uri = "file://";
  if (path.empty() || path[0] != '/') uri += '/';
  for (unsigned char c : path) {
    if (unreserved(c)) {
      uri += static_cast<char>(c);
    } else {
      uri += '%';
      uri += digits[c >> 4];
      uri += digits[c & 15];
    }
  }
  return uri;
}

}  // namespace eph::lsp
