#pragma once
// Which AWS service a resource type belongs to, by its native type name (Terraform or
// CloudFormation). Used to read what a function talks to from its environment references
// and to classify event sources.
#include <string_view>

namespace eph {

// The IAM service prefix ("s3", "dynamodb", "sqs"...), or empty when not an AWS service
// resource ephemera knows.
std::string_view service_of_type(std::string_view native_type);

}  // namespace eph

namespace eph {
// The service segment of an ARN ("arn:aws:sqs:eu-west-1:1:q" -> "sqs"), or empty.
std::string_view service_of_arn(std::string_view arn);
}  // namespace eph

namespace eph {
// How a service is named in messages ("s3" -> "S3", "states" -> "Step Functions"); the
// prefix itself for services without a table entry.
std::string_view service_display_name(std::string_view iam_prefix);
}  // namespace eph
