#include "core/config_error.h"

namespace eph {

std::string ConfigError::to_string() const {
  std::string text = warning ? "warning: " + message : message;
  if (line == 0) return path + ": " + text;
  return path + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + text;
}

}  // namespace eph
