#include "lsp/closed_file_trees.h"

namespace eph::lsp {

std::optional<hcl::HclTree> ClosedFileTrees::find(const SourceFilePtr& file) const {
  if (!file) return std::nullopt;
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = entries_.find(file->path());
  if (it == entries_.end() || it->second.tree.file()->text() != file->text()) return std::nullopt;
  it->second.last_use = ++clock_;
  return it->second.tree.copy_for(file);
}

void ClosedFileTrees::remember(const hcl::HclTree& tree) {
  const SourceFilePtr& file = tree.file();
  if (!file || file->text().size() > budget_bytes_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = entries_.find(file->path());
  if (it != entries_.end()) {
    bytes_ -= it->second.tree.file()->text().size();
    entries_.erase(it);
  }
  entries_.emplace(file->path(), Entry{tree.copy_for(file), ++clock_});
  bytes_ += file->text().size();
  while (bytes_ > budget_bytes_ && entries_.size() > 1) {
    auto oldest = entries_.begin();
    for (auto e = entries_.begin(); e != entries_.end(); ++e)
      if (e->second.last_use < oldest->second.last_use) oldest = e;
    bytes_ -= oldest->second.tree.file()->text().size();
    entries_.erase(oldest);
  }
}

size_t ClosedFileTrees::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return entries_.size();
}

}  // namespace eph::lsp
