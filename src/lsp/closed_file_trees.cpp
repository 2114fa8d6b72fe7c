#include "lsp/closed_file_trees.h"

#include "core/lru_eviction.h"

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
  evict_least_recently_used(entries_, bytes_, budget_bytes_,
                            [](const Entry& e) { return e.tree.file()->text().size(); });
}

size_t ClosedFileTrees::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return entries_.size();
}

}  // namespace eph::lsp
