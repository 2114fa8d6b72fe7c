#pragma once
// The one place that decides what may be read while scanning a tree that may not be trusted.
// Every file and directory the scan opens (discovery, the front-ends' files, file() and the
// other Terraform filesystem functions, module sources, tfvars, plans) is opened here.
//
// Roots are the paths the user named (command-line paths, the editor's workspace folders):
// trusted as given, resolved once with realpath. A path is inside when its real path, every
// symbolic link resolved, is a root or lies below one, compared component by component (so
// /a/bc is not inside /a/b). A symbolic link leading out of the roots is not followed unless
// the user opted in (`--follow-symlinks`); then only the path as written is confined.
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace eph {

// True when `path` is `root` or below it, component by component. Both are absolute and
// normalised (no `.`, `..`, repeated or trailing slashes).
bool path_within(const std::string& path, const std::string& root);

// Absolute, lexically normalised form of a path (no symlink resolution).
std::string normalize_path(const std::string& path);

class PathConfinement {
 public:
  // No roots: nothing is confined (callers that read only what they were handed).
  explicit PathConfinement(const std::vector<std::string>& roots = {}, bool follow_symlinks = false);

  enum class Verdict {
    Inside,        // may be read (or does not exist, below a directory that is inside)
    Outside,       // the path as written lies outside every root (an absolute path, `../`)
    LeadsOutside,  // written inside, but a symbolic link on the way leads out of the roots (or nowhere)
  };
  Verdict check(const std::string& path) const;
  // Why a path with this verdict is not read, for messages ("" for Inside).
  static std::string reason(Verdict verdict);

  // A descriptor open for reading on `path` when it is inside the roots, else -1 (also when
  // missing). `directory`: open a directory (for listing) instead of a file.
  int open_for_reading(const std::string& path, bool directory = false) const;

  // A file the user named (configuration, baseline, --var-file) or one found above the roots:
  // read as given when it lies outside the roots as written, since then it is the user's own;
  // inside them it is a file of the scanned tree and read only through the confinement.
  // nullopt, with `why`, when it is refused or cannot be read.
  std::optional<std::string> read_named_file(const std::string& path, std::string* why = nullptr) const;

  struct Entry {
    enum class Type { File, Directory, Other, LeadsOutside };
    std::string name;
    Type type = Type::Other;
    bool symlink = false;
  };
  // A directory's identity on its file system (device, inode): the same directory reached by
  // two paths has one.
  using DirectoryId = std::pair<uint64_t, uint64_t>;
  // Entries of a directory inside the roots, sorted by name; nullopt when it cannot be listed
  // (missing, not a directory, outside). A symbolic link entry leading out is typed LeadsOutside.
  // `id`, when given, receives the identity of the directory listed.
  std::optional<std::vector<Entry>> list_directory(const std::string& dir, std::string* error = nullptr,
                                                   DirectoryId* id = nullptr) const;

  bool confined() const { return !lexical_roots_.empty(); }
  bool follows_symlinks() const { return follow_symlinks_; }

  // Tests: called with the kernel's path of every file and directory opened (before it is
  // read), so a test can prove nothing outside the roots was ever opened.
  void set_open_observer(std::function<void(const std::string& real_path)> observer) {
    open_observer_ = std::move(observer);
  }

 private:
  bool inside_real(const std::string& real) const;
  bool inside_lexical(const std::string& normalized) const;
  std::optional<std::string> real_directory(const std::string& normalized_dir) const;
  std::optional<std::string> real_path(const std::string& normalized) const;
  Verdict verdict_of_unresolved(const std::string& normalized) const;
  int open_verified(const std::string& real, bool directory) const;

  std::vector<std::string> lexical_roots_;  // as given, absolute and normalised
  std::vector<std::string> real_roots_;     // the same, resolved once
  bool follow_symlinks_ = false;
  std::function<void(const std::string&)> open_observer_;
  // Real paths of directories already resolved: reads are per file, directories repeat. A
  // scan walks, plans and analyses in path order, so the directories asked again are the
  // recent ones: two generations, the older dropped once the newer holds kDirectoryCacheBytes
  // (a large tree's every directory would be tens of MiB held to the end).
  std::optional<std::string> cached_real_directory(const std::string& dir) const;  // under cache_mutex_
  void remember_real_directory(const std::string& dir, const std::string& real) const;  // under cache_mutex_
  mutable std::mutex cache_mutex_;
  mutable std::map<std::string, std::string> real_directories_, older_real_directories_;
  mutable size_t real_directories_bytes_ = 0;

 public:
  static constexpr size_t kDirectoryCacheBytes = 1u << 20;
  // Tests: bytes of paths the directory cache holds now (at most twice the bound above).
  size_t cached_directory_bytes() const;
};

}  // namespace eph
