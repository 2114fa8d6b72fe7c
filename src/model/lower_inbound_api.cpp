// API routes (lower_api_routes.cpp) as inbound paths of the traffic view, with the
// throttling that applies to them: stage and method settings, SAM API settings, and usage
// plans for routes that require an API key.
#include "model/inbound_lowering.h"
#include "model/lowering.h"
#include "model/network_evidence.h"
#include "model/value_paths.h"

namespace eph {
namespace {

// The API a route or method belongs to.
struct RouteApiRow {
  std::string_view type, api;  // api: empty when the route is the API itself (quick create)
};
constexpr RouteApiRow kRouteApis[] = {
    {.type = "aws_api_gateway_method", .api = "rest_api_id"},
    {.type = "AWS::ApiGateway::Method", .api = "RestApiId"},
    {.type = "aws_apigatewayv2_route", .api = "api_id"},
    {.type = "AWS::ApiGatewayV2::Route", .api = "ApiId"},
    {.type = "aws_apigatewayv2_api", .api = ""},
    {.type = "AWS::ApiGatewayV2::Api", .api = ""},
};

// Where a rate limit for an API's requests is written. `api`: the path naming the API
// (empty: the resource is the API). `settings`: each element holding a limit (empty: the
// resource itself); `rate` is read inside it. `scope`: inside the element, what the limit
// applies to (a method path, a resource path, a route key); empty: every route. A scoped
// limit counts only for the whole API (`*/*`, `/*`, `*`) or for the route it names.
// `key_only`: applies only to requests with an API key (usage plans).
struct ThrottleRow {
  std::string_view type, api, settings = "", rate, scope = "";
  bool key_only = false;
};
constexpr ThrottleRow kThrottles[] = {
    {.type = "aws_api_gateway_method_settings", .api = "rest_api_id", .rate = "settings/throttling_rate_limit",
     .scope = "method_path"},
    {.type = "AWS::ApiGateway::Stage", .api = "RestApiId", .settings = "MethodSettings", .rate = "ThrottlingRateLimit",
     .scope = "ResourcePath"},
    {.type = "AWS::ApiGateway::Deployment", .api = "RestApiId", .rate = "StageDescription/ThrottlingRateLimit"},
    {.type = "AWS::ApiGateway::Deployment", .api = "RestApiId", .settings = "StageDescription/MethodSettings",
     .rate = "ThrottlingRateLimit", .scope = "ResourcePath"},
    {.type = "aws_apigatewayv2_stage", .api = "api_id", .rate = "default_route_settings/throttling_rate_limit"},
    {.type = "aws_apigatewayv2_stage", .api = "api_id", .settings = "route_settings", .rate = "throttling_rate_limit",
     .scope = "route_key"},
    {.type = "AWS::ApiGatewayV2::Stage", .api = "ApiId", .rate = "DefaultRouteSettings/ThrottlingRateLimit"},
    {.type = "AWS::Serverless::Api", .api = "", .settings = "MethodSettings", .rate = "ThrottlingRateLimit",
     .scope = "ResourcePath"},
    {.type = "AWS::Serverless::HttpApi", .api = "", .rate = "DefaultRouteSettings/ThrottlingRateLimit"},
    {.type = "aws_api_gateway_usage_plan", .api = "api_stages/api_id", .rate = "throttle_settings/rate_limit",
     .key_only = true},
    {.type = "AWS::ApiGateway::UsagePlan", .api = "ApiStages/ApiId", .rate = "Throttle/RateLimit", .key_only = true},
};
constexpr std::string_view kWholeApiScopes[] = {"*/*", "/*", "*", "$default"};

// Integrations that name a function: when no route of the code reaches them, the function
// still sits behind an API whose routes are declared elsewhere.
struct IntegrationRow {
  std::string_view type, uri;
};
constexpr IntegrationRow kIntegrations[] = {
    {.type = "aws_apigatewayv2_integration", .uri = "integration_uri"},
    {.type = "aws_api_gateway_integration", .uri = "uri"},
    {.type = "AWS::ApiGatewayV2::Integration", .uri = "IntegrationUri"},
    {.type = "AWS::ApiGateway::Method", .uri = "Integration/Uri"},
};

const NativeResource* api_of(const Model& model, const ApiRoute& route) {
  if (route.api) return route.api;
  for (const auto& row : kRouteApis) {
    if (row.type != route.resource->type) continue;
    if (row.api.empty()) return route.resource;
    for (const NativeResource* r : model.referenced(at_path(route.resource->body, row.api))) return r;
  }
  return nullptr;
}

bool is_true(const Value* v) {
  return v && ((v->kind == Kind::Bool && v->boolean) || (v->is_string() && v->text == "true"));
}

// A known rate limit (Terraform writes -1 for "not throttled").
bool scope_covers(const Value* scope, const ApiRoute& route) {
  if (!scope) return true;
  std::string_view text = string_of(scope);
  for (auto whole : kWholeApiScopes)
    if (text == whole) return true;
  return !text.empty() && text == string_of(route.method);  // an HTTP API route key
}

const Value* throttle_for(const Model& model, const NativeResource& api, const ApiRoute& route, bool with_key) {
  const Value* found = nullptr;
  for (const auto& r : model.unit->resources) {
    for (const auto& row : kThrottles) {
      if (row.type != r.type || (row.key_only && !with_key)) continue;
      bool same_api = row.api.empty() ? &r == &api : false;
      if (!row.api.empty())
        each_at_path(r.body, row.api, [&](const Value& v) {
          for (const NativeResource* target : model.referenced(&v)) same_api = same_api || target == &api;
        });
      if (!same_api) continue;
      auto read = [&](const Value& element) {
        if (!row.scope.empty() && !scope_covers(at_path(element, row.scope), route)) return;
        each_at_path(element, row.rate, [&](const Value& v) {
          if (!found && v.kind == Kind::Number && v.number >= 0) found = &v;
        });
      };
      if (row.settings.empty()) read(r.body);
      else each_at_path(r.body, row.settings, read);
    }
  }
  return found;
}

std::string route_source(const ApiRoute& route) {
  std::string out = route.event.empty() ? route.resource->address : "event " + route.event + " of " + route.resource->address;
  if (is_known_string(route.method)) out += " (" + route.method->text + ")";
  return out;
}

}  // namespace

void lower_api_inbound(Model& model) {
  for (const ApiRoute& route : model.api_routes) {
    Function* fn = const_cast<Function*>(route.function);
    if (!fn) continue;
    Inbound in;
    in.kind = route.websocket ? InboundKind::WebSocketRoute : InboundKind::ApiRoute;
    in.resource = route.resource;
    in.range = route.range;
    in.service = "execute-api";
    in.source = route_source(route);
    in.authorization = route.authorization;
    std::string_view auth = string_of(route.authorization);
    bool with_key = is_true(route.api_key_required);
    std::vector<std::string> limits;
    if (route.authorization_unknown) {
      limits.push_back("its authorization is decided outside this code");
    } else if (route.authorization && !auth.empty() && auth != "NONE") {
      in.authenticated = true;
      limits.push_back("authorization " + std::string(auth));
    } else if (route.authorization && route.authorization->is_unknown()) {
      limits.push_back("its authorization is not known from the code");
    } else if (route.authorization && auth.empty()) {
      in.authenticated = true;  // an OpenAPI operation's `security` (or what else requires it)
      limits.push_back("its OpenAPI security");
    }
    if (with_key) {
      in.authenticated = true;
      limits.push_back("an API key");
    }
    if (route.private_endpoint) limits.push_back("a private endpoint");
    if (route.vpc_only_condition) limits.push_back("a resource policy that admits only one VPC or VPC endpoint");
    if (route.mutual_tls_domain) limits.push_back("mutual TLS on its custom domain, with the default endpoint disabled");
    if (const NativeResource* api = api_of(model, route)) in.throttle = throttle_for(model, *api, route, with_key);
    if (in.throttle) limits.push_back("a rate limit of " + in.throttle->display() + " requests per second");
    if (limits.empty()) {
      in.burst = Burst::PublicOpen;
      in.why = "no authorization and no throttling";
    } else {
      in.burst = Burst::PublicLimited;
      in.why = join_names(limits);
    }
    fn->inbound.push_back(std::move(in));
  }
  for (const auto& r : model.unit->resources) {
    for (const auto& row : kIntegrations) {
      if (row.type != r.type) continue;
      Function* fn = mutable_function(model, at_path(r.body, row.uri));
      if (!fn) continue;
      bool routed = false;
      for (const Inbound& in : fn->inbound) routed = routed || in.service == "execute-api";
      if (routed) continue;
      Inbound in;
      in.kind = InboundKind::ApiRoute;
      in.resource = &r;
      in.range = r.declaration;
      in.service = "execute-api";
      in.source = r.address;
      in.burst = Burst::PublicLimited;
      in.why = "its route and authorization are not in this code";
      fn->inbound.push_back(std::move(in));
    }
  }
}

}  // namespace eph
