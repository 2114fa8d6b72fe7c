#pragma once
// The type of the resource whose declaration encloses a position, read from the source the
// way a reader sees it: Terraform's `resource "aws_subnet" "a" {` (or `data`, `module`),
// CloudFormation's `Type:` of the logical id a YAML or JSON position lies under. Reports
// name node kinds with it; empty when the position lies in no resource.
#include <string>

#include "core/source.h"

namespace eph {

struct ResourceBlock {
  std::string kind;   // "aws_subnet", "data.aws_iam_policy_document", "AWS::SQS::Queue"; empty: none
  uint32_t line = 0;  // where the block starts (its header or logical id); 0: in no block
};
ResourceBlock resource_block_at(const Range& range);
std::string resource_kind_at(const Range& range);

}  // namespace eph
