// EPH603 api-route-without-auth: an API method, route or OpenAPI operation that reaches a
// function with no authorization and no API key; for WebSocket APIs, a connection ($connect)
// that anyone can open, reported once per API with every function its routes reach.
#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rule_api/rule.h"

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

// Whether nothing authorizes the route's callers (known; unknown is never reported).
bool unauthenticated(const ApiRoute& route) {
  if (route.authorization_unknown) return false;
  if (route.method && route.method->is_unknown()) return false;
  std::optional<bool> key = requires_key(route.api_key_required);
  if (!key || *key) return false;
  const Value* auth = route.authorization;
  return !auth || (auth->is_string() && upper(auth->text) == upper(route.open_authorization));
}

std::string join_values(const std::vector<const Value*>& values) {
  std::string out;
  for (const Value* v : values) {
    if (!v->is_string()) return {};
    if (!out.empty()) out += ", ";
    out += v->text;
  }
  return out;
}

// Who can call the route, and whether that is limited otherwise than by identity.
std::string who_can_call(const ApiRoute& route, std::string_view anyone) {
  if (route.private_endpoint)
    return "any caller that reaches the PRIVATE API's VPC endpoint can invoke it, its network standing in for its "
           "identity";
  if (route.vpc_only_condition) {
    bool endpoint = route.vpc_only_condition->key_lower == "aws:sourcevpce";
    std::string names = join_values(route.vpc_only_condition->values);
    std::string where = std::string(endpoint ? "VPC endpoint" : "VPC") + (names.empty() ? "" : " " + names);
    return "only callers from " + where + " can invoke it (the resource policy in " +
           route.vpc_only_policy->owner->address + " refuses the others), their network standing in for their identity";
  }
  if (route.mutual_tls_domain) {
    std::string domain = route.mutual_tls_domain == route.api ? "the custom domain of " + route.api->address
                                                              : "custom domain " + route.mutual_tls_domain->address;
    return "only callers with a client certificate that " + domain +
           " trusts can invoke it (mutual TLS; the default execute-api endpoint is disabled)";
  }
  return std::string(anyone);
}

bool limited(const ApiRoute& route) {
  return route.private_endpoint || route.vpc_only_condition || route.mutual_tls_domain;
}

std::string method_of(const ApiRoute& route) {
  return route.method && route.method->is_string() ? route.method->text : std::string();
}

class RuleEPH603 final : public Rule {
 public:
  void check(RuleContext& ctx) const override {
    std::vector<std::vector<const ApiRoute*>> connections;  // WebSocket routes, by connection
    std::map<std::pair<const void*, uint32_t>, size_t> connection_index;
    for (const ApiRoute& route : ctx.model().api_routes) {
      if (!unauthenticated(route) || is_preflight(route.method)) continue;
      if (route.websocket) {
        if (!route.connection) continue;
        auto key = std::make_pair(static_cast<const void*>(route.connection_range.file), route.connection_range.begin);
        auto [it, fresh] = connection_index.try_emplace(key, connections.size());
        if (fresh) connections.emplace_back();
        connections[it->second].push_back(&route);
        continue;
      }
      report_route(ctx, route);
    }
    for (const auto& routes : connections) report_connection(ctx, routes);
    for (const BypassableGate& gate : ctx.model().bypassable_gates) report_bypass(ctx, gate);
  }

 private:
  // A route of another platform (an Azure Functions HTTP trigger), in that platform's words.
  static void report_platform_route(RuleContext& ctx, const ApiRoute& route) {
    const Value* auth = route.authorization;
    Finding& f = ctx.report(auth && auth->where.valid() ? auth->where : route.range,
                            std::string(route.label) + " " + route.resource->address + " of " +
                                std::string(route.function->label) + " " + route.function->address() + " has " +
                                std::string(route.authorization_word) + " " + (auth ? auth->text : std::string()) +
                                " and the app does not require authentication: anyone can invoke it; " + std::string(route.fix),
                            route.resource->address);
    f.related.push_back(RelatedLocation{route.function->resource->declaration, "the app"});
  }

  // A default hostname that skips the identity gate in front of the function's own domain.
  static void report_bypass(RuleContext& ctx, const BypassableGate& g) {
    const Function& fn = *g.function;
    Finding& f = ctx.report(g.enabled->where.valid() ? g.enabled->where : g.default_endpoint->declaration,
                            std::string(fn.label) + " " + fn.address() + " is reachable on " + g.default_host +
                                " while its domain " + g.hostname + " sits behind " + g.gate_label + " " +
                                g.gate->address + ": anyone can skip the login by calling the " + g.default_host +
                                " hostname; " + g.fix,
                            g.default_endpoint->address);
    f.related.push_back(RelatedLocation{g.domain->declaration, "the domain " + g.hostname + " (" + g.domain->address + ")"});
    f.related.push_back(RelatedLocation{g.gate->declaration, "the " + g.gate_label});
    if (fn.resource != g.default_endpoint) f.related.push_back(RelatedLocation{fn.resource->declaration, "the function"});
  }

  static void report_route(RuleContext& ctx, const ApiRoute& route) {
    if (!route.fix.empty()) return report_platform_route(ctx, route);
    const Value* auth = route.authorization;
    std::string what = std::string(route.label) + " " +
                       (route.event.empty() ? route.resource->address : route.event + " of " + route.resource->address);
    if (std::string method = method_of(route); !method.empty()) what += " (" + method + ")";
    std::string message = what + " reaches " + route.function->address() + " with " +
                          (auth ? "authorization NONE" : "no authorization") + " and no API key: " +
                          who_can_call(route, "anyone can invoke it") +
                          "; attach an authorizer (IAM, Cognito/JWT or a Lambda authorizer)" +
                          (route.api && route.api_default_authorizer ? " or set a default authorizer on " + route.api->address
                                                                     : "");
    Finding& f = ctx.report(auth && auth->where.valid() ? auth->where : route.range, message, route.resource->address);
    // Callers limited otherwise: lower, not silent (network placement is not identity).
    if (limited(route)) f.severity = Severity::Low;
    if (route.function->resource != route.resource)
      f.related.push_back(RelatedLocation{route.function->resource->declaration, "the function"});
  }

  // One WebSocket API whose connections nobody authorizes: every route it has is open.
  static void report_connection(RuleContext& ctx, const std::vector<const ApiRoute*>& routes) {
    const ApiRoute& first = *routes.front();
    const NativeResource& connection = *first.connection;
    const NativeResource& api = first.api ? *first.api : connection;
    const Value* auth = first.authorization;
    std::string why;
    if (&connection != &api) {
      why = "its $connect route " + connection.address + " has " + (auth ? "authorization NONE" : "no authorization");
    } else if (first.resource == &api) {
      why = auth ? "its Auth has AuthType NONE" : "it declares no Auth for $connect";
    } else {
      why = "it has no $connect route to authorize them";
    }
    // Each function once, with the routes that reach it: "OnConnect (route $connect)".
    std::vector<std::pair<const Function*, std::vector<std::string>>> by_function;
    for (const ApiRoute* r : routes) {
      auto it = std::find_if(by_function.begin(), by_function.end(), [&](const auto& e) { return e.first == r->function; });
      if (it == by_function.end()) it = by_function.insert(by_function.end(), {r->function, {}});
      if (std::string key = method_of(*r); !key.empty()) it->second.push_back(key);
    }
    std::string reached;
    for (const auto& [fn, keys] : by_function) {
      if (!reached.empty()) reached += ", ";
      reached += fn->address();
      for (size_t i = 0; i < keys.size(); ++i)
        reached += (i == 0 ? (keys.size() == 1 ? " (route " : " (routes ") : ", ") + keys[i] + (i + 1 == keys.size() ? ")" : "");
    }
    std::string message = "WebSocket API " + api.address + " accepts connections without authorization or API key (" +
                          why + "): " +
                          (limited(first) ? who_can_call(first, "") + ", and each connection can invoke "
                                          : std::string("anyone can connect and invoke ")) +
                          reached +
                          "; attach an authorizer (IAM or a Lambda authorizer) to its $connect route";
    Finding& f = ctx.report(auth && auth->where.valid() ? auth->where : first.connection_range, message,
                            connection.address);
    if (limited(first)) f.severity = Severity::Low;
    for (const ApiRoute* r : routes) {
      if (r->range.valid()) f.related.push_back(RelatedLocation{r->range, "route " + method_of(*r)});
      f.related.push_back(RelatedLocation{r->function->resource->declaration, "function " + r->function->address()});
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_EPH603() { return std::make_unique<RuleEPH603>(); }

}  // namespace eph::rules
