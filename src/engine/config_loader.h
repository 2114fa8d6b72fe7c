#pragma once
// `.ephemera.yaml`: found from the scanned path upward (or named with --config) and merged
// into a Config. Unknown keys and bad values are errors with the file, line and column.
#include <optional>
#include <string>
#include <vector>

#include "engine/config.h"
#include "engine/path_confinement.h"

namespace eph {

struct ConfigError {
  std::string path;
  uint32_t line = 0, column = 0;  // 1-based; 0 when the error has no position (unreadable file)
  std::string message;
  bool warning = false;           // applied anyway (an old spelling); shown, but not a failure

  std::string to_string() const;  // "path:line:col: message", "path:line:col: warning: message"
};

inline constexpr const char* kConfigFileNames[] = {".ephemera.yaml", ".ephemera.yml"};

// The nearest configuration file in `start` (a directory or a file's directory) or above it.
std::optional<std::string> find_config_file(const std::string& start);

// Merges the settings of `text` (the content of `path`) into `config`. Returns false and
// fills `errors` when anything is wrong; `config` is then unspecified. Warnings are added
// to `errors` too (ConfigError::warning) without making the result false.
bool parse_config(const std::string& path, const std::string& text, Config& config, std::vector<ConfigError>& errors);

// Reads `path` from disk (PathConfinement::read_named_file: confined when it lies inside the
// scanned roots) and parses it.
bool load_config_file(const std::string& path, Config& config, std::vector<ConfigError>& errors,
                      const PathConfinement& confinement = PathConfinement());

}  // namespace eph
