#pragma once
// Finding the files to scan and grouping them into units of analysis.
#include <string>
#include <vector>

#include "core/file_provider.h"
#include "core/path_confinement.h"
#include "core/resource.h"
#include "engine/listed_directories.h"
#include "engine/path_exclusion.h"
#include "formats/unit_plan.h"

namespace eph {

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
  ListedDirectories listed;                      // the directories walked, and their configuration files
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

// Groups discovered files into units: each file goes to the first format of the registry
// that recognises it (formats/registry.h), and each format groups its files (Terraform: one
// unit per root module; templates, plans, serverless.yml: one per file); each link not
// followed, oversize, unreadable, binary or non-UTF-8 source is a refused unit (EPH001).
// Files are read and classified on up to `threads` threads (0: one per core); the plan does
// not depend on it.
std::vector<UnitPlan> plan_units(const DiscoveredFiles& found, const FileProvider& fs, size_t max_file_bytes,
                                 unsigned threads = 1);
// The same plans; found.files' paths move into them as they are read (found.files is left
// with empty strings): a scan's planning holds each path once, not twice.
std::vector<UnitPlan> plan_units_taking_paths(DiscoveredFiles& found, const FileProvider& fs, size_t max_file_bytes,
                                              unsigned threads = 1);

}  // namespace eph
