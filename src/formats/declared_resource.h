#pragma once
// The resource whose declaration encloses a position, read from the source text the way a
// reader sees it. Each format answers for its own files (SourceFormat::declared_resource_at);
// these are the readers of the syntaxes they use.
#include <cstdint>
#include <string>

#include "core/source.h"

namespace eph {

// ResourceBlock is declared in core/source.h: excerpts of released files keep the blocks read.

// HCL: the top-level block header at or above `line` (`resource "aws_subnet" "a" {`, or
// `data`, `module`...), unless a block closed in between.
ResourceBlock hcl_block_at(const SourceFile& file, uint32_t line);
// A YAML template: the `Type:` of the logical id under `Resources:` that holds `line`.
ResourceBlock yaml_template_resource_at(const SourceFile& file, uint32_t line);
// A JSON template: the "Type" of the member of "Resources" whose object holds `offset`.
ResourceBlock json_template_resource_at(const SourceFile& file, uint32_t offset);

}  // namespace eph
