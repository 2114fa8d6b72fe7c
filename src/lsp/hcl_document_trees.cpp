#include "lsp/hcl_document_trees.h"

#include "formats/registry.h"

namespace eph::lsp {
namespace {

TSPoint point(const LineCol& at) { return TSPoint{at.line - 1, at.column - 1}; }

}  // namespace

bool HclDocumentTrees::wants(const std::string& path) {
  return hcl_syntax_file(path);
}

void HclDocumentTrees::open(const std::string& path, const SourceFilePtr& text) {
  if (!wants(path)) return;
  trees_.erase(path);
  trees_.emplace(path, hcl::HclTree(text));
}

void HclDocumentTrees::edit(const std::string& path, const std::vector<AppliedEdit>& edits) {
  auto it = trees_.find(path);
  if (it == trees_.end()) return;
  for (const auto& e : edits) {
    TSInputEdit edit{e.begin, e.old_end, e.new_end, point(e.begin_at), point(e.old_end_at), point(e.new_end_at)};
    it->second.reparse(e.after, edit);
  }
}

void HclDocumentTrees::close(const std::string& path) { trees_.erase(path); }

std::shared_ptr<const HclTreeSnapshot> HclDocumentTrees::snapshot() const {
  auto copies = std::make_shared<HclTreeSnapshot>();
  for (const auto& [path, tree] : trees_) copies->emplace(path, tree.copy_for(tree.file()));
  return copies;
}

}  // namespace eph::lsp
