#include "report/resource_kind.h"

#include "formats/registry.h"

namespace eph {

ResourceBlock resource_block_at(const Range& range) {
  if (!range.valid()) return {};
  const SourceFile& file = *range.file;
  // A file released with its unit is an excerpt: its blocks were read from the whole text then.
  if (file.is_excerpt()) return file.declared_block_at(range.begin).value_or(ResourceBlock{});
  const SourceFormat* format = format_recognising(file.path(), file.text());
  return format ? format->declared_resource_at(file, range.begin) : ResourceBlock{};
}

std::string resource_kind_at(const Range& range) { return resource_block_at(range).kind; }

}  // namespace eph
