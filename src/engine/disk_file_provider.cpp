#include "engine/disk_file_provider.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <filesystem>

namespace fs = std::filesystem;

namespace eph {

namespace {

// The working directory, read once: fs::absolute asks the kernel for it on every call, and
// paths are normalised several times per file. ephemera never changes directory while it
// scans (the test drivers change it once, before anything is read).
const fs::path& working_directory() {
  static const fs::path cwd = [] {
    std::error_code ec;
    fs::path p = fs::current_path(ec);
    return ec ? fs::path() : p;
  }();
  return cwd;
}

}  // namespace

std::string normalize_path(const std::string& path) {
  fs::path p = path;
  if (p.is_relative() && !working_directory().empty()) p = working_directory() / p;
  std::string s = p.lexically_normal().string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

DiskFileProvider::DiskFileProvider(std::vector<std::string> roots, size_t max_file_bytes)
    : max_file_bytes_(max_file_bytes) {
  for (auto& r : roots) roots_.push_back(normalize_path(r));
}

bool DiskFileProvider::inside_roots(const std::string& path) const {
  return roots_.empty() || inside_normalized_roots(normalize_path(path));
}

bool DiskFileProvider::inside_normalized_roots(const std::string& normalized) const {
  if (roots_.empty()) return true;
  for (const auto& r : roots_) {
    if (normalized == r) return true;
    if (normalized.size() > r.size() && normalized.compare(0, r.size(), r) == 0 &&
        (normalized[r.size()] == '/' || r == "/"))
      return true;
  }
  return false;
}

std::optional<std::string> DiskFileProvider::read(const std::string& path) const {
  std::string normalized = normalize_path(path);
  if (!inside_normalized_roots(normalized)) return std::nullopt;
  {
    std::lock_guard<std::mutex> lock(overlay_mutex_);
    auto it = overlay_.find(normalized);
    if (it != overlay_.end()) return it->second;
    if (auto kept = kept_.find(normalized); kept != kept_.end()) {
      std::string text = std::move(kept->second);
      kept_bytes_ -= text.size();
      kept_.erase(kept);
      return text;
    }
  }
  // One open and one fstat per file. O_NONBLOCK: opening a FIFO must not wait for a writer
  // (it is then refused as not a regular file).
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || static_cast<uint64_t>(st.st_size) > max_file_bytes_) {
    ::close(fd);
    return std::nullopt;
  }
  std::string text(static_cast<size_t>(st.st_size), '\0');
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::read(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  ::close(fd);
  text.resize(done);
  if (kept_budget_ > 0) {
    std::lock_guard<std::mutex> lock(overlay_mutex_);
    if (kept_bytes_ + text.size() <= kept_budget_ && kept_.emplace(normalized, text).second) kept_bytes_ += text.size();
  }
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

void DiskFileProvider::release(const std::string& path) const {
  std::lock_guard<std::mutex> lock(overlay_mutex_);
  if (auto kept = kept_.find(normalize_path(path)); kept != kept_.end()) {
    kept_bytes_ -= kept->second.size();
    kept_.erase(kept);
  }
}

void DiskFileProvider::keep_texts_for_one_more_read(size_t budget_bytes) {
  std::lock_guard<std::mutex> lock(overlay_mutex_);
  kept_budget_ = budget_bytes;
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
