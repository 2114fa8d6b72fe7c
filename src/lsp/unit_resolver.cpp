#include "lsp/unit_resolver.h"

#include <algorithm>
#include <filesystem>

#include "core/disk_file_provider.h"
#include "formats/registry.h"

namespace eph::lsp {

bool is_terraform_path(const std::string& path) { return in_directory_unit(path); }

DocumentUnit unit_of_document(const std::string& path, const FileProvider& fs, size_t max_file_bytes,
                              const PathExclusion& exclusion) {
  DocumentUnit unit;
  DiscoveredFiles found;
  if (exclusion.excluded(path)) {
    unit.key = is_terraform_path(path) ? std::filesystem::path(path).parent_path().string() : path;
    if (unit.key.empty()) unit.key = "/";
    return unit;
  }
  if (is_terraform_path(path)) {
    std::string dir = std::filesystem::path(path).parent_path().string();
    if (dir.empty()) dir = "/";
    unit.key = dir;
    found.directories_scanned.push_back(dir);
    // Only this directory: its subdirectories are child modules, loaded through their callers.
    for (const auto& name : fs.list(dir, true)) {
      std::string file = (std::filesystem::path(dir) / name).string();
      if (is_terraform_path(file) && !exclusion.excluded(file)) found.files.push_back(file);
    }
    std::sort(found.files.begin(), found.files.end());
    found.files.erase(std::unique(found.files.begin(), found.files.end()), found.files.end());
  } else {
    unit.key = path;
    found.files.push_back(path);
    found.explicit_files.push_back(path);
  }
  unit.plans = plan_units(found, fs, max_file_bytes);
  return unit;
}

}  // namespace eph::lsp
