#include "engine/finding_filter.h"

#include <filesystem>
#include <map>
#include <set>

namespace fs = std::filesystem;

namespace eph {
namespace {

// The same file named `./a.tf`, `a.tf` or `/abs/a.tf` compares equal.
std::string canonical(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  return ec ? fs::path(path).lexically_normal().string() : p.string();
}

}  // namespace

void keep_findings_touching(AnalysisResult& result, const std::vector<std::string>& files) {
  std::set<std::string> wanted;
  for (const auto& f : files) wanted.insert(canonical(f));
  std::map<const SourceFile*, bool> cache;
  auto touches = [&](const Range& r) {
    if (!r.file) return false;
    auto [it, fresh] = cache.try_emplace(r.file, false);
    if (fresh) it->second = wanted.count(canonical(r.file->path())) > 0;
    return it->second;
  };
  std::erase_if(result.findings, [&](const Finding& f) {
    if (touches(f.range)) return false;
    for (const auto& rel : f.related)
      if (touches(rel.range)) return false;
    return true;
  });
  result.suppressed = 0;
  for (const auto& f : result.findings) result.suppressed += f.suppressed ? 1 : 0;
}

}  // namespace eph
