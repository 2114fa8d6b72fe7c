#pragma once
// How front-ends read files beyond the documents they were given (module sources,
// tfvars, file() and templatefile()). The CLI reads the disk; the LSP overlays its open
// buffers. Front-ends never read outside the provider's roots.
#include <optional>
#include <string>
#include <vector>

namespace eph {

class FileProvider {
 public:
  virtual ~FileProvider() = default;
  // Content of a file, or nullopt when missing, unreadable, or outside the scanned tree.
  virtual std::optional<std::string> read(const std::string& path) const = 0;
  // Entries (names, not paths) of a directory; files only when `files_only`.
  virtual std::vector<std::string> list(const std::string& dir, bool files_only = true) const = 0;
  virtual bool is_directory(const std::string& path) const = 0;
  // The caller will not read `path` again (planning found it is not infrastructure code): a
  // provider that keeps texts for a later read may drop it.
  virtual void release(const std::string& path) const { (void)path; }
  // Why `path` is not read although it may exist (it lies outside the scanned roots, or a
  // symbolic link on the way leads out of them), for the unknown value that stands for it;
  // nullopt when it is not refused.
  virtual std::optional<std::string> refusal(const std::string& path) const {
    (void)path;
    return std::nullopt;
  }
};

}  // namespace eph
