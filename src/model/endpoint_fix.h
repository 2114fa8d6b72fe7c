#pragma once
// The mechanical fix for a missing VPC endpoint: the endpoint resource, written in the
// format and file of the function's VPC (Terraform or CloudFormation YAML/JSON), wired to
// the VPC and to the function's route tables (gateway endpoints: S3, DynamoDB) or subnets
// (interface endpoints). Which writer applies is the unit's format's choice (formats/).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "model/model.h"

namespace eph {

// What the endpoint must be wired to, whatever the format.
struct EndpointWiring {
  bool gateway = false;
  std::string suffix;                           // endpoint service suffix: "s3"
  std::vector<const NativeResource*> targets;   // route tables (gateway) or subnets (interface)
  bool implicit_table = false;                  // the VPC's own main table is one of the route tables
};

// Writes the endpoint resource in one format's syntax.
class EndpointFixWriter {
 public:
  virtual ~EndpointFixWriter() = default;
  virtual std::optional<Fix> write(const Model& model, const FunctionNetwork& fn_net, const EndpointWiring& w) const = 0;
};

const EndpointFixWriter& terraform_endpoint_writer();       // an HCL block appended to the VPC's file
const EndpointFixWriter& cloudformation_endpoint_writer();  // a resource under the template's Resources

// Null when the snippet cannot be wired: references across modules, an implicit route
// table CloudFormation cannot name, a file layout the insertion cannot place safely, or a
// unit whose format writes no fix (model.endpoint_writer null).
std::optional<Fix> endpoint_fix(const Model& model, const FunctionNetwork& fn_net, std::string_view iam_service);

}  // namespace eph
