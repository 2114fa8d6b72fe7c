#pragma once
// What the code publishes for other systems (Terraform root-module outputs, CloudFormation
// Outputs, exported or not) reaches the model as native resources of this type: the body is
// the evaluated value, the declaration the `output "NAME"` header or the output's logical id.
#include <string_view>

namespace eph {

inline constexpr std::string_view kOutputType = "output";

}  // namespace eph
