#pragma once
// Which unit of analysis a document belongs to: a Terraform document is analysed with
// every file of its module directory, a template on its own.
#include <string>
#include <vector>

#include "core/file_provider.h"
#include "engine/discovery.h"
#include "engine/path_exclusion.h"

namespace eph::lsp {

struct DocumentUnit {
  std::string key;               // module directory or template path (normalised)
  std::vector<UnitPlan> plans;   // the module (and its unreadable/binary files), or the template; empty: nothing to analyse
};

// `path` is normalised; `fs` sees the open buffers (a new unsaved .tf file counts). Files the
// configuration excludes are left out, as `ephemera scan` leaves them out; an excluded
// document has nothing to analyse.
DocumentUnit unit_of_document(const std::string& path, const FileProvider& fs, size_t max_file_bytes,
                              const PathExclusion& exclusion = {});

// True for files whose edits can change a Terraform module's analysis (.tf, .tf.json, .tfvars).
bool is_terraform_path(const std::string& path);

}  // namespace eph::lsp
