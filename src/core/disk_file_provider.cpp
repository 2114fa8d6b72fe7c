#include "core/disk_file_provider.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <filesystem>

namespace fs = std::filesystem;

namespace eph {

DiskFileProvider::DiskFileProvider(std::vector<std::string> roots, size_t max_file_bytes, bool follow_symlinks)
    : confinement_(roots, follow_symlinks), max_file_bytes_(max_file_bytes) {}

std::optional<std::string> DiskFileProvider::refusal(const std::string& path) const {
  PathConfinement::Verdict verdict = confinement_.check(path);
  if (verdict == PathConfinement::Verdict::Inside) return std::nullopt;
  return PathConfinement::reason(verdict);
}

std::optional<std::string> DiskFileProvider::read(const std::string& path) const {
  std::string normalized = normalize_path(path);
  std::optional<std::string> buffer;
  {
    std::lock_guard<std::mutex> lock(overlay_mutex_);
    if (auto it = overlay_.find(normalized); it != overlay_.end()) {
      buffer = it->second;
    } else if (auto kept = kept_.find(normalized); kept != kept_.end()) {
      // Read through the confinement moments ago.
      std::string text = std::move(kept->second);
      kept_bytes_ -= text.size();
      kept_.erase(kept);
      return text;
    }
  }
  // An editor buffer is served only where the disk file would be: it may be the buffer of a
  // link that leads outside.
  if (buffer) return confinement_.check(normalized) == PathConfinement::Verdict::Inside ? buffer : std::nullopt;
  // One open and one fstat per file, through the confinement. O_NONBLOCK: opening a FIFO must
  // not wait for a writer (it is then refused as not a regular file).
  int fd = confinement_.open_for_reading(normalized);
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
  if (confinement_.check(dir) != PathConfinement::Verdict::Inside) return names;
  // A link leading out of the roots is left out, as if absent.
  for (const auto& e : confinement_.list_directory(dir).value_or(std::vector<PathConfinement::Entry>{})) {
    using Type = PathConfinement::Entry::Type;
    if (e.type == Type::File || (!files_only && (e.type == Type::Directory || e.type == Type::Other)))
      names.push_back(e.name);
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
  return confinement_.check(path) == PathConfinement::Verdict::Inside && fs::is_directory(path, ec);
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
