// EPH602 unscoped-invoke-permission: a Lambda permission that lets anyone, or any
// account's resource of a service, invoke the function; on Google Cloud, allUsers or
// allAuthenticatedUsers holding an invoker role, or the invoker check turned off.
#include "model/value_paths.h"
#include "rule_api/rule.h"

namespace eph::rules {
namespace {

bool written(const Value* v) { return v && !v->is_null(); }

bool is_service_principal(std::string_view p) {
  return p.find(".amazonaws.com") != std::string_view::npos || p.find(".amazon.com") != std::string_view::npos;
}

// Google Cloud's public members, and what each lets in.
constexpr std::pair<std::string_view, std::string_view> kPublicMembers[] = {
    {"allUsers", "anyone on the internet can invoke it, without signing in"},
    {"allAuthenticatedUsers", "anyone with a Google account, in any organization, can invoke it"},
};
// Roles that carry the invoke permission (run.routes.invoke, cloudfunctions.functions.invoke).
constexpr std::string_view kInvokerRoles[] = {"roles/run.invoker", "roles/cloudfunctions.invoker", "roles/run.admin",
                                              "roles/cloudfunctions.admin"};

bool is_true(const Value* v) {
  return v && ((v->kind == Kind::Bool && v->boolean) || (v->is_string() && v->text == "true"));
}

std::string_view public_member(std::string_view member) {
  for (const auto& [name, who] : kPublicMembers)
    if (member == name) return who;
  return {};
}

bool invoker_role(std::string_view role) {
  for (auto r : kInvokerRoles)
    if (role == r) return true;
  return false;
}

// Ingress limited to the VPC (and Cloud Load Balancing): the internet reaches the function
// only through what the load balancer lets in.
void limit_by_ingress(Finding& f, const Function* fn) {
  if (!fn || !fn->internal_ingress()) return;
  f.severity = Severity::Low;
  f.message += " (its ingress is " + fn->ingress->text + ", so only callers inside the VPC or behind a load balancer reach it)";
  f.related.push_back(RelatedLocation{fn->ingress->where, "ingress setting"});
}

void check_google_binding(RuleContext& ctx, const InvokePermission& p) {
  std::string_view who = public_member(string_of(p.principal));
  if (who.empty() || !invoker_role(string_of(p.role))) return;
  std::string target = p.function ? p.function->address() : "the service or function " + std::string(string_of(p.function_ref));
  if (!p.function && string_of(p.function_ref).empty()) target = "its service or function";
  Finding& f = ctx.report(p.principal->where,
                          p.resource->address + " grants " + p.role->text + " to " + p.principal->text + " on " + target +
                              ": " + std::string(who) + "; grant the role only to the service accounts or "
                              "groups that call it (or put IAP or a load balancer with Cloud Armor in front)",
                          p.resource->address);
  if (p.function) f.related.push_back(RelatedLocation{p.function->resource->declaration, p.function->label.empty() ? "the function" : std::string(p.function->label)});
  limit_by_ingress(f, p.function);
}

void check_invoker_check(RuleContext& ctx, const Function& fn) {
  if (!is_true(fn.invoker_check_disabled)) return;
  Finding& f = ctx.report(fn.invoker_check_disabled->where,
                          fn.address() + " turns off the invoker IAM check (invoker_iam_disabled): anyone who can reach its "
                                         "URL invokes it; remove the setting and grant roles/run.invoker to the callers",
                          fn.address());
  limit_by_ingress(f, &fn);
}

class RuleEPH602 final : public Rule {
 public:
  void check(RuleContext& ctx) const override {
    for (const Function& fn : ctx.model().functions) check_invoker_check(ctx, fn);
    for (const InvokePermission& p : ctx.model().invoke_permissions) {
      if (p.cloud == Cloud::Gcp) {
        check_google_binding(ctx, p);
        continue;
      }
      if (!p.principal || !p.principal->is_string()) continue;
      const std::string& principal = p.principal->text;
      // The permission a function URL with auth type NONE requires: EPH601 reports the URL.
      if (string_of(p.action) == "lambda:InvokeFunctionUrl" && string_of(p.function_url_auth_type) == "NONE") continue;
      bool scoped = written(p.source_arn) || written(p.source_account) || written(p.event_source_token);
      std::string target = p.function ? p.function->address() : std::string("the function");
      std::string message;
      if (principal == "*") {
        if (scoped || written(p.principal_org_id)) continue;
        message = p.resource->address + " lets any principal (\"*\") invoke " + target +
                  ": name the calling account or service, and scope it with source_arn/SourceArn or principal_org_id";
      } else if (is_service_principal(principal)) {
        if (scoped) continue;
        message = p.resource->address + " lets " + principal + " invoke " + target +
                  " on behalf of any account's resource (no source ARN or source account): set source_arn/SourceArn "
                  "to the resource that calls it, or at least source_account";
      } else {
        continue;
      }
      Finding& f = ctx.report(p.principal->where, message, p.resource->address);
      if (p.function) f.related.push_back(RelatedLocation{p.function->resource->declaration, "the function"});
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_EPH602() { return std::make_unique<RuleEPH602>(); }

}  // namespace eph::rules
