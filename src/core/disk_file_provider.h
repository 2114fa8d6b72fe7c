#pragma once
// Files from disk, confined to the scanned roots (PathConfinement: after resolving symbolic
// links), with an optional overlay of in-memory contents (the LSP's unsaved buffers win over
// the disk).
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "core/file_provider.h"
#include "core/path_confinement.h"

namespace eph {

class DiskFileProvider final : public FileProvider {
 public:
  // `roots`: directories nothing outside of which is read. Empty: no confinement.
  // `follow_symlinks`: links leading out of the roots are followed (only the path as written
  // is confined); unsafe on code you do not trust.
  explicit DiskFileProvider(std::vector<std::string> roots = {}, size_t max_file_bytes = 8u << 20,
                            bool follow_symlinks = false);

  std::optional<std::string> read(const std::string& path) const override;
  std::vector<std::string> list(const std::string& dir, bool files_only = true) const override;
  bool is_directory(const std::string& path) const override;
  void release(const std::string& path) const override;
  std::optional<std::string> refusal(const std::string& path) const override;

  // Keeps the texts read, up to `budget_bytes` at a time, and hands each back once: planning
  // reads every candidate to classify it and loading reads it again, so the second read need
  // not touch the disk. Entries leave when handed back or released.
  void keep_texts_for_one_more_read(size_t budget_bytes);
  // What `ephemera scan` keeps. Planning reads in path order and the analysis takes the units
  // in that order too: the texts kept serve the first units, the rest are read again whatever
  // the budget. 8 MiB is a tree of ~1,500 files read once; on a large tree more would save a
  // few milliseconds of reads and hold that much more while its analysis starts.
  static constexpr size_t kScanTextBudgetBytes = 8u << 20;

  void set_overlay(const std::string& path, std::string text);
  void clear_overlay(const std::string& path);
  const PathConfinement& confinement() const { return confinement_; }
  // Tests: see PathConfinement::set_open_observer.
  void set_open_observer(std::function<void(const std::string& real_path)> observer) {
    confinement_.set_open_observer(std::move(observer));
  }

 private:
  PathConfinement confinement_;
  size_t max_file_bytes_;
  mutable std::mutex overlay_mutex_;
  std::map<std::string, std::string> overlay_;  // absolute normalised path -> text
  size_t kept_budget_ = 0;
  mutable size_t kept_bytes_ = 0;  // kept and not handed back or released
  mutable std::map<std::string, std::string> kept_;  // guarded by overlay_mutex_
};

}  // namespace eph
