#pragma once
// `.ephemera.yaml`: found from the scanned path upward (or named with --config) and merged
// into a Config. Unknown keys and bad values are errors with the file, line and column.
#include <optional>
#include <string>
#include <vector>

#include "core/config_error.h"
#include "core/path_confinement.h"
#include "engine/config.h"
#include "engine/listed_directories.h"
#include "engine/config_resolution.h"

namespace eph {

inline constexpr const char* kConfigFileNames[] = {".ephemera.yaml", ".ephemera.yml"};

// The nearest configuration file in `start` (a directory or a file's directory) or above it.
std::optional<std::string> find_config_file(const std::string& start);

// find_config_file for many starts (a scan's units): each directory above them is asked once.
class ConfigFileFinder {
 public:
  // `listed`: the directories a walk listed, answered without asking the disk (the finder
  // does not own it; it must outlive the finder's use).
  explicit ConfigFileFinder(const ListedDirectories* listed = nullptr);
  std::optional<std::string> find(const std::string& start);
  // `dir` is known to be a directory (a unit's): the same answer without asking the disk so.
  std::optional<std::string> find_from_directory(const std::string& dir) { return nearest_.of_directory(dir); }
  void forget() { nearest_.forget(); }

 private:
  NearestConfigFiles nearest_;
};

// Merges the settings of `text` (the content of `path`) into `config`. Returns false and
// fills `errors` when anything is wrong; `config` is then unspecified. Warnings are added
// to `errors` too (ConfigError::warning) without making the result false.
bool parse_config(const std::string& path, const std::string& text, Config& config, std::vector<ConfigError>& errors);

// Reads `path` from disk (PathConfinement::read_named_file: confined when it lies inside the
// scanned roots) and parses it.
bool load_config_file(const std::string& path, Config& config, std::vector<ConfigError>& errors,
                      const PathConfinement& confinement = PathConfinement());

}  // namespace eph
