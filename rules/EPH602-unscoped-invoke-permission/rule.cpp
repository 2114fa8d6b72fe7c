// EPH602 unscoped-invoke-permission: a Lambda permission that lets anyone, or any
// account's resource of a service, invoke the function.
#include "model/value_paths.h"
#include "rule_api/rule.h"

namespace eph::rules {
namespace {

bool written(const Value* v) { return v && !v->is_null(); }

bool is_service_principal(std::string_view p) {
  return p.find(".amazonaws.com") != std::string_view::npos || p.find(".amazon.com") != std::string_view::npos;
}

class RuleEPH602 final : public Rule {
 public:
  void check(RuleContext& ctx) const override {
    for (const InvokePermission& p : ctx.model().invoke_permissions) {
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
