#pragma once
// Shared setup of the protocol tests: a scratch workspace and a started server.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "lsp/lsp_client.h"

namespace eph::testing {

// A fresh directory under the system temp dir, removed at the end of the test.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& name) {
    path_ = std::filesystem::temp_directory_path() / ("ephemera-lsp-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string write(const std::string& relative, const std::string& text) const {
    auto p = path_ / relative;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
  std::string path() const { return path_.string(); }
  std::string uri(const std::string& relative = "") const {
    return "file://" + (relative.empty() ? path_ : path_ / relative).string();
  }

 private:
  std::filesystem::path path_;
};

inline nlohmann::json position(int line, int character) { return {{"line", line}, {"character", character}}; }
inline nlohmann::json range(int l1, int c1, int l2, int c2) {
  return {{"start", position(l1, c1)}, {"end", position(l2, c2)}};
}

inline nlohmann::json initialize_params(const ScratchDir& dir) {
  return {{"processId", nullptr},
          {"rootUri", dir.uri()},
          {"capabilities", {{"textDocument", {{"hover", {{"contentFormat", {"markdown"}}}}}}}}};
}

}  // namespace eph::testing
