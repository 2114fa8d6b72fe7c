#pragma once
// Which paths the `exclude` globs of a configuration keep out of a scan. One matcher for the
// CLI's discovery and the LSP server, so a file excluded from `ephemera scan` gets no
// diagnostics in the editor either.
#include <string>
#include <string_view>
#include <vector>

#include "engine/config.h"

namespace eph {

// '*' matches within a path segment, '**' across segments, '?' one character.
bool glob_match(std::string_view pattern, std::string_view text);

class PathExclusion {
 public:
  PathExclusion() = default;
  // The globs of `config`: from its .ephemera.yaml (relative to that file's directory) and
  // from the command line (relative to the scanned paths as written).
  explicit PathExclusion(const Config& config);

  // True when a glob matches `path` as written (a leading "./" ignored) or relative to the
  // configuration file's directory, or matches a directory above it.
  bool excluded(const std::string& path) const;
  bool empty() const { return patterns_.empty(); }

 private:
  bool matches(std::string_view relative) const;

  std::vector<std::string> patterns_;
  std::string config_dir_;  // absolute, normalised; empty without a configuration file
};

}  // namespace eph
