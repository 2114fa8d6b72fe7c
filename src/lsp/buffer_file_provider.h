#pragma once
// What one analysis reads: the disk under the workspace roots, with the open buffers'
// unsaved text over it, and the buffers' already-parsed HCL trees.
#include <memory>

#include "engine/disk_file_provider.h"
#include "lsp/hcl_document_trees.h"

namespace eph::lsp {

class BufferFileProvider final : public FileProvider, public hcl::ParsedHclTrees {
 public:
  BufferFileProvider(std::vector<std::string> roots, size_t max_file_bytes,
                     std::shared_ptr<const HclTreeSnapshot> trees);

  void set_overlay(const std::string& path, std::string text) { disk_.set_overlay(path, std::move(text)); }

  std::optional<std::string> read(const std::string& path) const override { return disk_.read(path); }
  std::vector<std::string> list(const std::string& dir, bool files_only = true) const override {
    return disk_.list(dir, files_only);
  }
  bool is_directory(const std::string& path) const override { return disk_.is_directory(path); }

  std::optional<hcl::HclTree> tree_for(const SourceFilePtr& file) const override;

 private:
  DiskFileProvider disk_;
  std::shared_ptr<const HclTreeSnapshot> trees_;
};

}  // namespace eph::lsp
