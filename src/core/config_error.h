#pragma once
// An error (or warning) in a file the user wrote to configure a scan: `.ephemera.yaml`, a
// custom rule file. Shown as path:line:col.
#include <cstdint>
#include <string>

namespace eph {

struct ConfigError {
  std::string path;
  uint32_t line = 0, column = 0;  // 1-based; 0 when the error has no position (unreadable file)
  std::string message;
  bool warning = false;           // applied anyway (an old spelling); shown, but not a failure

  std::string to_string() const;  // "path:line:col: message", "path:line:col: warning: message"
};

}  // namespace eph
