#pragma once
// Files that exist only in memory, looked up by the exact path they were added under:
// for callers that must not touch the disk (the LSP server with FileAccess::BuffersOnly,
// the fuzz targets).
#include <map>
#include <string>
#include <vector>

#include "core/file_provider.h"

namespace eph {

class MemoryFileProvider final : public FileProvider {
 public:
  void add(const std::string& path, std::string text) { files_[path] = std::move(text); }

  std::optional<std::string> read(const std::string& path) const override;
  // Directories exist only as the parents of added files.
  std::vector<std::string> list(const std::string& dir, bool files_only = true) const override;
  bool is_directory(const std::string& path) const override;

 private:
  std::map<std::string, std::string> files_;  // path -> text
};

}  // namespace eph
