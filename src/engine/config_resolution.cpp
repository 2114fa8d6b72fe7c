#include "engine/config_resolution.h"
#include "engine/config_loader.h"
#include "formats/source_format.h"

#include <filesystem>

namespace fs = std::filesystem;

namespace eph {

std::string unit_directory(const UnitPlan& plan) {
  if (!plan.rejected() && plan.format->directory_units()) return plan.root;
  return document_unit_directory(plan.root);
}

std::string document_unit_directory(const std::string& document_path) {
  std::string dir = fs::path(document_path).parent_path().string();
  return dir.empty() ? "." : dir;
}

std::optional<std::string> nearest_config_file(const std::string& dir,
                                               const std::function<bool(const std::string&)>& exists) {
  return NearestConfigFiles(exists).of_directory(dir);
}

std::optional<std::string> NearestConfigFiles::of_directory(const std::string& dir) {
  std::error_code ec;
  fs::path d = fs::absolute(dir, ec);
  if (ec) return std::nullopt;
  std::vector<std::string> asked;  // the directories walked through, each answered by what is found above
  std::optional<std::string> nearest;
  for (d = d.lexically_normal(); !d.empty(); d = d.parent_path()) {
    // "a/b/" normalises to "a/b/": its parent is "a/b", the same directory.
    if (!d.has_filename() && d.has_relative_path()) continue;
    std::string key = d.string();
    if (auto known = nearest_of_.find(key); known != nearest_of_.end()) {
      nearest = known->second;
      break;
    }
    asked.push_back(std::move(key));
    for (const char* name : kConfigFileNames)
      if (std::string candidate = (d / name).string(); exists_(candidate)) {
        nearest = std::move(candidate);
        break;
      }
    if (nearest || d.parent_path() == d) break;
  }
  for (auto& key : asked) nearest_of_.emplace(std::move(key), nearest);
  return nearest;
}

std::optional<std::string> UnitConfigs::file_of_directory(const std::string& dir) {
  auto found = file_of_dir_.find(dir);
  if (found == file_of_dir_.end()) found = file_of_dir_.emplace(dir, find_(dir)).first;
  return found->second;
}

const Config* UnitConfigs::of_directory(const std::string& dir) {
  std::optional<std::string> file = file_of_directory(dir);
  std::string key = file.value_or("");
  auto cached = config_of_file_.find(key);
  if (cached == config_of_file_.end()) {
    Config config;
    bool ok = !file || read_(*file, config);
    if (ok) adjust_(config);
    cached = config_of_file_.emplace(key, ok ? std::optional<Config>(std::move(config)) : std::nullopt).first;
  }
  return cached->second ? &*cached->second : nullptr;
}

}  // namespace eph
