#pragma once
// What a finding says with the names of the resource that reached it taken out, so that one
// place reached from several module instances or callers is reported once (engine's
// order_findings, `ephemera merge`): the resource's own address, and the module instance it
// lives in wherever the message names a sibling of that instance (`module.a.aws_x.f` and
// `module.b.aws_x.f` read the same).
#include <string>
#include <string_view>

namespace eph {

std::string message_shape(std::string_view message, std::string_view resource);

// The module instance path of a Terraform address, with its trailing dot
// (`module.a["k"].module.b.` of `module.a["k"].module.b.aws_x.y`); empty for a root resource
// or a CloudFormation logical id.
std::string_view module_instance_prefix(std::string_view address);

}  // namespace eph
