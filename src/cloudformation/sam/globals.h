#pragma once
// SAM `Globals`: properties shared by every serverless resource of a kind, merged as SAM
// does (samtranslator/plugins/globals): maps merge key by key, lists concatenate (Globals
// first), and a scalar, an intrinsic or a type mismatch takes the resource's value.
// Values that come from Globals keep their position in the Globals section.
#include <string_view>

#include "core/value.h"

namespace eph::cloudformation::sam {

Value merge_globals(const Value& global, const Value& local);

// The Globals section name for a resource type ("Function" for AWS::Serverless::Function),
// or empty when Globals do not apply to it.
std::string_view globals_section_for(std::string_view type);

}  // namespace eph::cloudformation::sam
