#include "report/source_root.h"

namespace fs = std::filesystem;

namespace eph {

SourceRoot::SourceRoot(const std::string& option) {
  std::error_code ec;
  root_ = fs::absolute(option.empty() ? fs::current_path(ec) : fs::path(option), ec).lexically_normal();
}

fs::path SourceRoot::absolute(const std::string& file) const {
  std::error_code ec;
  return fs::absolute(file, ec).lexically_normal();
}

std::optional<std::string> SourceRoot::relative(const std::string& file) const {
  if (auto it = relative_.find(file); it != relative_.end()) return it->second;
  fs::path rel = absolute(file).lexically_relative(root_);
  std::optional<std::string> out;
  if (!rel.empty() && rel.begin()->string() != "..") out = rel.generic_string();
  relative_.emplace(file, out);
  return out;
}

}  // namespace eph
