#include "engine/foreign_rule_map.h"

#include <cctype>

namespace eph {
namespace {

bool same_id(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

}  // namespace

const std::vector<ForeignRuleMapping>& foreign_rule_mappings() {
  // tfsec and trivy share the Aqua check catalogue: both accept the AVD id and the long id.
  static const std::vector<ForeignRuleMapping> table = {
      {"checkov", "CKV_AWS_45", "EPH301"},   // no hard-coded secrets in Lambda environment
      {"checkov", "CKV_AWS_115", "EPH401"},  // function-level concurrent execution limit
      {"checkov", "CKV_AWS_258", "EPH601"},  // function URL AuthType is not NONE
      {"checkov", "CKV_AWS_364", "EPH602"},  // service permissions limited by SourceArn/SourceAccount
      {"checkov", "CKV_AWS_59", "EPH603"},   // no open access to back-end resources through API
      {"checkov", "CKV2_AWS_11", "EPH701"},  // VPC flow logging enabled
      {"tfsec", "aws-lambda-restrict-source-arn", "EPH602"},
      {"tfsec", "AVD-AWS-0067", "EPH602"},
      {"tfsec", "aws-api-gateway-no-public-access", "EPH603"},
      {"tfsec", "AVD-AWS-0004", "EPH603"},
      {"tfsec", "aws-ec2-require-vpc-flow-logs-for-all-vpcs", "EPH701"},
      {"tfsec", "AVD-AWS-0178", "EPH701"},
      {"trivy", "AVD-AWS-0067", "EPH602"},
      {"trivy", "aws-lambda-restrict-source-arn", "EPH602"},
      {"trivy", "AVD-AWS-0004", "EPH603"},
      {"trivy", "aws-api-gateway-no-public-access", "EPH603"},
      {"trivy", "AVD-AWS-0178", "EPH701"},
      {"trivy", "aws-ec2-require-vpc-flow-logs-for-all-vpcs", "EPH701"},
      {"cfn_nag", "W92", "EPH401"},  // Lambda functions should define ReservedConcurrentExecutions
      {"cfn_nag", "F13", "EPH602"},  // Lambda permission principal should not be wildcard
      {"cfn_nag", "W59", "EPH603"},  // ApiGateway::Method AuthorizationType NONE (not OPTIONS)
      {"cfn_nag", "W60", "EPH701"},  // VPC should have a flow log attached
      {"cfn-lint", "E0000", "EPH000"},  // template cannot be parsed
  };
  return table;
}

std::vector<std::string> map_foreign_id(std::string_view tool, std::string_view foreign_id) {
  std::vector<std::string> out;
  for (const auto& m : foreign_rule_mappings())
    if (m.tool == tool && same_id(m.foreign_id, foreign_id)) out.emplace_back(m.rule_id);
  return out;
}

}  // namespace eph
