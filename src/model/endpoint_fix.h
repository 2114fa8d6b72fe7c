#pragma once
// The mechanical fix for a missing VPC endpoint: the endpoint resource, written in the
// format and file of the function's VPC (Terraform or CloudFormation YAML/JSON), wired to
// the VPC and to the function's route tables (gateway endpoints: S3, DynamoDB) or subnets
// (interface endpoints).
#include <optional>
#include <string_view>

#include "core/finding.h"
#include "model/model.h"

namespace eph {

// Null when the snippet cannot be wired: references across modules, an implicit route
// table CloudFormation cannot name, or a file layout the insertion cannot place safely.
std::optional<Fix> endpoint_fix(const Model& model, const FunctionNetwork& fn_net, std::string_view iam_service);

}  // namespace eph
