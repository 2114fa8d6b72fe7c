// EPH603 api-route-without-auth: an API method or route that reaches a function with no
// authorization and no API key.
#include <algorithm>
#include <cctype>

#include "engine/rule.h"

namespace eph::rules {
namespace {

std::string upper(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

// CORS preflight: "OPTIONS", or a route key "OPTIONS /path".
bool is_preflight(const Value* method) {
  if (!method || !method->is_string()) return false;
  std::string m = upper(method->text);
  return m == "OPTIONS" || m.rfind("OPTIONS ", 0) == 0;
}

// Null: cannot be known. Otherwise whether an API key is required.
std::optional<bool> requires_key(const Value* v) {
  if (!v || v->is_null()) return false;
  if (v->kind == Kind::Bool) return v->boolean;
  if (v->is_string()) return upper(v->text) == "TRUE";
  return std::nullopt;
}

class RuleEPH603 final : public Rule {
 public:
  void check(RuleContext& ctx) const override {
    for (const ApiRoute& route : ctx.model().api_routes) {
      if (route.authorization_unknown || is_preflight(route.method)) continue;
      if (route.method && route.method->is_unknown()) continue;
      std::optional<bool> key = requires_key(route.api_key_required);
      if (!key || *key) continue;
      const Value* auth = route.authorization;
      if (auth && (!auth->is_string() || upper(auth->text) != "NONE")) continue;
      std::string what = std::string(route.label) + " " +
                         (route.event.empty() ? route.resource->address : route.event + " of " + route.resource->address);
      if (route.method && route.method->is_string()) what += " (" + route.method->text + ")";
      std::string who = route.private_endpoint
                            ? "any caller that reaches the PRIVATE API's VPC endpoint can invoke it, its network "
                              "standing in for its identity"
                            : "anyone can invoke it";
      std::string message = what + " reaches " + route.function->address() + " with " +
                            (auth ? "authorization NONE" : "no authorization") + " and no API key: " + who +
                            "; attach an authorizer (IAM, Cognito/JWT or a Lambda authorizer)" +
                            (route.api ? " or set a default authorizer on " + route.api->address : "");
      Finding& f = ctx.report(auth && auth->where.valid() ? auth->where : route.range, message, route.resource->address);
      // Not reachable from the internet: lower, not silent (network placement is not identity).
      if (route.private_endpoint) f.severity = Severity::Low;
      if (route.function->resource != route.resource)
        f.related.push_back(RelatedLocation{route.function->resource->declaration, "the function"});
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_EPH603() { return std::make_unique<RuleEPH603>(); }

}  // namespace eph::rules
