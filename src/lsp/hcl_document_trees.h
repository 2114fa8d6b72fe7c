#pragma once
// Syntax trees of the open HCL (.tf) documents, re-parsed incrementally on every edit
// (ts_tree_edit + a parse that reuses the old tree) instead of from scratch. Analyses get
// cheap copies, which the Terraform front-end uses in place of parsing the file again.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "lsp/open_documents.h"
#include "syntax/hcl/hcl_tree.h"

namespace eph::lsp {

using HclTreeSnapshot = std::map<std::string, hcl::HclTree>;  // path -> tree of the open buffer

class HclDocumentTrees {
 public:
  static bool wants(const std::string& path);  // .tf files (HCL syntax)

  void open(const std::string& path, const SourceFilePtr& text);
  void edit(const std::string& path, const std::vector<AppliedEdit>& edits);
  void close(const std::string& path);

  // Copies of every tree, for one analysis on another thread.
  std::shared_ptr<const HclTreeSnapshot> snapshot() const;

 private:
  std::map<std::string, hcl::HclTree> trees_;
};

}  // namespace eph::lsp
