#include "lsp/buffer_file_provider.h"

namespace eph::lsp {

BufferFileProvider::BufferFileProvider(std::vector<std::string> roots, size_t max_file_bytes,
                                       std::shared_ptr<const HclTreeSnapshot> trees)
    : disk_(std::move(roots), max_file_bytes), trees_(std::move(trees)) {}

std::optional<hcl::HclTree> BufferFileProvider::tree_for(const SourceFilePtr& file) const {
  if (!trees_ || !file) return std::nullopt;
  auto it = trees_->find(normalize_path(file->path()));
  // Only a tree of exactly this text: anything else would put ranges in the wrong places.
  if (it == trees_->end() || it->second.file()->text() != file->text()) return std::nullopt;
  return it->second.copy_for(file);
}

}  // namespace eph::lsp
