#pragma once
// The type of the resource whose declaration encloses a position, read from the source the
// way a reader sees it: Terraform's `resource "aws_subnet" "a" {` (or `data`, `module`),
// CloudFormation's `Type:` of the logical id a YAML or JSON position lies under. Reports
// name node kinds with it; empty when the position lies in no resource. The format that
// recognises the file reads it (SourceFormat::declared_resource_at).
#include <string>

#include "core/source.h"
#include "formats/declared_resource.h"

namespace eph {
ResourceBlock resource_block_at(const Range& range);
std::string resource_kind_at(const Range& range);

}  // namespace eph
