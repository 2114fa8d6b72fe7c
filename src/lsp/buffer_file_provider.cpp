#include "lsp/buffer_file_provider.h"

namespace eph::lsp {

BufferFileProvider::BufferFileProvider(FileAccess access, std::vector<std::string> roots, size_t max_file_bytes,
                                       std::shared_ptr<const HclTreeSnapshot> trees,
                                       std::shared_ptr<ClosedFileTrees> closed)
    : trees_(std::move(trees)), closed_(std::move(closed)) {
  if (access == FileAccess::Workspace) disk_.emplace(std::move(roots), max_file_bytes);
}

void BufferFileProvider::set_overlay(const std::string& path, std::string text) {
  if (disk_) disk_->set_overlay(path, std::move(text));
  else buffers_.add(normalize_path(path), std::move(text));
}

// Front-ends ask for paths they built (module sources, file()): normalised like the buffers' keys.
std::optional<std::string> BufferFileProvider::read(const std::string& path) const {
  return disk_ ? disk_->read(path) : buffers_.read(normalize_path(path));
}

std::vector<std::string> BufferFileProvider::list(const std::string& dir, bool files_only) const {
  return disk_ ? disk_->list(dir, files_only) : buffers_.list(normalize_path(dir), files_only);
}

bool BufferFileProvider::is_directory(const std::string& path) const {
  return disk_ ? disk_->is_directory(path) : buffers_.is_directory(normalize_path(path));
}

std::optional<std::string> BufferFileProvider::refusal(const std::string& path) const {
  return disk_ ? disk_->refusal(path) : std::nullopt;
}

std::optional<hcl::HclTree> BufferFileProvider::tree_for(const SourceFilePtr& file) const {
  if (!file) return std::nullopt;
  if (trees_) {
    auto it = trees_->find(normalize_path(file->path()));
    // Only a tree of exactly this text: anything else would put ranges in the wrong places.
    if (it != trees_->end() && it->second.file()->text() == file->text()) return it->second.copy_for(file);
  }
  return closed_ ? closed_->find(file) : std::nullopt;
}

void BufferFileProvider::remember(const hcl::HclTree& tree) const {
  if (closed_) closed_->remember(tree);
}

}  // namespace eph::lsp
