#pragma once
// Turns a parsed template into native resources: each resource's Condition, Properties
// (evaluated), Metadata and DependsOn, with Fn::ForEach expanded at the Resources level.
#include <vector>

#include "core/resource.h"

namespace eph::cloudformation {

void load_resources(const Value& root, std::vector<NativeResource>& out);

}  // namespace eph::cloudformation
