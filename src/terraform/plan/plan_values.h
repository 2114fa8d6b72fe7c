#pragma once
// Turning a plan's resource values into evaluated values: what the plan marks unknown or
// sensitive, the graph edges its configuration records, and policy documents held as JSON
// strings.
#include <functional>
#include <string>
#include <vector>

#include "core/value.h"

namespace eph::terraform::plan {

// `after_unknown`: true where a value is known only after apply (the plan omits it from
// `values`). Those places become Unknown, positioned at the marker.
void apply_unknown(Value& body, const Value& after_unknown);

// `sensitive_values` / `after_sensitive`: true where a value is sensitive.
void apply_sensitive(Value& body, const Value& sensitive);

// Turns one configuration reference ("aws_iam_role.exec.arn", "var.role_arn") written at
// `where` into the resources it stands for.
using ReferenceResolver = std::function<void(const std::string& reference, const Range& where, std::vector<Ref>& out)>;

// `expressions` of the resource's configuration: each attribute's `references` become Refs
// on that attribute's value.
void add_configuration_refs(Value& body, const Value& expressions, const ReferenceResolver& resolve);

// "aws_iam_role.exec.arn" -> {address "aws_iam_role.exec", attribute "arn"}; false for
// references to variables, locals, module outputs and the like.
bool parse_reference(const std::string& text, std::string& address, std::string& attribute);

// Strings holding a JSON policy document (an IAM policy, a bucket policy) get `decoded`.
void decode_policy_strings(Value& v);

}  // namespace eph::terraform::plan
