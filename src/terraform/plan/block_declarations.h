#pragma once
// Where `resource "T" "N"` and `data "T" "N"` blocks are declared in a module directory's
// .tf files: a light text scan, enough to map plan resources back to their sources without
// evaluating the module.
#include <map>
#include <string>
#include <vector>

#include "core/file_provider.h"
#include "core/source.h"

namespace eph::terraform::plan {

class BlockDeclarations {
 public:
  explicit BlockDeclarations(const FileProvider& fs) : fs_(fs) {}

  // The header range of the block declaring `key` ("aws_s3_bucket.data" or
  // "data.aws_iam_policy_document.x") in `dir`; an invalid Range when not found.
  Range find(const std::string& dir, const std::string& key);

  // Files that a returned range points into (the unit keeps them alive).
  const std::vector<SourceFilePtr>& used_files() const { return used_; }

 private:
  struct Entry {
    SourceFilePtr file;
    Range header;
  };
  const std::map<std::string, Entry>& scan(const std::string& dir);

  const FileProvider& fs_;
  std::map<std::string, std::map<std::string, Entry>> by_dir_;
  std::vector<SourceFilePtr> used_;
};

// Finds block headers in one file's text: key -> header range.
std::vector<std::pair<std::string, Range>> scan_block_headers(const SourceFile& file);

}  // namespace eph::terraform::plan
