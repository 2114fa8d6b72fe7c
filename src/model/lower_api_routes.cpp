// API Gateway methods and routes that reach a function, with the authorization in force:
// REST API methods (with their integration), HTTP/WebSocket API routes (through their
// target integration), quick-create HTTP APIs, and SAM Api/HttpApi events (with the
// authorizer of the event, or the default of the API they attach to, explicit or implicit).
#include "model/lowering.h"
#include "model/value_paths.h"

namespace eph {
namespace {

// REST API methods. `integration_uri` is set when the integration is written inside the
// method; otherwise it is a separate resource matched through kRestIntegrations.
struct MethodRow {
  std::string_view type, http_method, authorization, api_key_required, resource_id, integration_uri, rest_api;
};
constexpr MethodRow kMethods[] = {
    {"aws_api_gateway_method", "http_method", "authorization", "api_key_required", "resource_id", "", "rest_api_id"},
    {"AWS::ApiGateway::Method", "HttpMethod", "AuthorizationType", "ApiKeyRequired", "ResourceId", "Integration/Uri",
     "RestApiId"},
};
// Where a REST API says its endpoint type (EDGE, REGIONAL or PRIVATE).
struct EndpointTypeRow {
  std::string_view api_type, endpoint_types;
};
constexpr EndpointTypeRow kEndpointTypes[] = {
    {"aws_api_gateway_rest_api", "endpoint_configuration/types"},
    {"AWS::ApiGateway::RestApi", "EndpointConfiguration/Types"},
    {"AWS::Serverless::Api", "EndpointConfiguration"},       // a string...
    {"AWS::Serverless::Api", "EndpointConfiguration/Type"},  // ...or {Type: PRIVATE}
};
constexpr std::string_view kPrivate = "PRIVATE";
struct RestIntegrationRow {
  std::string_view type, http_method, resource_id, uri;
};
constexpr RestIntegrationRow kRestIntegrations[] = {
    {"aws_api_gateway_integration", "http_method", "resource_id", "uri"},
};

// HTTP and WebSocket API routes: `target` names an integration; quick-create APIs name the
// function directly (`function`) and get a default route without authorization.
struct RouteRow {
  std::string_view type, route_key, authorization, api_key_required, api, target, function;
};
constexpr RouteRow kRoutes[] = {
    {"aws_apigatewayv2_route", "route_key", "authorization_type", "api_key_required", "api_id", "target", ""},
    {"AWS::ApiGatewayV2::Route", "RouteKey", "AuthorizationType", "ApiKeyRequired", "ApiId", "Target", ""},
    {"aws_apigatewayv2_api", "route_key", "", "", "", "", "target"},
    {"AWS::ApiGatewayV2::Api", "RouteKey", "", "", "", "", "Target"},
};
struct RouteIntegrationRow {
  std::string_view type, uri;
};
constexpr RouteIntegrationRow kRouteIntegrations[] = {
    {"aws_apigatewayv2_integration", "integration_uri"},
    {"AWS::ApiGatewayV2::Integration", "IntegrationUri"},
};
// APIs and their protocol: on a WebSocket API only $connect can carry an authorizer.
struct ApiProtocolRow {
  std::string_view type, protocol;
};
constexpr ApiProtocolRow kApiProtocols[] = {
    {"aws_apigatewayv2_api", "protocol_type"},
    {"AWS::ApiGatewayV2::Api", "ProtocolType"},
};
constexpr std::string_view kWebSocket = "WEBSOCKET";
constexpr std::string_view kConnectRoute = "$connect";

// SAM events and the API resources they attach to.
struct SamEventRow {
  std::string_view event_type;      // Events.*.Type
  std::string_view label;
  std::string_view api_property;    // the property naming an explicit API
  std::string_view api_type;        // the serverless API resource type
  std::string_view implicit_api;    // the API SAM creates when none is named
  std::string_view api_key;         // where the event asks for an API key (empty: not supported)
};
constexpr std::string_view kSamFunction = "AWS::Serverless::Function";
constexpr SamEventRow kSamEvents[] = {
    {"Api", "SAM Api event", "RestApiId", "AWS::Serverless::Api", "ServerlessRestApi", "Auth/ApiKeyRequired"},
    {"HttpApi", "SAM HttpApi event", "ApiId", "AWS::Serverless::HttpApi", "ServerlessHttpApi", ""},
};
constexpr std::string_view kEventAuthorizer = "Auth/Authorizer";
constexpr std::string_view kEventMethod = "Method";
constexpr std::string_view kApiDefaultAuthorizer = "Auth/DefaultAuthorizer";
constexpr std::string_view kApiKeyRequired = "Auth/ApiKeyRequired";
// An API whose routes may be secured by its OpenAPI document instead.
constexpr std::string_view kApiDefinitions[] = {"DefinitionBody", "DefinitionUri"};

// A REST API whose endpoint type is known to be PRIVATE.
bool is_private_api(const NativeResource& api) {
  bool found = false;
  for (const auto& row : kEndpointTypes) {
    if (row.api_type != api.type) continue;
    each_at_path(api.body, row.endpoint_types, [&](const Value& v) {
      for (const Value* item : list_items(&v))  // a list of types, or one
        if (item->is_string() && item->text == kPrivate) found = true;
    });
  }
  return found;
}

bool on_private_api(const Model& model, const Value* api) {
  for (const NativeResource* r : model.referenced(api))
    if (is_private_api(*r)) return true;
  return false;
}

bool same_refs(const Value* a, const Value* b) {
  if (!a || !b || a->refs.empty() || a->refs.size() != b->refs.size()) return false;
  for (size_t i = 0; i < a->refs.size(); ++i)
    if (a->refs[i].address != b->refs[i].address || a->refs[i].attribute != b->refs[i].attribute) return false;
  return true;
}

bool refers_to(const Value* v, const NativeResource& r) {
  if (!v) return false;
  for (const auto& ref : v->refs)
    if (ref.address == r.address) return true;
  return false;
}

// Whether a separate REST integration belongs to `method`.
bool integrates(const Value& integration, const RestIntegrationRow& irow, const NativeResource& method,
                const MethodRow& mrow) {
  const Value* http = at_path(integration, irow.http_method);
  const Value* resource = at_path(integration, irow.resource_id);
  if (refers_to(http, method) || refers_to(resource, method)) return true;
  std::string_view a = string_of(http), b = string_of(at_path(method.body, mrow.http_method));
  return !a.empty() && a == b && same_refs(resource, at_path(method.body, mrow.resource_id));
}

void lower_rest_methods(const LoadedUnit& unit, Model& model) {
  for (const auto& r : unit.resources) {
    for (const auto& mrow : kMethods) {
      if (mrow.type != r.type) continue;
      ApiRoute route;
      route.resource = &r;
      route.label = "REST API method";
      route.method = at_path(r.body, mrow.http_method);
      route.authorization = at_path(r.body, mrow.authorization);
      route.api_key_required = at_path(r.body, mrow.api_key_required);
      route.range = r.declaration;
      route.private_endpoint = on_private_api(model, at_path(r.body, mrow.rest_api));
      if (!mrow.integration_uri.empty()) {
        if (const Function* fn = model.function_for(at_path(r.body, mrow.integration_uri))) {
          route.function = fn;
          model.api_routes.push_back(route);
        }
        continue;
      }
      for (const auto& other : unit.resources) {
        for (const auto& irow : kRestIntegrations) {
          if (irow.type != other.type || !integrates(other.body, irow, r, mrow)) continue;
          if (const Function* fn = model.function_for(at_path(other.body, irow.uri))) {
            route.function = fn;
            model.api_routes.push_back(route);
          }
        }
      }
    }
  }
}

const Function* function_of_target(const Model& model, const Value* target) {
  for (const NativeResource* integration : model.referenced(target)) {
    for (const auto& row : kRouteIntegrations)
      if (row.type == integration->type)
        if (const Function* fn = model.function_for(at_path(integration->body, row.uri))) return fn;
  }
  return nullptr;
}

bool on_websocket_api(const Model& model, const Value* api) {
  for (const NativeResource* r : model.referenced(api))
    for (const auto& row : kApiProtocols)
      if (row.type == r->type && string_of(at_path(r->body, row.protocol)) == kWebSocket) return true;
  return false;
}

void lower_routes(const LoadedUnit& unit, Model& model) {
  for (const auto& r : unit.resources) {
    for (const auto& row : kRoutes) {
      if (row.type != r.type) continue;
      const Function* fn = row.function.empty() ? function_of_target(model, at_path(r.body, row.target))
                                                : model.function_for(at_path(r.body, row.function));
      if (!fn) continue;
      ApiRoute route;
      route.resource = &r;
      route.function = fn;
      route.method = at_path(r.body, row.route_key);
      if (!row.api.empty() && on_websocket_api(model, at_path(r.body, row.api))) {
        // Only the $connect route of a WebSocket API can be authorized; the others ride on it.
        if (string_of(route.method) != kConnectRoute) continue;
        route.label = "WebSocket route";
      } else {
        route.label = row.function.empty() ? "HTTP API route" : "HTTP API (quick create) default route";
      }
      if (!row.authorization.empty()) route.authorization = at_path(r.body, row.authorization);
      if (!row.api_key_required.empty()) route.api_key_required = at_path(r.body, row.api_key_required);
      route.range = r.declaration;
      model.api_routes.push_back(route);
    }
  }
}

// The serverless API an event attaches to: the one it names, or the implicit one.
// `unknown` is set when the event names an API this unit does not declare.
const NativeResource* api_of_event(const Model& model, const Value& props, const SamEventRow& row, bool& unknown) {
  if (const Value* named = props.get(row.api_property)) {
    for (const NativeResource* r : model.referenced(named))
      if (r->type == row.api_type) return r;
    if (const NativeResource* r = model.resource(string_of(named)); r && r->type == row.api_type) return r;
    unknown = true;
    return nullptr;
  }
  const NativeResource* implicit = model.resource(row.implicit_api);
  return implicit && implicit->type == row.api_type ? implicit : nullptr;
}

void lower_sam_events(Model& model) {
  for (const auto& fn : model.functions) {
    if (fn.resource->type != kSamFunction) continue;
    const Value* events = fn.resource->body.get("Events");
    if (!events || !events->is_map()) continue;
    for (const auto& event : events->fields) {
      std::string_view type = string_of(event.value.get("Type"));
      for (const auto& row : kSamEvents) {
        if (row.event_type != type) continue;
        static const Value kNoProperties = Value::map();
        const Value* props = event.value.get("Properties");
        if (!props || !props->is_map()) props = &kNoProperties;
        ApiRoute route;
        route.resource = fn.resource;
        route.function = &fn;
        route.label = row.label;
        route.event = event.key;
        route.range = event.key_range.valid() ? event.key_range : event.value.where;
        route.method = props->get(kEventMethod);
        if (!row.api_key.empty()) route.api_key_required = at_path(props, row.api_key);
        route.authorization = at_path(props, kEventAuthorizer);
        bool api_unknown = false;
        const NativeResource* api = api_of_event(model, *props, row, api_unknown);
        if (api) {
          route.api = api;
          route.private_endpoint = is_private_api(*api);
          if (!route.authorization) {
            route.authorization = at_path(api->body, kApiDefaultAuthorizer);
            if (!route.authorization)
              for (std::string_view definition : kApiDefinitions)
                if (api->body.get(definition)) route.authorization_unknown = true;
          }
          if (!route.api_key_required && !row.api_key.empty()) route.api_key_required = at_path(api->body, kApiKeyRequired);
        } else if (api_unknown && !route.authorization) {
          route.authorization_unknown = true;
        }
        model.api_routes.push_back(route);
      }
    }
  }
}

}  // namespace

void lower_api_routes(const LoadedUnit& unit, Model& model) {
  lower_rest_methods(unit, model);
  lower_routes(unit, model);
  lower_sam_events(model);
}

}  // namespace eph
