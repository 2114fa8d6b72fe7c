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
  fs::path rel = absolute(file).lexically_relative(root_);
  if (rel.empty() || rel.begin()->string() == "..") return std::nullopt;
  return rel.generic_string();
}

}  // namespace eph
