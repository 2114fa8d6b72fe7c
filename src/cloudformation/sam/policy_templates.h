#pragma once
// The SAM policy templates (S3ReadPolicy, DynamoDBCrudPolicy ...): the statements each
// grants, written after the definitions SAM ships (policy_templates.json). Resource
// patterns use ${Parameter} for the template's parameters and ${AWS::...} pseudo parameters.
#include <string_view>
#include <vector>

namespace eph::cloudformation::sam {

struct PolicyConditionSpec {
  std::string_view op;       // "StringEquals"
  std::string_view key;      // "secretsmanager:resource/AllowRotationLambdaArn"
  std::string_view pattern;
};

struct PolicyStatementSpec {
  std::vector<std::string_view> actions;
  std::vector<std::string_view> resources;  // patterns; "*" for all
  std::vector<PolicyConditionSpec> conditions;
};

struct PolicyTemplateSpec {
  std::string_view name;
  std::vector<std::string_view> parameters;
  std::vector<PolicyStatementSpec> statements;
};

// nullptr when `name` is not a SAM policy template.
const PolicyTemplateSpec* find_policy_template(std::string_view name);
const std::vector<PolicyTemplateSpec>& all_policy_templates();

}  // namespace eph::cloudformation::sam
