#pragma once
// What a function's inline code (CloudFormation `ZipFile`, SAM `InlineCode`, a Terraform
// archive's content) calls: AWS services through their SDKs, and hosts named in URLs.
#include <string>
#include <string_view>
#include <vector>

namespace eph {

struct InlineCodeCall {
  std::string service;  // IAM prefix: "s3", "states"...
  std::string how;      // as written: "boto3.client('s3')", "@aws-sdk/client-sqs"
};

struct InlineCodeUse {
  std::vector<InlineCodeCall> services;
  std::vector<std::string> hosts;  // lower-cased hosts of URLs in the code
};

InlineCodeUse read_inline_code(std::string_view code);

}  // namespace eph
