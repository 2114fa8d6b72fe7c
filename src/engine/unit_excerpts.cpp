#include "engine/unit_excerpts.h"

#include <map>

#include "formats/registry.h"

namespace eph {
namespace {

struct FileNeeds {
  std::vector<std::pair<uint32_t, uint32_t>> ranges;
  std::vector<uint32_t> block_offsets;  // where an evidence chain asks for the resource block
};

// Every range of a unit's output, with what it needs kept.
template <typename Visit>
void for_each_range(std::vector<Finding>& findings, std::vector<SecretValue>& secrets, Visit visit) {
  for (auto& f : findings) {
    bool chain = !f.related.empty();  // evidence chains name the blocks of the finding and its links
    visit(f.range, chain);
    for (auto& r : f.related) visit(r.range, chain);
    if (f.fix)
      for (auto& e : f.fix->edits) visit(e.range, false);
    for (auto& s : f.secrets) visit(s.where, false);
  }
  for (auto& s : secrets) visit(s.where, false);
}

}  // namespace

std::vector<SourceFilePtr> excerpt_unit_files(const std::vector<SourceFilePtr>& files, std::vector<Finding>& findings,
                                              std::vector<SecretValue>& secrets) {
  std::map<const SourceFile*, FileNeeds> needs;
  for (const auto& file : files) needs.emplace(file.get(), FileNeeds{});
  for_each_range(findings, secrets, [&](const Range& range, bool block) {
    auto it = needs.find(range.file);
    if (it == needs.end()) return;
    it->second.ranges.emplace_back(range.begin, range.end);
    if (block) it->second.block_offsets.push_back(range.begin);
  });
  std::map<const SourceFile*, const SourceFile*> excerpt_of;
  std::vector<SourceFilePtr> out;
  for (const auto& file : files) {
    FileNeeds& need = needs[file.get()];
    if (need.ranges.empty()) continue;
    std::vector<std::pair<uint32_t, ResourceBlock>> blocks;
    if (!need.block_offsets.empty()) {
      const SourceFormat* format = format_recognising(file->path(), file->text());
      for (uint32_t offset : need.block_offsets)
        blocks.emplace_back(offset, format ? format->declared_resource_at(*file, offset) : ResourceBlock{});
    }
    out.push_back(file->excerpt(need.ranges, std::move(blocks)));
    excerpt_of[file.get()] = out.back().get();
  }
  for_each_range(findings, secrets, [&](Range& range, bool) {
    if (auto it = excerpt_of.find(range.file); it != excerpt_of.end()) range.file = it->second;
  });
  return out;
}

}  // namespace eph
