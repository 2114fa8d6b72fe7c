#pragma once
// Which AWS services a function inside a VPC can reach through a VPC endpoint, how the
// endpoint's service name reads, and which services common AWS managed policies grant.
#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"

namespace eph {

enum class ServiceReach {
  Ignored,     // no call from the function's network interface (see service_use.h)
  Endpoint,    // reachable through a VPC endpoint
  NoEndpoint,  // no endpoint ephemera knows: the call needs a route out of the VPC
};

struct EndpointService {
  std::string_view iam_prefix;  // "s3"
  std::string_view endpoint;    // the endpoint service suffix to create: "s3", "kinesis-streams"
  bool gateway = false;         // a (free) gateway endpoint exists: S3, DynamoDB
  std::string_view also;        // other suffixes that serve it, space separated
};

ServiceReach reach_of(std::string_view iam_prefix);
// The endpoint that serves `iam_prefix`, or null when it has none (or is ignored).
const EndpointService* endpoint_for_service(std::string_view iam_prefix);
// Whether an endpoint with service suffix `endpoint_suffix` serves `iam_prefix`.
bool endpoint_serves_service(std::string_view endpoint_suffix, std::string_view iam_prefix);

// Actions the Lambda service performs with the execution role rather than the function's
// code: ENI management, and (when a queue or stream triggers the function) polling.
bool is_platform_action(std::string_view action, bool polled_by_lambda);

// The services an AWS managed policy grants (by ARN or bare name), space separated; "*"
// for policies that grant nearly everything; empty for policies only the Lambda service
// uses. Returns false for policies ephemera does not know (customer managed included).
bool managed_policy_services(std::string_view arn_or_name, std::string_view& services);

// The endpoint service suffix of a VPC endpoint service name: "com.amazonaws.eu-west-1.s3"
// -> "s3", "com.amazonaws.us-east-1.ecr.dkr" -> "ecr.dkr". For a name built from an
// unknown region ("com.amazonaws.${region}.s3", !Sub, Fn::Join), the literal suffix
// written after the last interpolation. Empty when not readable.
std::string endpoint_service_suffix(const Value* service_name);

// For a value that is not a known string but was written as a template with a literal
// ending ("arn:${partition}:iam::aws:policy/X", "com.amazonaws.${region}.s3"): that
// literal ending as written. Empty when there is none.
std::string written_literal_tail(const Value* v);

}  // namespace eph
