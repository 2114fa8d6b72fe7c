#include "core/path_confinement.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#if defined(__linux__)
#include <linux/openat2.h>
#include <sys/syscall.h>
#endif

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
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

std::optional<std::string> realpath_of(const std::string& path) {
  char buf[PATH_MAX];
  if (!::realpath(path.c_str(), buf)) return std::nullopt;
  return std::string(buf);
}

std::string parent_of(const std::string& normalized) {
  size_t slash = normalized.rfind('/');
  if (slash == std::string::npos || slash == 0) return "/";
  return normalized.substr(0, slash);
}

std::string join(const std::string& dir, const std::string& name) { return dir == "/" ? "/" + name : dir + "/" + name; }

// What the kernel says the descriptor is open on: the answer does not depend on any path
// looked up again, so a directory swapped for a symlink after the open cannot fool it.
std::optional<std::string> path_of_descriptor(int fd) {
#if defined(__linux__)
  char link[64];
  std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  char buf[PATH_MAX];
  ssize_t n = ::readlink(link, buf, sizeof buf - 1);
  if (n > 0 && buf[0] == '/') return std::string(buf, static_cast<size_t>(n));
#elif defined(F_GETPATH)
  char buf[PATH_MAX];
  if (::fcntl(fd, F_GETPATH, buf) == 0) return std::string(buf);
#else
  (void)fd;
#endif
  return std::nullopt;  // no /proc (a minimal container): the caller compares inodes instead
}

// Opens `real` with openat2's RESOLVE_NO_SYMLINKS: the kernel refuses a link anywhere on the
// way (ELOOP), so the descriptor is on `real` itself. nullopt where openat2 is missing (kernels
// before 5.6, seccomp filters that deny it): the caller then asks the kernel what it opened.
std::optional<int> open_without_links(const std::string& real, int flags) {
#if defined(__linux__) && defined(SYS_openat2)
  static std::atomic<bool> unavailable{false};
  if (unavailable.load(std::memory_order_relaxed)) return std::nullopt;
  struct open_how how {};
  how.flags = static_cast<uint64_t>(flags);
  how.resolve = RESOLVE_NO_SYMLINKS;
  long fd = ::syscall(SYS_openat2, AT_FDCWD, real.c_str(), &how, sizeof how);
  if (fd >= 0) return static_cast<int>(fd);
  if (errno != ENOSYS && errno != EPERM && errno != E2BIG && errno != EINVAL) return -1;
  unavailable.store(true, std::memory_order_relaxed);
#else
  (void)real;
  (void)flags;
#endif
  return std::nullopt;
}

// The names in an open directory, with their d_type. On Linux straight from getdents64:
// fdopendir and readdir cost three more system calls per directory (an fstat and two fcntl).
bool read_directory(int fd, std::vector<std::pair<std::string, unsigned char>>& out) {
#if defined(__linux__) && defined(__GLIBC__)
  alignas(struct dirent64) char buf[32768];
  for (;;) {
    ssize_t n = ::getdents64(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) return true;
    for (ssize_t at = 0; at < n;) {
      const auto* d = reinterpret_cast<const struct dirent64*>(buf + at);
      out.emplace_back(d->d_name, d->d_type);
      at += d->d_reclen;
    }
  }
#else
  int own = ::dup(fd);  // closedir closes the descriptor it was given; the caller closes fd
  DIR* stream = own < 0 ? nullptr : ::fdopendir(own);
  if (!stream) {
    if (own >= 0) ::close(own);
    return false;
  }
  while (struct dirent* d = ::readdir(stream)) out.emplace_back(d->d_name, d->d_type);
  ::closedir(stream);
  return true;
#endif
}

}  // namespace

namespace {

// std::filesystem::path::lexically_normal on a POSIX path, without the trailing slash it keeps
// after a last `.` or `..` (but "/" stays): `.` dropped, `..` takes away the name before it,
// `..` right after the root dropped, repeated slashes one, nothing left "." ("/" when absolute).
// Written on the string: through std::filesystem (a path object, its components, the
// lexically_normal copy) this was 4% of a corpus scan, where paths are normalised several times
// per file. tests/unit/core/normalize_path_test.cpp holds it to lexically_normal.
std::string normal_form(std::string_view path) {
  if (path.empty()) return std::string();
  bool absolute = path.front() == '/';
  std::vector<std::string_view> names;
  size_t at = 0;
  while (at < path.size()) {
    while (at < path.size() && path[at] == '/') ++at;
    size_t end = path.find('/', at);
    if (end == std::string_view::npos) end = path.size();
    std::string_view name = path.substr(at, end - at);
    at = end;
    if (name.empty() || name == ".") continue;
    if (name == "..") {
      if (!names.empty() && names.back() != "..") names.pop_back();
      else if (!absolute) names.push_back(name);
      continue;
    }
    names.push_back(name);
  }
  std::string out = absolute ? "/" : "";
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) out += '/';
    out += names[i];
  }
  return out.empty() ? "." : out;
}

}  // namespace

std::string normalize_path(const std::string& path) {
  if ((!path.empty() && path.front() == '/') || working_directory().empty()) return normal_form(path);
  return normal_form(working_directory().native() + "/" + path);
}

bool path_within(const std::string& path, const std::string& root) {
  if (path.size() < root.size() || path.compare(0, root.size(), root) != 0) return false;
  return path.size() == root.size() || root == "/" || path[root.size()] == '/';
}

PathConfinement::PathConfinement(const std::vector<std::string>& roots, bool follow_symlinks)
    : follow_symlinks_(follow_symlinks) {
  for (const auto& root : roots) {
    // The root as given is trusted, even when it is itself a symbolic link: the user named it.
    std::string lexical = normalize_path(root);
    lexical_roots_.push_back(lexical);
    real_roots_.push_back(realpath_of(lexical).value_or(lexical));
  }
}

bool PathConfinement::inside_real(const std::string& real) const {
  return std::any_of(real_roots_.begin(), real_roots_.end(), [&](const std::string& r) { return path_within(real, r); });
}

bool PathConfinement::inside_lexical(const std::string& normalized) const {
  auto within = [&](const std::string& r) { return path_within(normalized, r); };
  return std::any_of(lexical_roots_.begin(), lexical_roots_.end(), within) ||
         std::any_of(real_roots_.begin(), real_roots_.end(), within);
}

// Resolved one component at a time, each on its parent's cached real path: one lstat per
// directory, where realpath(3) read every component of every directory again (a readlink per
// component: most of a large scan's system calls). The same answer as realpath: a component
// that is a link is resolved whole from its real parent.
std::optional<std::string> PathConfinement::real_directory(const std::string& dir) const {
  if (dir == "/") return dir;
  {
    std::lock_guard<std::mutex> lock(cache_mutex_);
    if (std::optional<std::string> cached = cached_real_directory(dir)) return cached;
  }
  std::optional<std::string> real;
  if (dir.empty() || dir.front() != '/') {
    real = realpath_of(dir);
  } else if (std::optional<std::string> parent = real_directory(parent_of(dir))) {
    std::string candidate = join(*parent, dir.substr(dir.rfind('/') + 1));
    struct stat st {};
    if (::lstat(candidate.c_str(), &st) == 0) real = S_ISLNK(st.st_mode) ? realpath_of(candidate) : candidate;
  }
  if (real) {
    std::lock_guard<std::mutex> lock(cache_mutex_);
    remember_real_directory(dir, *real);
  }
  return real;
}

namespace {
// A map node and two strings' headers, roughly: what an entry costs beyond its characters.
constexpr size_t kCacheEntryOverhead = 128;
}  // namespace

std::optional<std::string> PathConfinement::cached_real_directory(const std::string& dir) const {
  if (auto it = real_directories_.find(dir); it != real_directories_.end()) return it->second;
  auto old = older_real_directories_.find(dir);
  if (old == older_real_directories_.end()) return std::nullopt;
  std::string real = old->second;
  remember_real_directory(dir, real);  // still in use: into the newer generation
  return real;
}

void PathConfinement::remember_real_directory(const std::string& dir, const std::string& real) const {
  if (!real_directories_.emplace(dir, real).second) return;
  real_directories_bytes_ += dir.size() + real.size() + kCacheEntryOverhead;
  if (real_directories_bytes_ <= kDirectoryCacheBytes) return;
  older_real_directories_ = std::move(real_directories_);
  real_directories_.clear();
  real_directories_bytes_ = 0;
}

size_t PathConfinement::cached_directory_bytes() const {
  std::lock_guard<std::mutex> lock(cache_mutex_);
  size_t bytes = 0;
  for (const auto* cache : {&real_directories_, &older_real_directories_})
    for (const auto& [dir, real] : *cache) bytes += dir.size() + real.size() + kCacheEntryOverhead;
  return bytes;
}

// The real path of an existing path: its directory resolved (cached), then the last component
// resolved only when it is itself a symbolic link. nullopt: missing, or a link to nothing.
std::optional<std::string> PathConfinement::real_path(const std::string& normalized) const {
  if (normalized == "/") return normalized;
  std::optional<std::string> dir = real_directory(parent_of(normalized));
  if (!dir) return std::nullopt;
  std::string candidate = join(*dir, normalized.substr(normalized.rfind('/') + 1));
  struct stat st {};
  if (::lstat(candidate.c_str(), &st) != 0) return std::nullopt;
  if (S_ISLNK(st.st_mode)) return realpath_of(candidate);
  return candidate;
}

// A path that does not resolve: missing below a directory inside the roots (Inside, nothing to
// read), or below one outside. A dangling link on the way is followed by hand to where its
// target would be, walked the way the kernel walks it (`..` after a link included), so that a
// link to a missing file of the tree reads as missing while any link whose target lies outside
// answers the same whether that target exists or not: the answer never tells what exists on
// the machine.
PathConfinement::Verdict PathConfinement::verdict_of_unresolved(const std::string& path) const {
  std::string p = path;
  for (int links = 0; links < 40;) {  // the kernel's own bound on links followed
    struct stat st {};
    if (::lstat(p.c_str(), &st) == 0) {
      if (std::optional<std::string> real = realpath_of(p)) return inside_real(*real) ? Verdict::Inside : Verdict::LeadsOutside;
      if (!S_ISLNK(st.st_mode)) return Verdict::LeadsOutside;  // exists, yet does not resolve: refuse
      char target[PATH_MAX];
      ssize_t n = ::readlink(p.c_str(), target, sizeof target - 1);
      if (n <= 0) return Verdict::LeadsOutside;
      std::string to(target, static_cast<size_t>(n));
      p = to.front() == '/' ? to : parent_of(p) + "/" + to;
      ++links;
      continue;
    }
    if (p == "/" || p.find('/') == std::string::npos) return Verdict::Inside;
    p = parent_of(p);
  }
  return Verdict::LeadsOutside;  // a loop of links
}

PathConfinement::Verdict PathConfinement::check(const std::string& path) const {
  if (!confined()) return Verdict::Inside;
  std::string normalized = normalize_path(path);
  bool written_inside = inside_lexical(normalized);
  if (follow_symlinks_) return written_inside ? Verdict::Inside : Verdict::Outside;
  std::optional<std::string> real = real_path(normalized);
  Verdict verdict = real ? (inside_real(*real) ? Verdict::Inside : Verdict::LeadsOutside)
                         : verdict_of_unresolved(normalized);
  if (verdict == Verdict::LeadsOutside && !written_inside) return Verdict::Outside;
  return verdict;
}

std::string PathConfinement::reason(Verdict verdict) {
  switch (verdict) {
    case Verdict::Inside: return "";
    case Verdict::Outside: return "outside the scanned paths";
    case Verdict::LeadsOutside:
      return "a symbolic link on the way leads outside the scanned paths (or to nothing); "
             "--follow-symlinks reads it, unsafe on code you do not trust";
  }
  return "";
}

// Opening a path only after it resolved inside the roots matters as much as checking what was
// opened: opening a device or a FIFO outside the tree (a link to /dev/watchdog, to a pipe) can
// act on the machine even if nothing is read. So the path is resolved first and the open is on
// the resolved path with O_NOFOLLOW; then the kernel's own path of the descriptor is checked
// again, which closes the window between the two (a directory swapped for a link meanwhile):
// nothing is read from a descriptor that is not inside the roots. Where the kernel can refuse
// every link on the way (openat2), a descriptor it opened is on `real` (inside the roots,
// checked by the callers) and need not be asked about: one system call fewer per file.
int PathConfinement::open_verified(const std::string& real, bool directory) const {
  int flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY | (directory ? O_DIRECTORY : 0);
  bool resolving = confined() && !follow_symlinks_;
  if (resolving) flags |= O_NOFOLLOW;  // `real` has no link left: one now is a swap
  std::optional<int> without_links = resolving ? open_without_links(real, flags) : std::nullopt;
  int fd = without_links ? *without_links : ::open(real.c_str(), flags);
  if (fd < 0) return -1;
  if (without_links && !open_observer_) return fd;
  std::optional<std::string> opened = path_of_descriptor(fd);
  if (open_observer_) open_observer_(opened.value_or(real));
  if (!confined() || follow_symlinks_) return fd;
  bool inside = false;
  if (opened) {
    inside = inside_real(*opened);
  } else {
    struct stat by_fd {}, by_path {};
    inside = ::fstat(fd, &by_fd) == 0 && ::lstat(real.c_str(), &by_path) == 0 && by_fd.st_dev == by_path.st_dev &&
             by_fd.st_ino == by_path.st_ino && inside_real(real);
  }
  if (!inside) {
    ::close(fd);
    errno = EACCES;
    return -1;
  }
  return fd;
}

int PathConfinement::open_for_reading(const std::string& path, bool directory) const {
  std::string normalized = normalize_path(path);
  if (!confined()) return open_verified(normalized, directory);
  if (follow_symlinks_) {
    if (!inside_lexical(normalized)) {
      errno = EACCES;
      return -1;
    }
    return open_verified(normalized, directory);
  }
  // A file in a directory whose real path is known: opened without asking first whether it is
  // a link, since the open refuses a link (ELOOP: O_NOFOLLOW, openat2), and only then is it
  // resolved below. One system call fewer per file read.
  if (!directory && normalized != "/") {
    if (std::optional<std::string> dir = real_directory(parent_of(normalized))) {
      std::string candidate = join(*dir, normalized.substr(normalized.rfind('/') + 1));
      if (inside_real(candidate)) {
        int fd = open_verified(candidate, false);
        if (fd >= 0 || errno != ELOOP) return fd;
      }
    }
  }
  std::optional<std::string> real = real_path(normalized);
  if (!real) {
    errno = ENOENT;
    return -1;
  }
  if (!inside_real(*real)) {
    errno = EACCES;
    return -1;
  }
  return open_verified(*real, directory);
}

std::optional<std::string> PathConfinement::read_named_file(const std::string& path, std::string* why) const {
  Verdict verdict = check(path);
  if (verdict == Verdict::LeadsOutside) {
    if (why) *why = reason(verdict);
    return std::nullopt;
  }
  int fd = verdict == Verdict::Outside ? ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
                                       : open_for_reading(path);
  struct stat st {};
  if (fd >= 0 && (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))) {
    ::close(fd);
    fd = -1;
    errno = EISDIR;
  }
  if (fd < 0) {
    if (why) *why = std::strerror(errno);
    return std::nullopt;
  }
  std::string text;
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    text.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return text;
}

std::optional<std::vector<PathConfinement::Entry>> PathConfinement::list_directory(const std::string& dir,
                                                                                  std::string* error,
                                                                                  DirectoryId* id) const {
  std::string normalized = normalize_path(dir);
  // Resolved once, for the open (as open_for_reading does) and for the entries' links.
  bool resolving = confined() && !follow_symlinks_;
  std::optional<std::string> real = resolving ? real_directory(normalized) : normalized;
  int fd = -1;
  if (!resolving) fd = open_for_reading(normalized, true);
  else if (!real) errno = ENOENT;
  else if (!inside_real(*real)) errno = EACCES;
  else fd = open_verified(*real, true);
  if (fd < 0) {
    if (error) *error = std::strerror(errno);
    return std::nullopt;
  }
  struct stat listed {};
  if (id && ::fstat(fd, &listed) == 0) *id = {listed.st_dev, listed.st_ino};
  std::vector<std::pair<std::string, unsigned char>> names;  // with their d_type
  if (!read_directory(fd, names)) {
    if (error) *error = std::strerror(errno);
    ::close(fd);
    return std::nullopt;
  }
  std::vector<Entry> entries;
  for (auto& [name, d_type] : names) {
    if (name == "." || name == "..") continue;
    Entry e;
    e.name = name;
    unsigned char type = d_type;
    struct stat st {};
    if (type == DT_UNKNOWN && ::fstatat(fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0) {
      type = S_ISLNK(st.st_mode) ? DT_LNK : S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : DT_UNKNOWN;
    }
    if (type == DT_LNK) {
      e.symlink = true;
      bool follow = !confined() || follow_symlinks_;
      std::optional<std::string> target = follow || !real ? std::nullopt : realpath_of(join(*real, name));
      if (!follow && !target) {
        // Dangling: a link to a missing file of the tree is listed (and found unreadable), as before.
        bool inside = real && verdict_of_unresolved(join(*real, name)) == Verdict::Inside;
        e.type = inside ? Entry::Type::Other : Entry::Type::LeadsOutside;
      } else if (!follow && !inside_real(*target)) {
        e.type = Entry::Type::LeadsOutside;
      } else if (::fstatat(fd, name.c_str(), &st, 0) == 0) {
        e.type = S_ISDIR(st.st_mode) ? Entry::Type::Directory : S_ISREG(st.st_mode) ? Entry::Type::File : Entry::Type::Other;
      }
    } else {
      e.type = type == DT_DIR ? Entry::Type::Directory : type == DT_REG ? Entry::Type::File : Entry::Type::Other;
    }
    entries.push_back(std::move(e));
  }
  ::close(fd);
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.name < b.name; });
  // A subdirectory listed here (not a link) is at its parent's real path: the walk and the
  // reads below it need not resolve it again.
  if (resolving && real) {
    std::lock_guard<std::mutex> lock(cache_mutex_);
    for (const auto& e : entries)
      if (e.type == Entry::Type::Directory && !e.symlink) remember_real_directory(join(normalized, e.name), join(*real, e.name));
  }
  return entries;
}

}  // namespace eph
