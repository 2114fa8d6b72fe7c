#pragma once
// The text Terraform's jsonencode and yamlencode produce for a known value: object keys
// sorted, no insignificant whitespace, <, > and & escaped as Go's encoder does.
#include <string>
#include <string_view>

#include "core/value.h"

namespace eph::terraform::fn {

std::string json_quote(std::string_view s);
// `v` must be wholly known.
std::string json_encode(const Value& v);
std::string yaml_encode(const Value& v);

}  // namespace eph::terraform::fn
