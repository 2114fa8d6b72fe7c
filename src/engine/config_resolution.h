#pragma once
// Which `.ephemera.yaml` applies to a unit: the nearest one at or above the unit's directory
// (a Terraform module's directory, the directory of a template or plan). One resolution for
// `ephemera scan` and the LSP server, so that CI and the editor judge a file alike.
#include <functional>
#include <map>
#include <unordered_map>
#include <optional>
#include <string>
#include <vector>

#include "engine/config.h"
#include "engine/discovery.h"

namespace eph {

// The directory whose nearest configuration applies to `plan`.
std::string unit_directory(const UnitPlan& plan);

// The directory whose nearest configuration applies to an open document: its unit is its
// module (its directory) or the template it is.
std::string document_unit_directory(const std::string& document_path);

// The nearest configuration file at or above `dir`, asking `exists` about each candidate
// (the disk, or the editor's open buffers). Both names of kConfigFileNames, in that order.
std::optional<std::string> nearest_config_file(const std::string& dir,
                                               const std::function<bool(const std::string&)>& exists);

// nearest_config_file for many directories: what each directory on the way up answered is
// kept (the nearest file of a directory is its own, or its parent's nearest), so a scan of
// 138,000 files asks about each directory's two names once, not once for every unit below it.
class NearestConfigFiles {
 public:
  using Exists = std::function<bool(const std::string&)>;
  explicit NearestConfigFiles(Exists exists) : exists_(std::move(exists)) {}

  std::optional<std::string> of_directory(const std::string& dir);
  // Forgets what was learnt, to be asked again (one entry per directory: ~17 MB for 90,000).
  void forget() { nearest_of_ = {}; }

 private:
  Exists exists_;
  std::unordered_map<std::string, std::optional<std::string>> nearest_of_;  // absolute, normal directory
};

// The configuration of every unit of a scan, each file read once. `read` turns a file into a
// Config (false: it is wrong, and said so); `adjust` then applies what wins over every file
// (command-line flags, editor settings).
class UnitConfigs {
 public:
  using Find = std::function<std::optional<std::string>(const std::string& dir)>;
  using Read = std::function<bool(const std::string& file, Config& config)>;
  using Adjust = std::function<void(Config& config)>;

  UnitConfigs(Find find, Read read, Adjust adjust) : find_(std::move(find)), read_(std::move(read)), adjust_(std::move(adjust)) {}

  // The configuration of a unit in `dir` (no file: the defaults, adjusted). Null when its file
  // could not be read.
  const Config* of_directory(const std::string& dir);
  const Config* of_unit(const UnitPlan& plan) { return of_directory(unit_directory(plan)); }
  // The file that applies to `dir`, if any.
  std::optional<std::string> file_of_directory(const std::string& dir);
  // Drops the answers kept for each directory asked about (one a unit: a large tree's worth);
  // the configurations given out stay valid. Asking again finds the files again.
  void forget_directories() { file_of_dir_.clear(); }

 private:
  Find find_;
  Read read_;
  Adjust adjust_;
  std::map<std::string, std::optional<std::string>> file_of_dir_;
  std::map<std::string, std::optional<Config>> config_of_file_;  // "" : no file
};

}  // namespace eph
