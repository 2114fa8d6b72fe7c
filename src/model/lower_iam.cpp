// Policies (identity and resource) and the execution role of each function.
#include <set>

#include "model/lowering.h"
#include "model/policy_document.h"
#include "model/value_paths.h"

namespace eph {
namespace {

struct PolicyRow {
  std::string_view type;
  std::string_view document;   // path to the document; every list element is visited
  PolicyKind kind;
  std::string_view subject;    // what a resource policy protects
  std::string_view roles;      // path to the role(s) an identity policy applies to; "." for the role itself
};

constexpr PolicyRow kPolicies[] = {
    // Identity policies.
    {"aws_iam_policy", "policy", PolicyKind::Identity, "IAM policy", ""},
    {"aws_iam_role_policy", "policy", PolicyKind::Identity, "IAM role policy", "role"},
    {"aws_iam_user_policy", "policy", PolicyKind::Identity, "IAM user policy", ""},
    {"aws_iam_group_policy", "policy", PolicyKind::Identity, "IAM group policy", ""},
    {"aws_iam_role", "inline_policy/policy", PolicyKind::Identity, "IAM role inline policy", "."},
    {"AWS::IAM::Policy", "PolicyDocument", PolicyKind::Identity, "IAM policy", "Roles"},
    {"AWS::IAM::ManagedPolicy", "PolicyDocument", PolicyKind::Identity, "IAM managed policy", "Roles"},
    {"AWS::IAM::RolePolicy", "PolicyDocument", PolicyKind::Identity, "IAM role policy", "RoleName"},
    {"AWS::IAM::UserPolicy", "PolicyDocument", PolicyKind::Identity, "IAM user policy", ""},
    {"AWS::IAM::GroupPolicy", "PolicyDocument", PolicyKind::Identity, "IAM group policy", ""},
    {"AWS::IAM::Role", "Policies/PolicyDocument", PolicyKind::Identity, "IAM role inline policy", "."},
    {"AWS::IAM::User", "Policies/PolicyDocument", PolicyKind::Identity, "IAM user inline policy", ""},
    {"AWS::IAM::Group", "Policies/PolicyDocument", PolicyKind::Identity, "IAM group inline policy", ""},
    // SAM function policies (documents; managed policy ARNs are read separately).
    {"AWS::Serverless::Function", "Policies", PolicyKind::Identity, "function policy", ""},
    // Resource policies.
    {"aws_s3_bucket_policy", "policy", PolicyKind::Resource, "S3 bucket", ""},
    {"aws_s3_bucket", "policy", PolicyKind::Resource, "S3 bucket", ""},
    {"aws_sqs_queue_policy", "policy", PolicyKind::Resource, "SQS queue", ""},
    {"aws_sqs_queue", "policy", PolicyKind::Resource, "SQS queue", ""},
    {"aws_sns_topic_policy", "policy", PolicyKind::Resource, "SNS topic", ""},
    {"aws_sns_topic", "policy", PolicyKind::Resource, "SNS topic", ""},
    {"aws_kms_key", "policy", PolicyKind::Resource, "KMS key", ""},
    {"aws_kms_key_policy", "policy", PolicyKind::Resource, "KMS key", ""},
    {"aws_api_gateway_rest_api", "policy", PolicyKind::Resource, "API Gateway REST API", ""},
    {"aws_api_gateway_rest_api_policy", "policy", PolicyKind::Resource, "API Gateway REST API", ""},
    {"aws_secretsmanager_secret", "policy", PolicyKind::Resource, "Secrets Manager secret", ""},
    {"aws_secretsmanager_secret_policy", "policy", PolicyKind::Resource, "Secrets Manager secret", ""},
    {"aws_ecr_repository_policy", "policy", PolicyKind::Resource, "ECR repository", ""},
    {"aws_opensearch_domain", "access_policies", PolicyKind::Resource, "OpenSearch domain", ""},
    {"aws_opensearch_domain_policy", "access_policies", PolicyKind::Resource, "OpenSearch domain", ""},
    {"aws_elasticsearch_domain", "access_policies", PolicyKind::Resource, "Elasticsearch domain", ""},
    {"aws_elasticsearch_domain_policy", "access_policies", PolicyKind::Resource, "Elasticsearch domain", ""},
    {"aws_iam_role", "assume_role_policy", PolicyKind::Resource, "IAM role trust policy", ""},
    {"AWS::S3::BucketPolicy", "PolicyDocument", PolicyKind::Resource, "S3 bucket", ""},
    {"AWS::SQS::QueuePolicy", "PolicyDocument", PolicyKind::Resource, "SQS queue", ""},
    {"AWS::SNS::TopicPolicy", "PolicyDocument", PolicyKind::Resource, "SNS topic", ""},
    {"AWS::KMS::Key", "KeyPolicy", PolicyKind::Resource, "KMS key", ""},
    {"AWS::ApiGateway::RestApi", "Policy", PolicyKind::Resource, "API Gateway REST API", ""},
    {"AWS::SecretsManager::ResourcePolicy", "ResourcePolicy", PolicyKind::Resource, "Secrets Manager secret", ""},
    {"AWS::ECR::Repository", "RepositoryPolicyText", PolicyKind::Resource, "ECR repository", ""},
    {"AWS::OpenSearchService::Domain", "AccessPolicies", PolicyKind::Resource, "OpenSearch domain", ""},
    {"AWS::Elasticsearch::Domain", "AccessPolicies", PolicyKind::Resource, "Elasticsearch domain", ""},
    {"AWS::IAM::Role", "AssumeRolePolicyDocument", PolicyKind::Resource, "IAM role trust policy", ""},
};

// Roles: where their name and their attached managed policies are written.
struct RoleRow {
  std::string_view type;
  std::string_view name;
  std::string_view managed_arns;
};
constexpr RoleRow kRoles[] = {
    {"aws_iam_role", "name", "managed_policy_arns"},
    {"AWS::IAM::Role", "RoleName", "ManagedPolicyArns"},
};

// Attachments of a policy (by ARN) to roles.
struct AttachmentRow {
  std::string_view type;
  std::string_view roles;
  std::string_view policy_arn;
};
constexpr AttachmentRow kAttachments[] = {
    {"aws_iam_role_policy_attachment", "role", "policy_arn"},
    {"aws_iam_policy_attachment", "roles", "policy_arn"},
};

// Where a function lists managed policies of its own (SAM `Policies` strings).
constexpr std::pair<std::string_view, std::string_view> kFunctionManagedPolicies[] = {
    {"AWS::Serverless::Function", "Policies"},
};

const RoleRow* role_row(std::string_view type) {
  for (const auto& row : kRoles)
    if (row.type == type) return &row;
  return nullptr;
}

// Whether `designation` (a reference, an ARN or a name) designates `role`.
bool designates(const Model& model, const Value* designation, const NativeResource& role) {
  if (!designation) return false;
  for (const NativeResource* r : model.referenced(designation))
    if (r == &role) return true;
  std::string_view text = string_of(designation);
  if (text.empty()) return false;
  const RoleRow* row = role_row(role.type);
  std::string_view name = row ? string_of(at_path(role.body, row->name)) : std::string_view{};
  if (name.empty()) return false;
  if (text == name) return true;
  return text.size() > name.size() + 1 && text.substr(text.size() - name.size()) == name &&
         text[text.size() - name.size() - 1] == '/' && text.find(":role/") != std::string_view::npos;
}

void add_policy(Model& model, const NativeResource& r, const PolicyRow& row, const Value& attribute) {
  const Value* document = policy_document_of(&attribute);
  if (!document) return;
  Policy policy;
  policy.owner = &r;
  policy.kind = row.kind;
  policy.document = document;
  policy.range = attribute.where.valid() ? attribute.where : r.declaration;
  policy.subject = std::string(row.subject);
  read_policy_statements(*document, policy);
  model.policies.push_back(std::move(policy));
}

void resolve_role(Model& model, Function& fn) {
  if (!fn.role) return;
  for (const NativeResource* r : model.referenced(fn.role)) {
    if (role_row(r->type)) {
      fn.role_resource = r;
      return;
    }
  }
  for (const auto& [address, r] : model.by_address) {
    if (role_row(r->type) && designates(model, fn.role, *r)) {
      fn.role_resource = r;
      return;
    }
  }
  // A role ARN or reference that leads nowhere in this unit: its permissions are unknown.
  fn.role_known = false;
}

}  // namespace

void lower_policies(const LoadedUnit& unit, Model& model) {
  for (const auto& r : unit.resources) {
    for (const auto& row : kPolicies) {
      if (row.type != r.type) continue;
      each_at_path(r.body, row.document, [&](const Value& attribute) { add_policy(model, r, row, attribute); });
    }
  }

  for (auto& fn : model.functions) {
    if (fn.cloud != Cloud::Aws) continue;
    resolve_role(model, fn);
    std::set<const Policy*> seen;
    auto attach = [&](const Policy* p) {
      if (p->kind == PolicyKind::Identity && seen.insert(p).second) fn.policies.push_back(p);
    };
    // Policies the function declares itself (SAM).
    for (const auto& p : model.policies)
      if (p.owner == fn.resource) attach(&p);
    for (const auto& [type, path] : kFunctionManagedPolicies) {
      if (type != fn.resource->type) continue;
      for (const Value* item : list_items(at_path(fn.resource->body, path))) {
        if (item->is_map()) continue;
        bool to_document = false;
        for (const NativeResource* target : model.referenced(item)) {
          for (const auto& p : model.policies)
            if (p.owner == target) attach(&p), to_document = true;
        }
        if (!to_document) fn.managed_policy_arns.push_back(item);
      }
    }
    if (!fn.role_resource) continue;
    const NativeResource& role = *fn.role_resource;
    const RoleRow* rrow = role_row(role.type);
    // Inline policies of the role, and policies that name the role.
    for (const auto& p : model.policies) {
      if (p.owner == &role) {
        attach(&p);
        continue;
      }
      for (const auto& row : kPolicies) {
        if (row.type != p.owner->type || row.roles.empty() || row.roles == ".") continue;
        for (const Value* designation : list_items(at_path(p.owner->body, row.roles)))
          if (designates(model, designation, role)) attach(&p);
      }
    }
    // Managed policies: on the role, or attached to it.
    std::vector<const Value*> arns = list_items(at_path(role.body, rrow->managed_arns));
    for (const auto& r : unit.resources) {
      for (const auto& row : kAttachments) {
        if (row.type != r.type) continue;
        bool attached = false;
        for (const Value* designation : list_items(at_path(r.body, row.roles)))
          attached = attached || designates(model, designation, role);
        if (attached)
          if (const Value* arn = at_path(r.body, row.policy_arn)) arns.push_back(arn);
      }
    }
    for (const Value* arn : arns) {
      bool to_document = false;
      for (const NativeResource* target : model.referenced(arn)) {
        for (const auto& p : model.policies)
          if (p.owner == target) attach(&p), to_document = true;
      }
      if (!to_document) fn.managed_policy_arns.push_back(arn);
    }
  }
}

}  // namespace eph
