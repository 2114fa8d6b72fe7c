#include "engine/discovery.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>

#include "cloudformation/template_frontend.h"
#include "engine/disk_file_provider.h"
#include "engine/path_exclusion.h"
#include "engine/utf8_validation.h"

namespace fs = std::filesystem;

namespace eph {
namespace {

bool skipped_directory(const std::string& name) {
  static const std::set<std::string> skip = {".git", ".terraform", "node_modules", ".aws-sam", "cdk.out",
                                              ".serverless", ".hg", ".svn", ".venv", "__pycache__"};
  return skip.count(name) > 0;
}

bool candidate_by_name(const std::string& path) {
  return path.ends_with(".tf") || path.ends_with(".tf.json") || path.ends_with(".tfvars") ||
         path.ends_with(".tfvars.json") || path.ends_with(".yaml") || path.ends_with(".yml") ||
         path.ends_with(".json") || path.ends_with(".template");
}

std::string join_path(const std::string& dir, const std::string& name) {
  if (dir.empty() || dir == ".") return dir == "." ? "./" + name : name;
  return dir.back() == '/' ? dir + name : dir + "/" + name;
}

struct Walker {
  const PathExclusion& exclusion;
  const PathConfinement& confinement;
  DiscoveredFiles& out;
  std::set<std::pair<dev_t, ino_t>> visited;

  void walk(const std::string& dir, int depth) {
    struct stat st {};
    if (stat(dir.c_str(), &st) != 0) return;
    if (!visited.insert({st.st_dev, st.st_ino}).second) return;  // symlink loop or path given twice
    if (depth > 64) {
      out.errors.push_back({dir, "directory nesting deeper than 64 levels: not scanned further"});
      return;
    }
    std::string error;
    auto entries = confinement.list_directory(dir, &error);
    if (!entries) {
      out.errors.push_back({dir, "cannot read directory: " + error});
      return;
    }
    std::vector<std::string> subdirs;
    using Type = PathConfinement::Entry::Type;
    for (const auto& entry : *entries) {
      std::string path = join_path(dir, entry.name);
      if (entry.type == Type::Directory) {
        if (!skipped_directory(entry.name) && !exclusion.excluded(path)) subdirs.push_back(path);
      } else if (entry.type == Type::LeadsOutside) {
        if (!skipped_directory(entry.name) && !exclusion.excluded(path)) out.links_not_followed.push_back(path);
      } else if (candidate_by_name(path) && !exclusion.excluded(path)) {
        out.files.push_back(path);
      }
    }
    for (const auto& sub : subdirs) walk(sub, depth + 1);  // entries come sorted
  }
};

// `source = "./x"` / `"../x"` in a module's text: the directories it calls. A plain scan: planning
// reads every .tf file, and std::regex here cost more than the rest of planning (callgrind).
std::vector<std::string> local_module_sources(const std::string& dir, const std::string& text) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  const size_t n = text.size();
  std::vector<std::string> out;
  for (size_t at = text.find("source"); at != std::string::npos; at = text.find("source", at + 1)) {
    size_t i = at + 6;
    while (i < n && space(text[i])) ++i;
    if (i >= n || text[i] != '=') continue;
    ++i;
    while (i < n && space(text[i])) ++i;
    if (i >= n || text[i] != '"') continue;
    size_t close = text.find('"', ++i);
    if (close == std::string::npos) break;
    std::string_view value(text.data() + i, close - i);
    if (value == "." || value == ".." || value.rfind("./", 0) == 0 || value.rfind("../", 0) == 0) {
      out.push_back(normalize_path(join_path(dir, std::string(value))));
      at = close;
    }
  }
  return out;
}

// Modules that a root reaches through local calls; the rest (a cycle nobody outside calls) is unreached.
std::set<std::string> reached_modules(const std::set<std::string>& roots,
                                      const std::map<std::string, std::set<std::string>>& calls) {
  std::set<std::string> seen(roots.begin(), roots.end());
  std::vector<std::string> frontier(roots.begin(), roots.end());
  while (!frontier.empty()) {
    std::string m = std::move(frontier.back());
    frontier.pop_back();
    auto it = calls.find(m);
    if (it == calls.end()) continue;
    for (const auto& callee : it->second) {
      if (seen.insert(callee).second) frontier.push_back(callee);
    }
  }
  return seen;
}

}  // namespace

FileKind classify_file(const std::string& path, const std::string* text) {
  if (path.ends_with(".tf")) return FileKind::Terraform;
  if (path.ends_with(".tf.json")) return FileKind::TerraformJson;
  if (path.ends_with(".tfvars") || path.ends_with(".tfvars.json")) return FileKind::TerraformVars;
  if (!text) return FileKind::Other;
  bool json_like = path.ends_with(".json");
  if (json_like && text->find("\"format_version\"") != std::string::npos &&
      (text->find("\"planned_values\"") != std::string::npos || text->find("\"resource_changes\"") != std::string::npos)) {
    return FileKind::TerraformPlan;
  }
  if (path.ends_with(".yaml") || path.ends_with(".yml") || json_like || path.ends_with(".template")) {
    if (cloudformation::looks_like_template(*text)) return FileKind::CloudFormation;
  }
  return FileKind::Other;
}

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
      walker.walk(path, 0);
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
  return out;
}

std::vector<UnitPlan> plan_units(const DiscoveredFiles& found, const FileProvider& provider, size_t max_file_bytes) {
  std::vector<UnitPlan> units;
  std::map<std::string, std::vector<std::string>> modules;  // directory -> .tf files
  std::map<std::string, std::string> module_dir_display;    // normalised -> as written
  std::set<std::string> called;                             // module directories called by others
  std::set<std::string> explicit_set(found.explicit_files.begin(), found.explicit_files.end());

  std::map<std::string, std::set<std::string>> calls;      // module directory -> local modules it calls

  auto reject = [&](const std::string& path, Diagnostic::Kind kind, std::string why) {
    UnitPlan u;
    u.kind = UnitPlan::Kind::Rejected;
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

  for (const auto& path : found.files) {
    std::error_code ec;
    auto size = fs::file_size(path, ec);
    FileKind by_name = classify_file(path);
    bool relevant_by_name = by_name == FileKind::Terraform || by_name == FileKind::TerraformJson;
    if (!ec && size > max_file_bytes) {
      // Only report oversize files that would have been analysed.
      if (relevant_by_name || explicit_set.count(path)) {
        reject(path, Diagnostic::Kind::LimitReached,
               "file is " + std::to_string(size) + " bytes, over the " + std::to_string(max_file_bytes) +
                   "-byte limit: not analysed");
      }
      continue;
    }
    if (by_name == FileKind::TerraformVars) continue;  // read by the module that owns it
    std::optional<std::string> text = provider.read(path);
    if (!text) {
      if (relevant_by_name || explicit_set.count(path)) reject(path, Diagnostic::Kind::ParseError, "cannot read file");
      continue;
    }
    FileKind kind = classify_file(path, &*text);
    if (kind == FileKind::Other) {
      provider.release(path);
      continue;
    }
    if (text->find('\0') != std::string::npos) {
      reject(path, Diagnostic::Kind::ParseError, "binary file (contains NUL bytes): not analysed");
      continue;
    }
    if (auto bad = first_invalid_utf8(*text)) {
      // Terraform, YAML and JSON sources are UTF-8; the rest of a module is analysed without this file.
      char byte[8];
      std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>((*text)[*bad]));
      reject(path, Diagnostic::Kind::ParseError,
             std::string("file is not valid UTF-8 (byte ") + byte + "): not analysed");
      continue;
    }
    if (kind == FileKind::Terraform || kind == FileKind::TerraformJson) {
      std::string dir = fs::path(path).parent_path().string();
      if (dir.empty()) dir = ".";
      std::string norm = normalize_path(dir);
      modules[norm].push_back(path);
      module_dir_display.emplace(norm, dir);
      for (auto& callee : local_module_sources(dir, *text)) {
        if (callee != norm) {
          called.insert(callee);
          calls[norm].insert(callee);
        }
      }
    } else if (kind == FileKind::TerraformPlan) {
      units.push_back(UnitPlan{UnitPlan::Kind::TerraformPlan, path, {path}, {}, {}});
    } else if (kind == FileKind::CloudFormation) {
      units.push_back(UnitPlan{UnitPlan::Kind::Template, path, {path}, {}, {}});
    }
  }

  // A module that another scanned module calls is analysed in its caller's context,
  // unless the user named its files explicitly.
  std::set<std::string> roots;
  for (const auto& [norm, files] : modules) {
    bool named = std::any_of(files.begin(), files.end(), [&](const std::string& f) { return explicit_set.count(f); });
    if (!called.count(norm) || named) roots.insert(norm);
  }
  // Modules that only call each other (a -> b -> a) have no caller outside the cycle: the first
  // one becomes a root, so the cycle is reported (EPH004) instead of the modules silently skipped.
  std::set<std::string> reached = reached_modules(roots, calls);
  for (const auto& [norm, files] : modules) {
    if (reached.count(norm)) continue;
    roots.insert(norm);
    reached = reached_modules(roots, calls);
  }
  for (auto& [norm, files] : modules) {
    if (!roots.count(norm)) continue;
    std::sort(files.begin(), files.end());
    std::set<std::string> reaches = reached_modules({norm}, calls);
    UnitPlan unit{UnitPlan::Kind::TerraformModule, module_dir_display[norm], files, {}, {}};
    unit.module_dirs.assign(reaches.begin(), reaches.end());
    units.push_back(std::move(unit));
  }
  std::sort(units.begin(), units.end(), [](const UnitPlan& a, const UnitPlan& b) { return a.root < b.root; });
  return units;
}

}  // namespace eph
