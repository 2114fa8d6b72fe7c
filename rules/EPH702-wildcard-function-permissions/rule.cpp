// EPH702 wildcard-function-permissions: a function's execution role that grants every
// action (of all services, or of one) on every resource, in a statement or through an AWS
// managed policy (AdministratorAccess, PowerUserAccess, *FullAccess); on Google Cloud, the
// function's service account (or the default account it runs as) holding roles/owner or
// roles/editor.
#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

#include "model/endpoint_services.h"
#include "model/service_table.h"
#include "model/value_paths.h"
#include "rule_api/rule.h"

namespace eph::rules {
namespace {

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// "*", "*:*" or "service:*".
const Value* wildcard_action(const PolicyStatement& st) {
  for (const Value* a : st.actions) {
    std::string_view text = string_of(a);
    if (text == "*" || (text.size() > 2 && ends_with(text, ":*") && text.find('*') == text.size() - 1) || text == "*:*")
      return a;
  }
  return nullptr;
}

bool on_every_resource(const PolicyStatement& st) {
  for (const Value* r : st.resources)
    if (string_of(r) == "*") return true;
  return false;
}

// What a wildcard action grants, for the message: "every action of every service" or
// "every action of S3".
std::string wildcard_scope(std::string_view action) {
  if (action == "*" || action == "*:*") return "every action of every service";
  std::string prefix(action.substr(0, action.find(':')));
  std::transform(prefix.begin(), prefix.end(), prefix.begin(), [](unsigned char c) { return std::tolower(c); });
  return "every action of " + std::string(service_display_name(prefix));
}

// An AWS managed policy that grants everything, or everything on one service.
struct BroadPolicy {
  std::string name;    // "AdministratorAccess", "AmazonS3FullAccess"
  std::string grants;  // what it grants, for the message
};

// "AmazonS3FullAccess" -> "S3", "AWSLambda_FullAccess" -> "Lambda", "CloudWatchFullAccessV2"
// -> "CloudWatch"; empty when the name is not a *FullAccess policy.
std::string_view full_access_service(std::string_view name) {
  constexpr std::string_view kFullAccess = "FullAccess";
  size_t at = name.rfind(kFullAccess);
  if (at == std::string_view::npos || at == 0) return {};
  std::string_view version = name.substr(at + kFullAccess.size());  // "", or "V2"
  if (!version.empty() && (version[0] != 'V' || version.size() == 1 ||
                           version.find_first_not_of("0123456789", 1) != std::string_view::npos))
    return {};
  std::string_view stem = name.substr(0, at);
  if (stem.back() == '_') stem.remove_suffix(1);
  for (std::string_view vendor : {"Amazon", "AWS"})
    if (stem.size() > vendor.size() && stem.substr(0, vendor.size()) == vendor) stem.remove_prefix(vendor.size());
  // Policy names run words together; the services whose name has several words.
  static constexpr std::pair<std::string_view, std::string_view> kSpelled[] = {
      {"CloudWatchLogs", "CloudWatch Logs"},
      {"StepFunctions", "Step Functions"},
      {"KinesisFirehose", "Data Firehose"},
      {"ElasticFileSystem", "EFS"},
      {"ElasticFileSystemClient", "EFS file systems as a client"},
      {"RDSData", "the RDS Data API"},
      {"APIGatewayInvoke", "invoking API Gateway APIs"},
      {"SSM", "Systems Manager"},
      {"CognitoPowerUser", "Cognito"},
  };
  for (const auto& [written, spelled] : kSpelled)
    if (stem == written) return spelled;
  return stem;
}

// The AWS managed policy an attachment designates, when it is one that grants everything
// on a service: by ARN ("arn:aws:iam::aws:policy/AdministratorAccess", also with an unknown
// partition) or by bare name (SAM `Policies`, a policy data source).
std::optional<BroadPolicy> broad_managed_policy(const Value* v) {
  std::string text = v->is_string() ? v->text : written_literal_tail(v);
  if (text.empty()) return std::nullopt;
  std::string_view name = text;
  if (name.find(":iam::") != std::string_view::npos) {
    if (name.find(":iam::aws:policy/") == std::string_view::npos) return std::nullopt;  // customer managed
    name = name.substr(name.rfind('/') + 1);
  } else if (!v->is_string() || name.find_first_of(":/${}") != std::string_view::npos) {
    return std::nullopt;  // not an IAM policy ARN, nor a bare name written in full
  }
  if (name == "AdministratorAccess") return BroadPolicy{std::string(name), "every action of every service"};
  if (name == "PowerUserAccess")
    return BroadPolicy{std::string(name), "every action of every service except IAM, Organizations and account management"};
  std::string_view service = full_access_service(name);
  if (service.empty()) return std::nullopt;
  return BroadPolicy{std::string(name), "full access to " + std::string(service)};
}

// Google Cloud's basic roles and Azure's privileged built-in roles: (nearly) everything in their scope.
constexpr std::pair<std::string_view, std::string_view> kBasicRoles[] = {
    {"roles/owner", "every permission"},
    {"roles/editor", "write access to nearly every resource"},
    {"Owner", "every permission, including granting access to others"},
    {"Contributor", "write access to every resource"},
};

// Azure: a privileged role matters at subscription, resource-group or management-group scope;
// on one resource it is that resource's business.
bool broad_scope(const RoleGrant& g) {
  return g.scope_kind != GrantScope::Resource && g.scope_kind != GrantScope::Unknown;
}

// Who the grant is given to, for the message.
std::string grantee(const RoleGrant& g, const Model& model) {
  if (g.cloud == Cloud::Azure && !g.identities.empty()) {
    const NativeResource* id = g.identities.front();
    for (const Function& fn : model.functions)
      if (fn.resource == id) return "the system-assigned managed identity of " + id->address;
    return "user-assigned identity " + id->address;
  }
  return {};
}

std::string_view basic_role(const Value* role) {
  for (const auto& [name, grants] : kBasicRoles)
    if (string_of(role) == name) return grants;
  return {};
}

std::string_view default_account_name(DefaultIdentity id) {
  switch (id) {
    case DefaultIdentity::GcpCompute: return "the Compute Engine default service account";
    case DefaultIdentity::GcpAppEngine: return "the App Engine default service account";
    case DefaultIdentity::None: break;
  }
  return "its service account";
}

// Role grants that give a function's identity a basic role: one finding per grant, naming
// every function that runs as that identity.
void check_role_grants(RuleContext& ctx) {
  const Model& model = ctx.model();
  for (const RoleGrant& g : model.role_grants) {
    std::string_view grants = basic_role(g.role);
    if (grants.empty() || !broad_scope(g)) continue;
    std::vector<const Function*> functions;
    for (const Function& fn : model.functions)
      if (grant_applies_to(g, fn)) functions.push_back(&fn);
    if (functions.empty()) continue;
    const Function& first = *functions.front();
    std::string names = first.address();
    for (size_t i = 1; i < functions.size(); ++i) names += ", " + functions[i]->address();
    std::string identity = !grantee(g, model).empty()  ? grantee(g, model)
                           : !g.identities.empty() ? "service account " + g.identities.front()->address
                           : g.default_identity != DefaultIdentity::None
                               ? std::string(default_account_name(g.default_identity)) +
                                     (is_known_string(g.member) ? " (" + g.member->text + ")" : "")
                               : g.member->display();
    std::string scope(to_string(g.scope_kind));
    if (is_known_string(g.scope)) scope += " " + g.scope->text;
    Finding& f = ctx.report(g.role->where,
                            g.resource->address + " grants " + g.role->text + " (" + std::string(grants) + ") on the " + scope +
                                " to " + identity + ", which " + names + (functions.size() == 1 ? " runs" : " run") +
                                " as: a bug or injected code in the function can use all of it; " +
                                (g.cloud == Cloud::Azure
                                     ? "give the function's managed identity only the roles it needs, on the resources "
                                       "it uses (for example Storage Blob Data Reader on one storage account)"
                                     : "run it as a dedicated service account holding only the roles it needs"),
                            first.address());
    f.related.push_back(RelatedLocation{g.member->where, "the member"});
    for (const Function* fn : functions) {
      std::string why = fn->cloud == Cloud::Azure                      ? "has this managed identity"
                        : fn->identity && !fn->identity->is_null() ? "runs as this account"
                                                                   : "names no service account, so it runs as " +
                                                                         std::string(default_account_name(fn->default_identity));
      f.related.push_back(RelatedLocation{fn->identity && fn->identity->where.valid() ? fn->identity->where : fn->resource->declaration,
                                          fn->address() + " " + why});
    }
  }
}

class RuleEPH702 final : public Rule {
 public:
  void check(RuleContext& ctx) const override {
    check_role_grants(ctx);
    // A role shared by several functions: one finding per statement, naming every function.
    std::map<const void*, Grant> grants;
    std::vector<const void*> order;
    auto add = [&](const void* key, Range range, std::string what, const Function& fn) {
      auto [it, fresh] = grants.try_emplace(key);
      if (fresh) {
        order.push_back(key);
        it->second.range = range;
        it->second.what = std::move(what);
      }
      it->second.functions.push_back(&fn);
    };
    for (const Function& fn : ctx.model().functions) {
      for (const Policy* p : fn.policies) {
        for (const auto& st : p->statements) {
          if (!st.allows() || st.not_action || st.not_resource) continue;
          const Value* action = wildcard_action(st);
          if (!action || !on_every_resource(st)) continue;
          add(&st, st.range.valid() ? st.range : p->range,
              "grants " + wildcard_scope(action->text) + " (\"" + action->text + "\") on every resource (\"*\") in " +
                  p->subject + " " + p->owner->address,
              fn);
        }
      }
      for (const Value* arn : fn.managed_policy_arns) {
        std::optional<BroadPolicy> broad = broad_managed_policy(arn);
        if (!broad) continue;
        add(arn, arn->where, "has the AWS managed policy " + broad->name + ", which grants " + broad->grants, fn);
      }
    }
    for (const void* key : order) {
      const Grant& g = grants[key];
      const Function& first = *g.functions.front();
      std::string names = first.address();
      for (size_t i = 1; i < g.functions.size(); ++i) names += ", " + g.functions[i]->address();
      Finding& f = ctx.report(g.range,
                              "The execution role of " + names + " " + g.what +
                                  ": a bug or injected code in the function can use all of it; grant only "
                                  "the actions and resources the function uses",
                              first.address());
      for (const Function* fn : g.functions) f.related.push_back(RelatedLocation{fn->resource->declaration, "function " + fn->address()});
    }
  }

 private:
  struct Grant {
    Range range;
    std::string what;
    std::vector<const Function*> functions;
  };
};

}  // namespace

std::unique_ptr<Rule> make_EPH702() { return std::make_unique<RuleEPH702>(); }

}  // namespace eph::rules
