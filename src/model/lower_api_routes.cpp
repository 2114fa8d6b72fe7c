// API Gateway methods and routes that reach a function, with the authorization in force:
// REST API methods (with their integration), HTTP and WebSocket API routes (through their
// target integration), quick-create HTTP APIs, SAM Api/HttpApi events (with the authorizer
// of the event, or the default of the API they attach to, explicit or implicit) and SAM
// WebSocketApi routes. Operations of inline OpenAPI documents and what limits the callers
// of every route are read by the steps in api_route_lowering.h.
#include <algorithm>
#include <cctype>

#include "model/api_route_lowering.h"
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
constexpr std::string_view kDefaultRoute = "$default";

// SAM WebSocket APIs.
constexpr std::string_view kSamWebSocketApi = "AWS::Serverless::WebSocketApi";
constexpr std::string_view kSamWebSocketRoutes = "Routes";
constexpr std::string_view kSamWebSocketFunction = "FunctionArn";
constexpr std::string_view kSamWebSocketAuthType = "Auth/AuthType";

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
constexpr std::string_view kInlineDefinition = "DefinitionBody";
constexpr std::string_view kDefaultSecurity = "security";
constexpr std::string_view kApiKeySource = "x-amazon-apigateway-api-key-source";
constexpr std::string_view kAnyMethodKey = "x-amazon-apigateway-any-method";
constexpr std::string_view kEventPath = "Path";

// The API a method or route belongs to, when the unit declares it.
const NativeResource* api_of(const Model& model, const Value* api) {
  std::vector<const NativeResource*> apis = model.referenced(api);
  return apis.empty() ? nullptr : apis.front();
}

bool same_refs(const Value* a, const Value* b) {
  if (!a || !b || a->refs.empty() || a->refs.size() != b->refs.size()) return false;
  for (size_t i = 0; i < a->refs.size(); ++i)
    if (a->refs[i].address != b->refs[i].address || a->refs[i].attribute != b->refs[i].attribute) return false;
  return true;
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
      route.api = api_of(model, at_path(r.body, mrow.rest_api));
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

// An API's protocol: "WEBSOCKET", "HTTP", or empty when the API or its protocol is unknown.
std::string_view protocol_of(const NativeResource* api) {
  if (!api) return {};
  for (const auto& row : kApiProtocols)
    if (row.type == api->type) return string_of(at_path(api->body, row.protocol));
  return {};
}

// A route key only a WebSocket API has: "$connect", "$disconnect" or a message route
// ("sendmessage"). HTTP route keys are "$default" or "METHOD /path".
bool websocket_route_key(std::string_view key) {
  return !key.empty() && key != kDefaultRoute && key.find(' ') == std::string_view::npos;
}

// The $connect route of the API `api` (declared in the unit), or of the one `api_value`
// designates, among the routes of the unit. `unknown` is set when a route of that API has a
// key that cannot be known (it may be $connect).
const NativeResource* connect_route_of(const LoadedUnit& unit, const Model& model, const NativeResource* api,
                                       const Value* api_value, bool& unknown) {
  for (const auto& r : unit.resources) {
    for (const auto& row : kRoutes) {
      if (row.type != r.type || row.api.empty()) continue;
      const Value* its_api = at_path(r.body, row.api);
      if (!(api ? api_of(model, its_api) == api : same_refs(its_api, api_value))) continue;
      const Value* key = at_path(r.body, row.route_key);
      if (!is_known_string(key)) unknown = true;
      if (string_of(key) == kConnectRoute) return &r;
    }
  }
  return nullptr;
}

// A WebSocket route carries the authorization of its API's connection: that of the $connect
// route (itself, or the one declared next to it), none when the API has no $connect route,
// unknown when the API is outside the unit.
void authorize_connection(const LoadedUnit& unit, const Model& model, const RouteRow& row, const NativeResource& r,
                          ApiRoute& route) {
  route.websocket = true;
  route.label = "WebSocket route";
  const Value* api_value = at_path(r.body, row.api);
  bool unknown = false;
  const NativeResource* connect =
      string_of(route.method) == kConnectRoute ? &r : connect_route_of(unit, model, route.api, api_value, unknown);
  if (!connect && unknown) {
    route.authorization_unknown = true;
  } else if (connect) {
    route.authorization = at_path(connect->body, row.authorization);
    route.api_key_required = at_path(connect->body, row.api_key_required);
    route.connection = connect;
    route.connection_range = connect->declaration;
  } else if (route.api) {
    route.connection = route.api;
    route.connection_range = route.api->declaration;
  } else {
    route.authorization_unknown = true;
  }
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
      route.range = r.declaration;
      route.api = row.api.empty() ? &r : api_of(model, at_path(r.body, row.api));
      std::string_view protocol = protocol_of(route.api);
      if (protocol == kWebSocket || (protocol.empty() && websocket_route_key(string_of(route.method)))) {
        authorize_connection(unit, model, row, r, route);
      } else {
        route.label = row.function.empty() ? "HTTP API route" : "HTTP API (quick create) default route";
        if (!row.authorization.empty()) route.authorization = at_path(r.body, row.authorization);
        if (!row.api_key_required.empty()) route.api_key_required = at_path(r.body, row.api_key_required);
      }
      model.api_routes.push_back(route);
    }
  }
}

// SAM WebSocket APIs: `Routes` maps each route key to its function; `Auth` applies to the
// connection ($connect).
void lower_sam_websocket_routes(const LoadedUnit& unit, Model& model) {
  for (const auto& r : unit.resources) {
    if (r.type != kSamWebSocketApi) continue;
    const Value* routes = r.body.get(kSamWebSocketRoutes);
    if (!routes || !routes->is_map()) continue;
    const Value* auth = at_path(r.body, kSamWebSocketAuthType);
    const Value* connect_key = nullptr;
    if (const Value* connect = routes->get(kConnectRoute)) connect_key = connect->get("ApiKeyRequired");
    for (const auto& entry : routes->fields) {
      const Function* fn = model.function_for(entry.value.get(kSamWebSocketFunction));
      if (!fn) continue;
      ApiRoute route;
      route.resource = &r;
      route.function = fn;
      route.label = "WebSocket route";
      route.method = &model.synthesized.emplace_back(Value::string_of(entry.key, entry.key_range));
      route.range = entry.key_range.valid() ? entry.key_range : r.declaration;
      route.api = &r;
      route.websocket = true;
      route.authorization = auth;
      route.api_key_required = connect_key;
      route.connection = &r;
      route.connection_range = r.declaration;
      model.api_routes.push_back(route);
    }
  }
}

// Whether SAM adds the event's operation, as the event declares it, to an API without an
// OpenAPI document, or to an inline document that neither has that operation (which is
// judged as an OpenAPI operation) nor secures every operation by default. Otherwise the
// document decides what the event's route requires.
bool added_to_open_definition(const NativeResource& api, const Value& props) {
  bool has_definition = false;
  for (std::string_view definition : kApiDefinitions) has_definition = has_definition || api.body.get(definition);
  if (!has_definition) return true;
  const Value* body = api.body.get(kInlineDefinition);
  if (!body || !body->is_map()) return false;  // DefinitionUri, AWS::Include: not read
  if (body->get(kDefaultSecurity) || body->get(kApiKeySource)) return false;
  const Value* paths = body->get("paths");
  std::string_view path = string_of(props.get(kEventPath)), method = string_of(props.get(kEventMethod));
  if (!paths || !paths->is_map() || path.empty() || method.empty()) return false;
  const Value* operations = paths->get(path);
  if (!operations) return true;
  if (!operations->is_map()) return false;
  for (const auto& op : operations->fields) {
    std::string key = op.key, wanted(method);
    for (auto* s : {&key, &wanted})
      std::transform(s->begin(), s->end(), s->begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (key == wanted || key == kAnyMethodKey || wanted == "any") return false;
  }
  return true;
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
          route.api_default_authorizer = true;
          if (!route.authorization) {
            route.authorization = at_path(api->body, kApiDefaultAuthorizer);
            if (!route.authorization && !added_to_open_definition(*api, *props)) route.authorization_unknown = true;
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

bool refers_to(const Value* v, const NativeResource& r) {
  if (!v) return false;
  for (const auto& ref : v->refs)
    if (ref.address == r.address) return true;
  return false;
}

void lower_api_routes(const LoadedUnit& unit, Model& model) {
  lower_rest_methods(unit, model);
  lower_routes(unit, model);
  lower_sam_websocket_routes(unit, model);
  lower_sam_events(model);
  lower_openapi_operations(unit, model);
  limit_api_callers(unit, model);
}

}  // namespace eph
