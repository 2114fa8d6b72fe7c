#pragma once
// CloudFormation and SAM front-end: YAML (yaml-cpp) and JSON templates, intrinsics,
// conditions and the SAM transform, into native resources.
#include <string>
#include <string_view>

#include "core/file_provider.h"
#include "core/resource.h"

namespace eph::cloudformation {

// True when `text` is a CloudFormation/SAM template (by content, not by name):
// AWSTemplateFormatVersion, or Resources whose types look like AWS::X::Y.
bool looks_like_template(std::string_view text);

LoadedUnit load_template(const std::string& path, const FileProvider& fs);

}  // namespace eph::cloudformation
