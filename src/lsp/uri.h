#pragma once
// file:// URIs <-> local paths (RFC 8089 as editors write them: percent-encoded UTF-8).
#include <optional>
#include <string>

namespace eph::lsp {

// The local path of a file URI, or nullopt for other schemes and malformed escapes.
std::optional<std::string> uri_to_path(const std::string& uri);
std::string path_to_uri(const std::string& path);

}  // namespace eph::lsp
