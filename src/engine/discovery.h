#pragma once
// Finding the files to scan and grouping them into units of analysis.
#include <string>
#include <vector>

#include "core/file_provider.h"
#include "core/resource.h"
#include "engine/path_confinement.h"
#include "engine/path_exclusion.h"

namespace eph {

enum class FileKind { Terraform, TerraformJson, TerraformVars, CloudFormation, TerraformPlan, Other };

// Kind by name alone; YAML and JSON that need a look at the content return Other
// unless `text` is given.
FileKind classify_file(const std::string& path, const std::string* text = nullptr);

struct InputError {
  std::string path;
  std::string message;
};

struct DiscoveredFiles {
  std::vector<std::string> directories_scanned;  // roots given as directories
  std::vector<std::string> files;                // candidate files, sorted, unique
  std::vector<std::string> explicit_files;       // files named on the command line
  std::vector<InputError> errors;                // missing or unreadable paths
  std::vector<std::string> links_not_followed;    // symbolic links leading out of the roots (or nowhere)
};

// The roots of a scan of `paths`: each directory named, and the directory of each file named.
std::vector<std::string> scan_roots(const std::vector<std::string>& paths);

// Walks `paths` recursively: skips .git, .terraform, node_modules and other tool
// folders, never follows a symlink loop, lists each file once. Directories are listed through
// `confinement`: a link leading out of its roots is not followed but listed in
// links_not_followed. Without one, the roots are scan_roots(paths), links not followed.
DiscoveredFiles discover_files(const std::vector<std::string>& paths, const PathExclusion& exclusion = {});
DiscoveredFiles discover_files(const std::vector<std::string>& paths, const PathExclusion& exclusion,
                               const PathConfinement& confinement);

struct UnitPlan {
  enum class Kind { TerraformModule, TerraformPlan, Template, Rejected };
  Kind kind = Kind::TerraformModule;
  std::string root;                // module directory, or the file
  std::vector<std::string> files;  // Terraform: the module's .tf/.tf.json files
  Diagnostic::Kind reject_kind = Diagnostic::Kind::ParseError;
  std::string reject_reason;       // Rejected: why (too large, binary, unreadable)
  // Terraform: the directories (normalised) of the module and of every local module it
  // calls, directly or not: a change in any of them can change this unit's findings.
  std::vector<std::string> module_dirs;
};

// Groups discovered files into units: one per Terraform root module (a directory
// that no other scanned module calls as a local module, or the first of a call cycle
// that no such root reaches), plan or template; each link not followed is an EPH001.
std::vector<UnitPlan> plan_units(const DiscoveredFiles& found, const FileProvider& fs, size_t max_file_bytes);

}  // namespace eph
