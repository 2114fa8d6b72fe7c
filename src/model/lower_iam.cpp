// Policies (identity and resource) and the execution role of each function.
#include <algorithm>
#include <map>
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
    {"aws_api_gateway_rest_api", "body/x-amazon-apigateway-policy", PolicyKind::Resource, "API Gateway REST API", ""},
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
    // The resource policy of an API imported from an OpenAPI document.
    {"AWS::ApiGateway::RestApi", "Body/x-amazon-apigateway-policy", PolicyKind::Resource, "API Gateway REST API", ""},
    {"AWS::Serverless::Api", "DefinitionBody/x-amazon-apigateway-policy", PolicyKind::Resource,
     "API Gateway REST API", ""},
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

// Data sources that look a managed policy up: where they write its ARN or its name.
struct PolicyLookupRow {
  std::string_view type, arn, name;
};
constexpr PolicyLookupRow kPolicyLookups[] = {
    {"data.aws_iam_policy", "arn", "name"},
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

// Roles by what designates them: a reference, a name, or an ARN ending in the name. Built once per
// unit so that matching policies, attachments and functions to roles stays linear in their number.
class RoleIndex {
 public:
  explicit RoleIndex(const Model& model) : model_(model) {
    for (const auto& [address, r] : model.by_address) {
      const RoleRow* row = role_row(r->type);
      if (!row) continue;
      std::string_view name = string_of(at_path(r->body, row->name));
      if (name.empty()) continue;
      auto& named = by_name_[std::string(name)];
      if (std::find(named.begin(), named.end(), r) == named.end()) named.push_back(r);
    }
  }

  // The roles `designation` designates: those it references, and those whose name it is or
  // whose name ends it after a '/' in a role ARN.
  std::vector<const NativeResource*> designated(const Value* designation) const {
    std::vector<const NativeResource*> out;
    if (!designation) return out;
    auto add = [&](const NativeResource* r) {
      if (std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
    };
    for (const NativeResource* r : model_.referenced(designation))
      if (role_row(r->type)) add(r);
    std::string_view text = string_of(designation);
    if (text.empty()) return out;
    add_named(text, add);
    if (text.find(":role/") != std::string_view::npos) {
      for (size_t slash = text.find('/', 1); slash != std::string_view::npos; slash = text.find('/', slash + 1))
        add_named(text.substr(slash + 1), add);
    }
    return out;
  }

 private:
  template <typename Add>
  void add_named(std::string_view name, Add&& add) const {
    auto it = by_name_.find(name);
    if (it == by_name_.end()) return;
    for (const NativeResource* r : it->second) add(r);
  }

  const Model& model_;
  std::map<std::string, std::vector<const NativeResource*>, std::less<>> by_name_;
};

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

// What designates an attached managed policy: the ARN as attached or, when it is read from
// a policy data source, the ARN or name written in that data source.
const Value* managed_policy_designation(const Model& model, const Value* attached) {
  if (attached->is_string()) return attached;
  for (const NativeResource* r : model.referenced(attached)) {
    for (const auto& row : kPolicyLookups) {
      if (row.type != r->type) continue;
      for (std::string_view path : {row.arn, row.name})
        if (const Value* v = at_path(r->body, path); is_known_string(v)) return v;
    }
  }
  return attached;
}

void resolve_role(const Model& model, const RoleIndex& roles, Function& fn) {
  if (!fn.role) return;
  for (const NativeResource* r : model.referenced(fn.role)) {
    if (role_row(r->type)) {
      fn.role_resource = r;
      return;
    }
  }
  std::vector<const NativeResource*> named = roles.designated(fn.role);
  if (!named.empty()) {
    // Several roles of one name (module instances): the first by address, as everywhere else.
    for (const auto& [address, r] : model.by_address) {
      if (std::find(named.begin(), named.end(), r) != named.end()) {
        fn.role_resource = r;
        return;
      }
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

  // Who holds or names what, computed once: policies by owner, policies and attached
  // managed-policy ARNs by the roles they designate.
  RoleIndex roles(model);
  std::map<const NativeResource*, std::vector<const Policy*>> policies_of;
  std::map<const NativeResource*, std::vector<const Policy*>> designating;
  for (const auto& p : model.policies) {
    policies_of[p.owner].push_back(&p);
    for (const auto& row : kPolicies) {
      if (row.type != p.owner->type || row.roles.empty() || row.roles == ".") continue;
      for (const Value* designation : list_items(at_path(p.owner->body, row.roles)))
        for (const NativeResource* role : roles.designated(designation)) designating[role].push_back(&p);
    }
  }
  std::map<const NativeResource*, std::vector<const Value*>> attached_arns;
  for (const auto& r : unit.resources) {
    for (const auto& row : kAttachments) {
      if (row.type != r.type) continue;
      const Value* arn = at_path(r.body, row.policy_arn);
      if (!arn) continue;
      std::vector<const NativeResource*> to;
      for (const Value* designation : list_items(at_path(r.body, row.roles)))
        for (const NativeResource* role : roles.designated(designation))
          if (std::find(to.begin(), to.end(), role) == to.end()) to.push_back(role);
      for (const NativeResource* role : to) attached_arns[role].push_back(arn);
    }
  }
  auto owned_by = [&](const NativeResource* owner) -> const std::vector<const Policy*>& {
    static const std::vector<const Policy*> kNone;
    auto it = policies_of.find(owner);
    return it == policies_of.end() ? kNone : it->second;
  };
  std::map<const Policy*, size_t> order;  // declaration order of the policies
  for (const auto& p : model.policies) order.emplace(&p, order.size());

  for (auto& fn : model.functions) {
    if (fn.cloud != Cloud::Aws) continue;
    resolve_role(model, roles, fn);
    std::set<const Policy*> seen;
    auto attach = [&](const Policy* p) {
      if (p->kind == PolicyKind::Identity && seen.insert(p).second) fn.policies.push_back(p);
    };
    // Policies the function declares itself (SAM).
    for (const Policy* p : owned_by(fn.resource)) attach(p);
    for (const auto& [type, path] : kFunctionManagedPolicies) {
      if (type != fn.resource->type) continue;
      for (const Value* item : list_items(at_path(fn.resource->body, path))) {
        if (item->is_map()) continue;
        bool to_document = false;
        for (const NativeResource* target : model.referenced(item)) {
          for (const Policy* p : owned_by(target)) attach(p), to_document = true;
        }
        if (!to_document) fn.managed_policy_arns.push_back(item);
      }
    }
    if (!fn.role_resource) continue;
    const NativeResource& role = *fn.role_resource;
    const RoleRow* rrow = role_row(role.type);
    // Inline policies of the role, and policies that name the role, in declaration order.
    std::vector<const Policy*> of_role = owned_by(&role);
    if (auto it = designating.find(&role); it != designating.end())
      of_role.insert(of_role.end(), it->second.begin(), it->second.end());
    std::sort(of_role.begin(), of_role.end(), [&](const Policy* a, const Policy* b) { return order[a] < order[b]; });
    for (const Policy* p : of_role) attach(p);
    // Managed policies: on the role, or attached to it.
    std::vector<const Value*> arns = list_items(at_path(role.body, rrow->managed_arns));
    if (auto it = attached_arns.find(&role); it != attached_arns.end())
      arns.insert(arns.end(), it->second.begin(), it->second.end());
    for (const Value* arn : arns) {
      bool to_document = false;
      for (const NativeResource* target : model.referenced(arn)) {
        for (const Policy* p : owned_by(target)) attach(p), to_document = true;
      }
      if (!to_document) fn.managed_policy_arns.push_back(managed_policy_designation(model, arn));
    }
  }
}

}  // namespace eph
