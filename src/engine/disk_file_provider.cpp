#include "engine/disk_file_provider.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace eph {

std::string normalize_path(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::absolute(path, ec);
  if (ec) p = path;
  std::string s = p.lexically_normal().string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

DiskFileProvider::DiskFileProvider(std::vector<std::string> roots, size_t max_file_bytes)
    : max_file_bytes_(max_file_bytes) {
  for (auto& r : roots) roots_.push_back(normalize_path(r));
}

bool DiskFileProvider::inside_roots(const std::string& path) const {
  if (roots_.empty()) return true;
  std::string p = normalize_path(path);
  for (const auto& r : roots_) {
    if (p == r) return true;
    if (p.size() > r.size() && p.compare(0, r.size(), r) == 0 && (p[r.size()] == '/' || r == "/")) return true;
  }
  return false;
}

std::optional<std::string> DiskFileProvider::read(const std::string& path) const {
  if (!inside_roots(path)) return std::nullopt;
  {
    std::lock_guard<std::mutex> lock(overlay_mutex_);
    auto it = overlay_.find(normalize_path(path));
    if (it != overlay_.end()) return it->second;
  }
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::nullopt;
  auto size = fs::file_size(path, ec);
  if (ec || size > max_file_bytes_) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string text(static_cast<size_t>(size), '\0');
  in.read(text.data(), static_cast<std::streamsize>(size));
  text.resize(static_cast<size_t>(in.gcount()));
  return text;
}

std::vector<std::string> DiskFileProvider::list(const std::string& dir, bool files_only) const {
  std::vector<std::string> names;
  if (!inside_roots(dir)) return names;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    if (files_only && !it->is_regular_file(type_ec)) continue;
    names.push_back(it->path().filename().string());
  }
  {
    std::lock_guard<std::mutex> lock(overlay_mutex_);
    std::string base = normalize_path(dir) + "/";
    for (const auto& [path, text] : overlay_) {
      if (path.compare(0, base.size(), base) == 0 && path.find('/', base.size()) == std::string::npos) {
        std::string name = path.substr(base.size());
        bool present = false;
        for (const auto& n : names) present = present || n == name;
        if (!present) names.push_back(name);
      }
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

bool DiskFileProvider::is_directory(const std::string& path) const {
  std::error_code ec;
  return inside_roots(path) && fs::is_directory(path, ec);
}

void DiskFileProvider::set_overlay(const std::string& path, std::string text) {
  std::lock_guard<std::mutex> lock(overlay_mutex_);
  overlay_[normalize_path(path)] = std::move(text);
}

void DiskFileProvider::clear_overlay(const std::string& path) {
  std::lock_guard<std::mutex> lock(overlay_mutex_);
  overlay_.erase(normalize_path(path));
}

}  // namespace eph
