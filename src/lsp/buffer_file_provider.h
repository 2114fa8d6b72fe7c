#pragma once
// What one analysis reads: the open buffers' unsaved text, over the disk under the
// workspace roots (or over nothing, with FileAccess::BuffersOnly), and the buffers'
// already-parsed HCL trees.
#include <memory>
#include <optional>

#include "core/disk_file_provider.h"
#include "core/memory_file_provider.h"
#include "lsp/closed_file_trees.h"
#include "lsp/hcl_document_trees.h"

namespace eph::lsp {

// What the server may read besides the open documents.
enum class FileAccess {
  Workspace,    // the disk, confined (symbolic links resolved) to the workspace folders, or to the
                // analysed document's directory when it lies outside them
  BuffersOnly,  // nothing: only open documents exist (fuzzing, where inputs name arbitrary file:// URIs)
};

class BufferFileProvider final : public FileProvider, public hcl::ParsedHclTrees {
 public:
  // `closed`: trees of files that are not open, kept across analyses (may be null).
  BufferFileProvider(FileAccess access, std::vector<std::string> roots, size_t max_file_bytes,
                     std::shared_ptr<const HclTreeSnapshot> trees, std::shared_ptr<ClosedFileTrees> closed = nullptr);

  void set_overlay(const std::string& path, std::string text);

  std::optional<std::string> read(const std::string& path) const override;
  std::vector<std::string> list(const std::string& dir, bool files_only = true) const override;
  bool is_directory(const std::string& path) const override;
  std::optional<std::string> refusal(const std::string& path) const override;

  std::optional<hcl::HclTree> tree_for(const SourceFilePtr& file) const override;
  void remember(const hcl::HclTree& tree) const override;

 private:
  std::optional<DiskFileProvider> disk_;  // Workspace: the disk, with the buffers as its overlay
  MemoryFileProvider buffers_;            // BuffersOnly: the buffers alone, by normalised path
  std::shared_ptr<const HclTreeSnapshot> trees_;
  std::shared_ptr<ClosedFileTrees> closed_;
};

}  // namespace eph::lsp
