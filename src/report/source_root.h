#pragma once
// The directory report paths are made relative to (--source-root; default: the working
// directory). SARIF's SRCROOT and GitLab's repository-relative paths come from here.
#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace eph {

class SourceRoot {
 public:
  explicit SourceRoot(const std::string& option);

  const std::filesystem::path& path() const { return root_; }
  // `file` relative to the root ("infra/main.tf"), or nothing when it lies outside it.
  // Remembered per file: a report asks for the same few files once per finding and link.
  std::optional<std::string> relative(const std::string& file) const;
  // `file` made absolute and normal.
  std::filesystem::path absolute(const std::string& file) const;

 private:
  std::filesystem::path root_;
  mutable std::map<std::string, std::optional<std::string>, std::less<>> relative_;
};

}  // namespace eph
