#include "engine/discovery.h"

#include <sys/stat.h>

#include <algorithm>
#include <optional>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <string_view>
#include <unordered_set>

#include "core/disk_file_provider.h"
#include "core/parallel_for.h"
#include "engine/config_loader.h"
#include "core/path_confinement.h"
#include "engine/path_exclusion.h"
#include "engine/utf8_validation.h"
#include "formats/registry.h"

namespace fs = std::filesystem;

namespace eph {
namespace {

constexpr int kMaxWalkDepth = 64;

std::string join_path(const std::string& dir, const std::string& name) {
  if (dir.empty() || dir == ".") return dir == "." ? "./" + name : name;
  return dir.back() == '/' ? dir + name : dir + "/" + name;
}

bool skipped_directory(const std::string& name) {
  static const std::set<std::string> skip = {".git", ".terraform", "node_modules", ".aws-sam", "cdk.out",
                                              ".serverless", ".hg", ".svn", ".venv", "__pycache__"};
  return skip.count(name) > 0;
}

// `dir` as the walk writes it, and `absolute` the same directory absolute and normalised
// (what configuration lookups ask about).
std::string join_absolute(const std::string& absolute, const std::string& name) {
  return absolute == "/" ? "/" + name : absolute + "/" + name;
}

bool config_file_name(const std::string& name) {
  return std::any_of(std::begin(kConfigFileNames), std::end(kConfigFileNames), [&](const char* n) { return name == n; });
}

struct Walker {
  const PathExclusion& exclusion;
  const PathConfinement& confinement;
  DiscoveredFiles& out;
  std::set<PathConfinement::DirectoryId> visited;

  bool descends(const std::string& path, const std::string& name) const {
    return !skipped_directory(name) && !exclusion.excluded(path);
  }

  void walk(const std::string& dir, const std::string& absolute, int depth) {
    // The directory's identity comes with its listing (no second lookup of its path); a
    // directory that cannot be listed is told by its path, to say so once.
    std::string error;
    PathConfinement::DirectoryId id{};
    auto entries = confinement.list_directory(dir, &error, &id);
    struct stat st {};
    if (!entries || id == PathConfinement::DirectoryId{}) {
      if (stat(dir.c_str(), &st) != 0) return;
      id = {st.st_dev, st.st_ino};
    }
    if (!visited.insert(id).second) return;  // symlink loop or path given twice
    if (depth > kMaxWalkDepth) {
      out.errors.push_back({dir, "directory nesting deeper than " + std::to_string(kMaxWalkDepth) + " levels: not scanned further"});
      return;
    }
    if (!entries) {
      out.errors.push_back({dir, "cannot read directory: " + error});
      return;
    }
    std::vector<std::pair<std::string, std::string>> subdirs;  // as walked, absolute
    std::vector<std::string_view> config_files;
    bool config_names_known = true;
    using Type = PathConfinement::Entry::Type;
    for (const auto& entry : *entries) {
      std::string path = join_path(dir, entry.name);
      if (config_file_name(entry.name)) {
        if (entry.type == Type::File && !entry.symlink) config_files.push_back(entry.name);
        else config_names_known = false;
      }
      if (entry.type == Type::Directory) {
        if (descends(path, entry.name))
          subdirs.emplace_back(std::move(path), join_absolute(absolute, entry.name));
      } else if (entry.type == Type::LeadsOutside) {
        if (!skipped_directory(entry.name) && !exclusion.excluded(path)) out.links_not_followed.push_back(path);
      } else if (candidate_source_name(path) && !exclusion.excluded(path)) {
        out.files.push_back(path);
      }
    }
    if (config_names_known) out.listed.add(absolute, config_files);
    for (const auto& [sub, sub_absolute] : subdirs) walk(sub, sub_absolute, depth + 1);  // entries come sorted
  }
};

}  // namespace

std::vector<std::string> scan_roots(const std::vector<std::string>& paths) {
  std::vector<std::string> roots;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) roots.push_back(p);
    else roots.push_back(fs::path(p).parent_path().empty() ? "." : fs::path(p).parent_path().string());
  }
  return roots;
}

DiscoveredFiles discover_files(const std::vector<std::string>& paths, const PathExclusion& exclusion) {
  return discover_files(paths, exclusion, PathConfinement(scan_roots(paths)));
}

DiscoveredFiles discover_files(const std::vector<std::string>& paths, const PathExclusion& exclusion,
                               const PathConfinement& confinement) {
  DiscoveredFiles out;
  Walker walker{exclusion, confinement, out, {}};
  for (const auto& path : paths) {
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      out.errors.push_back({path, "no such file or directory"});
    } else if (fs::is_directory(status)) {
      out.directories_scanned.push_back(path);
      walker.walk(path, normalize_path(path), 0);
    } else if (exclusion.excluded(path)) {
      // Named files are excluded too: the pre-commit hook names the changed templates.
    } else if (confinement.check(path) == PathConfinement::Verdict::LeadsOutside) {
      out.links_not_followed.push_back(path);  // a changed file the hook names may be such a link
    } else {
      out.files.push_back(path);
      out.explicit_files.push_back(path);
    }
  }
  // A file named twice (or inside a directory also given) is scanned once.
  std::map<std::string, std::string> unique;
  for (const auto& f : out.files) unique.emplace(normalize_path(f), f);
  out.files.clear();
  for (const auto& [norm, f] : unique) out.files.push_back(f);
  std::sort(out.files.begin(), out.files.end());
  out.listed.seal();
  return out;
}

namespace {

// What planning learnt of one discovered file: refused (with why), left out, or recognised by
// a format (with what grouping needs of its text).
struct Classified {
  bool recognised = false;
  std::optional<Diagnostic::Kind> reject_kind;
  std::string reject_reason;
  const SourceFormat* format = nullptr;
  RecognisedFile file;
  std::vector<std::string> includes;
};

std::optional<uintmax_t> size_on_disk(const std::string& path) {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  return ec ? std::nullopt : std::optional<uintmax_t>(size);
}

// Reads and classifies one file. A file over the limit is refused by the disk provider's read,
// so its size is asked of the disk only then (one stat fewer per file than asking first).
Classified classify(const std::string& path, const FileProvider& provider, size_t max_file_bytes, bool named) {
  Classified out;
  bool relevant_by_name = format_certain_by_name(path) != nullptr;
  auto reject = [&](Diagnostic::Kind kind, std::string why) {
    out.reject_kind = kind;
    out.reject_reason = std::move(why);
    return std::move(out);
  };
  auto oversize = [&](std::optional<uintmax_t> size) {
    return size && *size > max_file_bytes;
  };
  auto oversize_reject = [&](uintmax_t size) {
    // Only report oversize files that would have been analysed.
    if (!relevant_by_name && !named) return std::move(out);
    return reject(Diagnostic::Kind::LimitReached, "file is " + std::to_string(size) + " bytes, over the " +
                                                      std::to_string(max_file_bytes) + "-byte limit: not analysed");
  };
  const SourceFormat* by_name = format_for_name(path);
  if (by_name && by_name->read_by_units_only(path)) {  // read by the unit that owns it
    std::optional<uintmax_t> size = size_on_disk(path);
    return oversize(size) ? oversize_reject(*size) : std::move(out);
  }
  std::optional<std::string> text = provider.read(path);
  if (!text || text->size() > max_file_bytes) {
    std::optional<uintmax_t> size = size_on_disk(path);
    if (oversize(size)) {
      if (text) provider.release(path);
      return oversize_reject(*size);
    }
  }
  if (!text) {
    if (relevant_by_name || named) return reject(Diagnostic::Kind::ParseError, "cannot read file");
    return out;
  }
  const SourceFormat* format = format_recognising(path, *text);
  if (!format) {
    provider.release(path);
    return out;
  }
  if (text->find('\0') != std::string::npos)
    return reject(Diagnostic::Kind::ParseError, "binary file (contains NUL bytes): not analysed");
  if (auto bad = first_invalid_utf8(*text)) {
    // Terraform, YAML and JSON sources are UTF-8; the rest of a module is analysed without this file.
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>((*text)[*bad]));
    return reject(Diagnostic::Kind::ParseError, std::string("file is not valid UTF-8 (byte ") + byte + "): not analysed");
  }
  out.recognised = true;
  out.format = format;
  out.file = RecognisedFile{path, format->references(path, *text)};
  out.includes = format->includes(path, *text);
  return out;
}

// classify() of files [first, first + count), on up to `threads` threads (reading and
// classifying are independent per file); the answers in the files' order.
std::vector<Classified> classify_some(const std::vector<std::string>& files, size_t first, size_t count,
                                      const FileProvider& provider, size_t max_file_bytes,
                                      const std::set<std::string>& explicit_set, unsigned threads) {
  std::vector<Classified> out(count);
  // At least 64 files a thread: a thread costs more than classifying a few files.
  parallel_for(count, threads, 64, [&](size_t i) {
    const std::string& file = files[first + i];
    out[i] = classify(file, provider, max_file_bytes, explicit_set.count(file) > 0);
    return true;
  });
  return out;
}

// Files classified at a time: their answers wait to be grouped, a tree's worth would be a
// slot of ~150 bytes a file.
constexpr size_t kClassifiedBatch = 8192;

}  // namespace

namespace {

// `taken`: found.files itself, whose paths move into the plans as they are read (a large
// tree's paths were held twice at planning's peak); null: they are copied.
std::vector<UnitPlan> plan(const DiscoveredFiles& found, std::vector<std::string>* taken, const FileProvider& provider,
                           size_t max_file_bytes, unsigned threads) {
  std::vector<UnitPlan> units;
  std::set<std::string> explicit_set(found.explicit_files.begin(), found.explicit_files.end());

  auto reject = [&](const std::string& path, Diagnostic::Kind kind, std::string why) {
    UnitPlan u;
    u.root = path;
    u.files = {path};
    u.reject_kind = kind;
    u.reject_reason = std::move(why);
    units.push_back(std::move(u));
  };
  for (const auto& link : found.links_not_followed) {
    reject(link, Diagnostic::Kind::LimitReached,
           "symbolic link leading outside the scanned paths (or to nothing): not followed; "
           "--follow-symlinks follows it, unsafe on code you do not trust");
  }

  std::map<const SourceFormat*, std::vector<RecognisedFile>> by_format;
  std::map<std::string, std::string> included_by;  // a part of another file's unit (normalised) -> that file
  for (size_t first = 0; first < found.files.size(); first += kClassifiedBatch) {
    size_t count = std::min(kClassifiedBatch, found.files.size() - first);
    std::vector<Classified> classified =
        classify_some(found.files, first, count, provider, max_file_bytes, explicit_set, threads);
    for (size_t k = 0; k < count; ++k) {
      Classified& c = classified[k];
      const std::string& path = found.files[first + k];
      if (c.reject_kind) reject(path, *c.reject_kind, std::move(c.reject_reason));
      if (c.recognised)
        for (auto& part : c.includes) included_by.emplace(std::move(part), path);
      if (taken && c.recognised) c.file.path = std::move((*taken)[first + k]);
      else if (taken) std::string().swap((*taken)[first + k]);
      if (c.recognised) by_format[c.format].push_back(std::move(c.file));
    }
  }
  // A file another one includes is analysed as part of that one only: once, in its context.
  std::map<std::string, std::vector<std::string>> parts_of;
  for (auto& [format, files] : by_format) {
    std::erase_if(files, [&](const RecognisedFile& f) {
      auto it = included_by.find(normalize_path(f.path));
      if (it == included_by.end() || it->second == f.path) return false;
      parts_of[it->second].push_back(f.path);
      return true;
    });
  }
  size_t first_unit = units.size();
  // A unit a file, or a directory: the plans are a large tree's biggest holding, not to be
  // doubled by the vector's growth.
  size_t expected = units.size();
  for (const auto& [format, files] : by_format) {
    if (!format->directory_units()) {
      expected += files.size();
      continue;
    }
    std::unordered_set<std::string_view> dirs;
    for (const auto& f : files) dirs.insert(std::string_view(f.path).substr(0, f.path.rfind('/') + 1));
    expected += dirs.size();
  }
  units.reserve(expected);
  for (const auto* format : source_formats()) {
    auto it = by_format.find(format);
    if (it == by_format.end()) continue;
    format->group(it->second, explicit_set, units);
    std::vector<RecognisedFile>().swap(it->second);  // in the plans now
  }
  for (size_t i = first_unit; i < units.size(); ++i)
    if (auto it = parts_of.find(units[i].root); it != parts_of.end())
      units[i].files.insert(units[i].files.end(), it->second.begin(), it->second.end());
  std::sort(units.begin(), units.end(), [](const UnitPlan& a, const UnitPlan& b) { return a.root < b.root; });
  units.shrink_to_fit();  // held through the whole analysis
  return units;
}

}  // namespace

std::vector<UnitPlan> plan_units(const DiscoveredFiles& found, const FileProvider& provider, size_t max_file_bytes,
                                 unsigned threads) {
  return plan(found, nullptr, provider, max_file_bytes, threads);
}

std::vector<UnitPlan> plan_units_taking_paths(DiscoveredFiles& found, const FileProvider& provider,
                                              size_t max_file_bytes, unsigned threads) {
  return plan(found, &found.files, provider, max_file_bytes, threads);
}

}  // namespace eph
