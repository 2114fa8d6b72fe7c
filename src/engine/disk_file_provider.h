#pragma once
// Files from disk, confined to the scanned roots, with an optional overlay of
// in-memory contents (the LSP's unsaved buffers win over the disk).
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "core/file_provider.h"

namespace eph {

class DiskFileProvider final : public FileProvider {
 public:
  // `roots`: directories (or files) nothing outside of which is read. Empty: no confinement.
  explicit DiskFileProvider(std::vector<std::string> roots = {}, size_t max_file_bytes = 8u << 20);

  std::optional<std::string> read(const std::string& path) const override;
  std::vector<std::string> list(const std::string& dir, bool files_only = true) const override;
  bool is_directory(const std::string& path) const override;
  void release(const std::string& path) const override;

  // Keeps the texts read, up to `budget_bytes` at a time, and hands each back once: planning
  // reads every candidate to classify it and loading reads it again, so the second read need
  // not touch the disk. Entries leave when handed back or released.
  void keep_texts_for_one_more_read(size_t budget_bytes);
  static constexpr size_t kScanTextBudgetBytes = 32u << 20;  // what `ephemera scan` keeps

  void set_overlay(const std::string& path, std::string text);
  void clear_overlay(const std::string& path);
  bool inside_roots(const std::string& path) const;

 private:
  bool inside_normalized_roots(const std::string& normalized) const;

  std::vector<std::string> roots_;  // absolute, normalised
  size_t max_file_bytes_;
  mutable std::mutex overlay_mutex_;
  std::map<std::string, std::string> overlay_;  // absolute normalised path -> text
  size_t kept_budget_ = 0;
  mutable size_t kept_bytes_ = 0;  // kept and not handed back or released
  mutable std::map<std::string, std::string> kept_;  // guarded by overlay_mutex_
};

// Absolute, lexically normalised form of a path (no symlink resolution).
std::string normalize_path(const std::string& path);

}  // namespace eph
