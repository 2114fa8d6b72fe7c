// What limits who can call an API when its routes authorize no one: a PRIVATE endpoint
// (only through VPC interface endpoints), a resource policy that admits calls only from a
// VPC or VPC endpoint, or custom domains that all require mutual TLS while the default
// execute-api endpoint is disabled.
#include <algorithm>
#include <cctype>

#include "core/partly_known.h"
#include "model/api_route_lowering.h"
#include "model/value_paths.h"

namespace eph {
namespace {

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

// Resource policies written apart from the API they protect: where they name it.
struct ApiPolicyRow {
  std::string_view type, api;
};
constexpr ApiPolicyRow kApiPolicies[] = {
    {"aws_api_gateway_rest_api_policy", "rest_api_id"},
};
// Condition keys that name the caller's network, and the operators that admit (or, negated,
// refuse) it. A "ForAnyValue:" / "ForAllValues:" qualifier and an "IfExists" suffix read alike.
constexpr std::string_view kVpcKeys[] = {"aws:sourcevpc", "aws:sourcevpce"};
constexpr std::string_view kAdmitOps[] = {"stringequals", "stringlike"};
constexpr std::string_view kRefuseOps[] = {"stringnotequals", "stringnotlike"};
constexpr std::string_view kInvokeActions[] = {"*", "execute-api:*", "execute-api:invoke"};

// Custom domains, their mutual TLS setting and name; mappings of APIs to them; SAM APIs
// that declare their domain inline; where an API disables its default endpoint.
struct DomainRow {
  std::string_view type, mutual_tls, name;
};
constexpr DomainRow kDomains[] = {
    {"aws_api_gateway_domain_name", "mutual_tls_authentication", "domain_name"},
    {"aws_apigatewayv2_domain_name", "mutual_tls_authentication", "domain_name"},
    {"AWS::ApiGateway::DomainName", "MutualTlsAuthentication", "DomainName"},
    {"AWS::ApiGatewayV2::DomainName", "MutualTlsAuthentication", "DomainName"},
};
struct DomainMappingRow {
  std::string_view type, api, domain;
};
constexpr DomainMappingRow kDomainMappings[] = {
    {"aws_api_gateway_base_path_mapping", "api_id", "domain_name"},
    {"aws_apigatewayv2_api_mapping", "api_id", "domain_name"},
    {"AWS::ApiGateway::BasePathMapping", "RestApiId", "DomainName"},
    {"AWS::ApiGateway::BasePathMappingV2", "RestApiId", "DomainNameArn"},
    {"AWS::ApiGatewayV2::ApiMapping", "ApiId", "DomainName"},
};
constexpr std::pair<std::string_view, std::string_view> kInlineDomains[] = {
    {"AWS::Serverless::Api", "Domain/MutualTlsAuthentication"},
    {"AWS::Serverless::HttpApi", "Domain/MutualTlsAuthentication"},
};
constexpr std::pair<std::string_view, std::string_view> kDefaultEndpointSwitches[] = {
    {"aws_api_gateway_rest_api", "disable_execute_api_endpoint"},
    {"aws_apigatewayv2_api", "disable_execute_api_endpoint"},
    {"AWS::ApiGateway::RestApi", "DisableExecuteApiEndpoint"},
    {"AWS::ApiGatewayV2::Api", "DisableExecuteApiEndpoint"},
    {"AWS::Serverless::Api", "DisableExecuteApiEndpoint"},
    {"AWS::Serverless::HttpApi", "DisableExecuteApiEndpoint"},
    {"AWS::Serverless::WebSocketApi", "DisableExecuteApiEndpoint"},
};

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

template <size_t N>
bool one_of(std::string_view s, const std::string_view (&set)[N]) {
  return std::find(std::begin(set), std::end(set), s) != std::end(set);
}

bool is_true(const Value* v) {
  if (!v) return false;
  if (v->kind == Kind::Bool) return v->boolean;
  return v->is_string() && lower(v->text) == "true";
}

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

// "StringNotEqualsIfExists" -> "stringnotequals"; "ForAnyValue:StringEquals" -> "stringequals".
std::string base_operator(std::string_view op) {
  std::string out = lower(op);
  if (size_t colon = out.find(':'); colon != std::string::npos) out.erase(0, colon + 1);
  constexpr std::string_view kIfExists = "ifexists";
  if (out.size() > kIfExists.size() && out.ends_with(kIfExists))
    out.resize(out.size() - kIfExists.size());
  return out;
}

// The condition of `st` on the caller's VPC or VPC endpoint with an operator of `ops`.
template <size_t N>
const PolicyCondition* vpc_condition(const PolicyStatement& st, const std::string_view (&ops)[N]) {
  if (st.conditions_unknown) return nullptr;
  for (const auto& c : st.conditions)
    if (one_of(c.key_lower, kVpcKeys) && one_of(base_operator(c.op), ops)) return &c;
  return nullptr;
}

bool covers_invoke(const PolicyStatement& st) {
  if (st.not_action) return false;
  for (const Value* a : st.actions)
    if (one_of(lower(string_of(a)), kInvokeActions)) return true;
  return false;
}

// A resource that covers every stage, method and path of the API: "*", "execute-api:/*",
// "arn:aws:execute-api:${Region}:${Account}:*/*/*/*", "${execution_arn}/*".
bool covers_every_method(const Value* resource) {
  std::string text = resource->is_string() ? resource->text : std::string(known_pattern(*resource));
  if (text == "*") return true;
  std::string_view rest = text;
  if (size_t at = rest.find("execute-api:"); at != std::string_view::npos) rest.remove_prefix(at + 12);
  else if (rest.substr(0, 2) != "${") return false;
  size_t slash = rest.find('/');
  if (slash == std::string_view::npos) return !rest.empty() && rest.back() == '*';
  for (std::string_view path = rest.substr(slash + 1); !path.empty();) {
    size_t next = path.find('/');
    std::string_view segment = path.substr(0, next);
    if (!segment.empty() && segment != "*") return false;
    path = next == std::string_view::npos ? std::string_view{} : path.substr(next + 1);
  }
  return true;
}

bool for_everyone(const PolicyStatement& st) {
  if (st.principals.empty()) return !st.principal_unknown;  // no Principal: everyone the policy applies to
  for (const auto& p : st.principals)
    if (string_of(p.id) == "*") return true;
  return false;
}

bool refuses_everyone_outside(const PolicyStatement& st) {
  if (!st.effect || string_of(st.effect) != "Deny" || st.not_principal || st.not_resource || !covers_invoke(st) ||
      !for_everyone(st))
    return false;
  return std::any_of(st.resources.begin(), st.resources.end(), covers_every_method);
}

// The condition through which a resource policy admits only one network: a Deny of every
// call from elsewhere, or Allows that all require it (what no statement allows is refused).
const PolicyCondition* vpc_only(const Policy& p) {
  for (const auto& st : p.statements)
    if (refuses_everyone_outside(st))
      if (const PolicyCondition* c = vpc_condition(st, kRefuseOps)) return c;
  const PolicyCondition* first = nullptr;
  for (const auto& st : p.statements) {
    if (!st.effect || !st.effect->is_string()) return nullptr;
    if (!st.allows()) continue;
    const PolicyCondition* c = vpc_condition(st, kAdmitOps);
    if (!c) return nullptr;
    if (!first) first = c;
  }
  return first;
}

bool protects(const Policy& p, const NativeResource& api) {
  if (p.kind != PolicyKind::Resource) return false;
  if (p.owner == &api) return true;
  for (const auto& row : kApiPolicies)
    if (row.type == p.owner->type && refers_to(at_path(p.owner->body, row.api), api)) return true;
  return false;
}

bool requires_mutual_tls(const Value* setting) {
  return setting && !setting->is_null() && !(setting->is_list() && setting->items.empty()) && !setting->is_unknown();
}

// The custom domain a mapping names: by reference, or by its name.
const NativeResource* domain_of(const Model& model, const Value* designation, const DomainRow*& row) {
  for (const NativeResource* r : model.referenced(designation))
    for (const auto& d : kDomains)
      if (d.type == r->type) return row = &d, r;
  std::string_view name = string_of(designation);
  if (name.empty()) return nullptr;
  for (const auto& [address, r] : model.by_address)
    for (const auto& d : kDomains)
      if (d.type == r->type && string_of(at_path(r->body, d.name)) == name) return row = &d, r;
  return nullptr;
}

// The domain that stands for "callers need a client certificate": every custom domain of
// the API requires mutual TLS and the default endpoint is disabled. Null otherwise.
const NativeResource* mutual_tls_only(const LoadedUnit& unit, const Model& model, const NativeResource& api) {
  bool disabled = false;
  for (const auto& [type, path] : kDefaultEndpointSwitches)
    if (type == api.type) disabled = disabled || is_true(at_path(api.body, path));
  if (!disabled) return nullptr;
  const NativeResource* found = nullptr;
  for (const auto& [type, path] : kInlineDomains)
    if (type == api.type && requires_mutual_tls(at_path(api.body, path))) found = &api;
  for (const auto& r : unit.resources) {
    for (const auto& row : kDomainMappings) {
      if (row.type != r.type || !refers_to(at_path(r.body, row.api), api)) continue;
      const DomainRow* drow = nullptr;
      const NativeResource* domain = domain_of(model, at_path(r.body, row.domain), drow);
      if (!domain || !requires_mutual_tls(at_path(domain->body, drow->mutual_tls))) return nullptr;
      if (!found) found = domain;
    }
  }
  return found;
}

}  // namespace

void limit_api_callers(const LoadedUnit& unit, Model& model) {
  for (auto& route : model.api_routes) {
    if (!route.api) continue;
    const NativeResource& api = *route.api;
    route.private_endpoint = is_private_api(api);
    for (const auto& p : model.policies) {
      if (!protects(p, api)) continue;
      if (const PolicyCondition* c = vpc_only(p)) {
        route.vpc_only_policy = &p;
        route.vpc_only_condition = c;
        break;
      }
    }
    route.mutual_tls_domain = mutual_tls_only(unit, model, api);
  }
}

}  // namespace eph
