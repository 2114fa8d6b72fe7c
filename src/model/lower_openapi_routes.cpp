// Operations of OpenAPI documents written inline on an API (SAM `DefinitionBody`,
// CloudFormation `Body`, Terraform `body` as a map, a JSON string, jsonencode(), file()):
// each operation whose `x-amazon-apigateway-integration` reaches a function is a route, with
// the `security` in force (its own, or the document's default).
#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

#include "model/api_route_lowering.h"
#include "model/value_paths.h"

namespace eph {
namespace {

struct OpenApiRow {
  std::string_view api_type;
  std::string_view body;
  bool sam_defaults;  // SAM applies the API's Auth.DefaultAuthorizer / ApiKeyRequired to every operation
};
constexpr OpenApiRow kOpenApiBodies[] = {
    {.api_type = "AWS::Serverless::Api", .body = "DefinitionBody", .sam_defaults = true},
    {.api_type = "AWS::Serverless::HttpApi", .body = "DefinitionBody", .sam_defaults = true},
    {.api_type = "AWS::ApiGateway::RestApi", .body = "Body", .sam_defaults = false},
    {.api_type = "AWS::ApiGatewayV2::Api", .body = "Body", .sam_defaults = false},
    {.api_type = "aws_api_gateway_rest_api", .body = "body", .sam_defaults = false},
    {.api_type = "aws_apigatewayv2_api", .body = "body", .sam_defaults = false},
};
constexpr std::string_view kSamDefaultAuthorizer = "Auth/DefaultAuthorizer";
constexpr std::string_view kSamApiKeyRequired = "Auth/ApiKeyRequired";

// OpenAPI 2 and 3 operation keys, and API Gateway's catch-all method.
constexpr std::string_view kOperations[] = {"get", "put", "post", "delete", "patch", "head", "options", "trace"};
constexpr std::string_view kAnyMethod = "x-amazon-apigateway-any-method";
constexpr std::string_view kIntegration = "x-amazon-apigateway-integration";
constexpr std::string_view kIntegrationUri = "uri";
constexpr std::string_view kSecurity = "security";
// API Gateway's own authorization of an operation (`type: AWS_IAM` / `NONE`, HTTP APIs).
constexpr std::string_view kGatewayAuth = "x-amazon-apigateway-auth";
constexpr std::string_view kGatewayAuthType = "type";
// An API that takes its API keys from a header or an authorizer requires them.
constexpr std::string_view kApiKeySource = "x-amazon-apigateway-api-key-source";

std::string upper(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The HTTP method an operation key stands for ("GET", "ANY"), or empty for other keys
// (`parameters`, `summary`, extensions).
std::string http_method(std::string_view key) {
  std::string k = lower(key);
  if (k == kAnyMethod) return "ANY";
  for (std::string_view op : kOperations)
    if (k == op) return upper(k);
  return {};
}

const Value* document_of(const Value* body) {
  if (!body) return nullptr;
  if (body->is_map()) return body;
  if (body->decoded && body->decoded->is_map()) return body->decoded.get();
  return nullptr;
}

enum class Security { Required, None, Unknown };

// A `security` list: every alternative must ask for something. `[]` and a `{}` alternative
// let anonymous callers in.
Security security_of(const Value& security) {
  if (security.is_unknown()) return Security::Unknown;
  if (!security.is_list()) return security.is_map() && !security.fields.empty() ? Security::Required : Security::None;
  if (security.items.empty()) return Security::None;
  for (const Value& requirement : security.items) {
    if (requirement.contains_unknown()) return Security::Unknown;
    if (!requirement.is_map() || requirement.fields.empty()) return Security::None;
  }
  return Security::Required;
}

// Whether SAM secures every operation of the API by default.
std::optional<bool> sam_default(const NativeResource& api) {
  const Value* authorizer = at_path(api.body, kSamDefaultAuthorizer);
  if (authorizer && !authorizer->is_string()) return std::nullopt;
  if (authorizer && upper(authorizer->text) != "NONE") return true;
  const Value* key = at_path(api.body, kSamApiKeyRequired);
  if (key && key->is_unknown()) return std::nullopt;
  return key && key->kind == Kind::Bool && key->boolean;
}

void lower_document(const NativeResource& api, const OpenApiRow& row, const Value& doc, Model& model) {
  const Value* paths = doc.get("paths");
  if (!paths || !paths->is_map()) return;
  const Value* default_security = doc.get(kSecurity);
  const Value* key_source = doc.get(kApiKeySource);
  std::optional<bool> sam_secured = row.sam_defaults ? sam_default(api) : std::optional<bool>(false);
  for (const auto& path : paths->fields) {
    if (!path.value.is_map()) continue;
    for (const auto& op : path.value.fields) {
      std::string method = http_method(op.key);
      if (method.empty() || !op.value.is_map()) continue;
      const Value* integration = op.value.get(kIntegration);
      if (!integration || !integration->is_map()) continue;
      const Function* fn = model.function_for(integration->get(kIntegrationUri));
      if (!fn) continue;
      ApiRoute route;
      route.resource = &api;
      route.function = fn;
      route.label = "OpenAPI operation";
      route.method = &model.synthesized.emplace_back(Value::string_of(method + " " + path.key, op.key_range));
      route.range = op.key_range.valid() ? op.key_range : api.declaration;
      route.api = &api;
      route.api_default_authorizer = row.sam_defaults;
      const Value* security = op.value.get(kSecurity);
      if (!security) security = default_security;
      Security secured = security ? security_of(*security) : Security::None;
      const Value* decided_by = security;
      if (const Value* gateway = at_path(op.value.get(kGatewayAuth), kGatewayAuthType)) {
        if (!gateway->is_string()) {
          secured = Security::Unknown;
        } else if (upper(gateway->text) != "NONE") {
          secured = Security::Required;
          decided_by = gateway;
        }
      }
      if (secured == Security::None && key_source) {
        secured = key_source->is_unknown() ? Security::Unknown : Security::Required;
        decided_by = key_source;
      }
      if (secured == Security::None && (!sam_secured || *sam_secured)) {
        secured = sam_secured ? Security::Required : Security::Unknown;
        decided_by = &doc;
      }
      if (secured == Security::Unknown) route.authorization_unknown = true;
      if (secured == Security::Required) route.authorization = decided_by;
      // An operation that says it wants no security: point there (when that is known as
      // precisely as the operation itself: rendered documents position some parts only).
      const Value* own = op.value.get(kSecurity);
      bool placed = own && own->where.file == route.range.file && own->where.begin > route.range.begin;
      if (secured == Security::None && placed) route.range = own->where;
      model.api_routes.push_back(route);
    }
  }
}

}  // namespace

void lower_openapi_operations(const LoadedUnit& unit, Model& model) {
  for (const auto& r : unit.resources) {
    for (const auto& row : kOpenApiBodies) {
      if (row.api_type != r.type) continue;
      if (const Value* doc = document_of(r.body.get(row.body))) lower_document(r, row, *doc, model);
    }
  }
}

}  // namespace eph
