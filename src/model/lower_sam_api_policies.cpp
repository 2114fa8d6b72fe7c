// SAM `Auth.ResourcePolicy` on an API (or on one Api event): the statements the SAM
// translator writes into the API's resource policy, so policy rules read them like any
// other policy. An allow-list becomes, as in samtranslator's swagger editor, an Allow for
// "*" plus a Deny for callers outside the list; each synthesized part is positioned at the
// entry that asked for it (`IpRangeWhitelist: [...]`).
#include "model/lowering.h"
#include "model/policy_document.h"
#include "model/value_paths.h"

namespace eph {
namespace {

constexpr std::string_view kSubject = "API Gateway REST API";

// Resource policies written on the API itself (the implicit ServerlessRestApi included:
// the CloudFormation front-end synthesizes it with the Globals `Api` section merged).
constexpr std::pair<std::string_view, std::string_view> kApiResourcePolicies[] = {
    {"AWS::Serverless::Api", "Auth/ResourcePolicy"},
};
// Resource policies written on one event of a function (ApiFunctionAuth).
constexpr std::string_view kEventOwner = "AWS::Serverless::Function";
constexpr std::string_view kEventType = "Api";
constexpr std::string_view kEventResourcePolicy = "Properties/Auth/ResourcePolicy";

// An entry of ResourcePolicy that restricts callers: the effect of the statement SAM writes
// for it, the condition operator and the condition key.
struct RestrictionRow {
  std::string_view entry;
  std::string_view op;
  std::string_view key;
  bool allow_list;  // SAM also writes an unconditional Allow for "*" next to the Deny
};
constexpr RestrictionRow kRestrictions[] = {
    {"IpRangeWhitelist", "NotIpAddress", "aws:SourceIp", true},
    {"IpRangeBlacklist", "IpAddress", "aws:SourceIp", false},
    {"SourceVpcWhitelist", "StringNotEquals", "aws:SourceVpc", true},
    {"SourceVpcBlacklist", "StringEquals", "aws:SourceVpc", false},
    {"IntrinsicVpcWhitelist", "StringNotEquals", "aws:SourceVpc", true},
    {"IntrinsicVpcBlacklist", "StringEquals", "aws:SourceVpc", false},
    {"IntrinsicVpceWhitelist", "StringNotEquals", "aws:SourceVpce", true},
    {"IntrinsicVpceBlacklist", "StringEquals", "aws:SourceVpce", false},
};
constexpr std::string_view kAccountAllowList = "AwsAccountWhitelist";
constexpr std::string_view kCustomStatements = "CustomStatements";

Value text_at(std::string_view text, Range where) { return Value::string_of(std::string(text), where); }

Value statement(std::string_view effect, Value principal, Range where) {
  Value s = Value::map(where);
  s.set("Effect", text_at(effect, where));
  s.set("Principal", std::move(principal));
  s.set("Action", text_at("execute-api:Invoke", where));
  s.set("Resource", text_at("execute-api:/*", where));
  return s;
}

// A VPC endpoint id ("vpce-...") is matched by aws:SourceVpce, a VPC id by aws:SourceVpc.
std::string_view vpc_key(const RestrictionRow& row, const Value& list) {
  if (row.entry.substr(0, 9) != "SourceVpc") return row.key;
  for (const Value* item : list_items(&list))
    if (string_of(item).substr(0, 5) == "vpce-") return "aws:SourceVpce";
  return row.key;
}

void add_resource_policy(const NativeResource& owner, const Value& rp, Model& model) {
  if (!rp.is_map()) return;
  Value statements = Value::list(rp.where);
  bool wrote_allow_all = false;
  for (const auto& row : kRestrictions) {
    const Field* entry = rp.field(row.entry);
    if (!entry || entry->value.is_null()) continue;
    Range where = entry->key_range.valid() ? entry->key_range : entry->value.where;
    if (row.allow_list && !wrote_allow_all) {
      statements.items.push_back(statement("Allow", text_at("*", where), where));
      wrote_allow_all = true;
    }
    Value deny = statement("Deny", text_at("*", where), where);
    Value keys = Value::map(where);
    keys.set(std::string(vpc_key(row, entry->value)), entry->value, where);
    Value condition = Value::map(where);
    condition.set(std::string(row.op), std::move(keys), where);
    deny.set("Condition", std::move(condition), where);
    statements.items.push_back(std::move(deny));
  }
  if (const Field* accounts = rp.field(kAccountAllowList); accounts && !accounts->value.is_null()) {
    Range where = accounts->key_range.valid() ? accounts->key_range : accounts->value.where;
    Value principal = Value::map(where);
    principal.set("AWS", accounts->value, where);
    statements.items.push_back(statement("Allow", std::move(principal), where));
  }
  if (const Value* custom = rp.get(kCustomStatements)) {
    for (const Value* s : list_items(custom)) statements.items.push_back(*s);
  }
  if (statements.items.empty()) return;
  Value& document = model.synthesized.emplace_back(Value::map(rp.where));
  document.set("Version", text_at("2012-10-17", rp.where));
  document.set("Statement", std::move(statements));
  Policy policy;
  policy.owner = &owner;
  policy.kind = PolicyKind::Resource;
  policy.document = &document;
  policy.range = rp.where.valid() ? rp.where : owner.declaration;
  policy.subject = std::string(kSubject);
  read_policy_statements(document, policy);
  model.policies.push_back(std::move(policy));
}

}  // namespace

void lower_sam_api_resource_policies(const LoadedUnit& unit, Model& model) {
  for (const auto& r : unit.resources) {
    for (const auto& [type, path] : kApiResourcePolicies) {
      if (type != r.type) continue;
      if (const Value* rp = at_path(r.body, path)) add_resource_policy(r, *rp, model);
    }
    if (r.type != kEventOwner) continue;
    const Value* events = r.body.get("Events");
    if (!events || !events->is_map()) continue;
    for (const auto& event : events->fields) {
      if (string_of(event.value.get("Type")) != kEventType) continue;
      if (const Value* rp = at_path(event.value, kEventResourcePolicy)) add_resource_policy(r, *rp, model);
    }
  }
}

}  // namespace eph
