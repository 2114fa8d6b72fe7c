#pragma once
// Parsed trees of the module files that are not open in the editor. Editing one file of a
// module re-analyses the whole module; without these, every other file of it was parsed
// from scratch on each edit. A tree is used only for exactly the text it was parsed from,
// so a file changed on disk is parsed again. Bounded by the size of the texts kept.
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "syntax/hcl/hcl_tree.h"

namespace eph::lsp {

class ClosedFileTrees {
 public:
  static constexpr size_t kDefaultBudgetBytes = 8u << 20;
  explicit ClosedFileTrees(size_t budget_bytes = kDefaultBudgetBytes) : budget_bytes_(budget_bytes) {}

  // A copy of the tree kept for `file`'s path, when it was parsed from exactly this text.
  std::optional<hcl::HclTree> find(const SourceFilePtr& file) const;
  void remember(const hcl::HclTree& tree);
  size_t size() const;

 private:
  struct Entry {
    hcl::HclTree tree;
    uint64_t last_use = 0;
  };
  size_t budget_bytes_;
  mutable std::mutex mutex_;
  mutable std::map<std::string, Entry> entries_;  // by path
  size_t bytes_ = 0;
  mutable uint64_t clock_ = 0;
};

}  // namespace eph::lsp
