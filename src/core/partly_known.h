#pragma once
// Unknown strings whose literal parts are known: a Terraform template or a CloudFormation
// Fn::Sub / Fn::Join with unknown parts ("arn:${AWS::Partition}:iam::aws:policy/X"). The
// front-ends keep the text with each unknown part written "${...}" (the pattern) in the
// Unknown value's `text`, where it also tells `inspect` why the value is unknown.
#include <string_view>

#include "core/value.h"

namespace eph {

Value partly_known(Range where, std::string_view pattern);

// The pattern of a partly known string; empty for anything else.
std::string_view known_pattern(const Value& v);

}  // namespace eph
