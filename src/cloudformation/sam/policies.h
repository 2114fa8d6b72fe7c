#pragma once
// SAM `Policies` in one shape: a List whose items are managed policy ARNs (String, or
// Unknown when computed) or IAM policy documents (Map with Statement). Policy templates
// are expanded into their statements, positioned at the template entry.
#include "core/value.h"

namespace eph::cloudformation::sam {

Value normalise_policies(const Value& policies);

// `AWSLambdaBasicExecutionRole` -> arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole
std::string managed_policy_arn(std::string_view name);

}  // namespace eph::cloudformation::sam
