// Lowering of the network perimeter: CIDRs, security-group / network-ACL rules, WAF IP
// sets, API routes with their authorization, and SAM API resource policies.
#include <doctest/doctest.h>

#include "model/cidr.h"
#include "model/model.h"

using namespace eph;

namespace {

Value str(std::string s) { return Value::string_of(std::move(s)); }
Value num(double n) { return Value::number_of(n); }

Value ref(std::string address, std::string attribute = "") {
  Value v = Value::unknown();
  v.refs.push_back(Ref{std::move(address), std::move(attribute), {}});
  return v;
}

Value list(std::vector<Value> items) {
  Value l = Value::list();
  for (auto& i : items) l.items.push_back(std::move(i));
  return l;
}

Value map(std::vector<std::pair<std::string, Value>> fields) {
  Value m = Value::map();
  for (auto& [k, v] : fields) m.set(k, std::move(v));
  return m;
}

NativeResource resource(std::string type, std::string address, Value body) {
  NativeResource r;
  r.type = std::move(type);
  r.address = std::move(address);
  r.body = std::move(body);
  return r;
}

}  // namespace

TEST_CASE("CIDR parsing") {
  auto a = parse_cidr("203.0.113.0/24");
  REQUIRE(a);
  CHECK(!a->ipv6);
  CHECK(a->prefix == 24);
  CHECK(!a->private_range);
  CHECK(parse_cidr("0.0.0.0/0")->everyone());
  CHECK(parse_cidr("::/0")->everyone());
  CHECK(parse_cidr("1.2.3.4")->prefix == 32);
  CHECK(parse_cidr("2001:db8::/32")->ipv6);
  CHECK(parse_cidr("2001:db8::/32")->prefix == 32);
  CHECK(parse_cidr("10.0.0.0/8")->private_range);
  CHECK(parse_cidr("172.16.0.0/12")->private_range);
  CHECK(!parse_cidr("172.0.0.0/8")->private_range);  // wider than the private block
  CHECK(parse_cidr("fd00::/8")->private_range);
  CHECK(parse_cidr("::ffff:10.0.0.1")->prefix == 128);
  CHECK(!parse_cidr("10.0.0.0/33"));
  CHECK(!parse_cidr("256.0.0.0/8"));
  CHECK(!parse_cidr("1.2.3/24"));
  CHECK(!parse_cidr("sg-123"));
  CHECK(!parse_cidr("1::2::3"));
  CHECK(!parse_cidr(""));
}

TEST_CASE("IPv4 ranges are read as the block of the same size") {
  CHECK(parse_ipv4_range("0.0.0.0", "255.255.255.255")->everyone());
  CHECK(parse_ipv4_range("203.0.113.0", "203.0.113.255")->prefix == 24);
  CHECK(parse_ipv4_range("1.2.3.4", "1.2.3.4")->prefix == 32);
  CHECK(parse_ipv4_range("198.51.100.250", "198.51.101.5")->prefix == 28);  // 12 addresses across a /24 boundary
  CHECK(parse_ipv4_range("20.32.0.0", "20.47.255.255")->prefix == 12);
  CHECK(parse_ipv4_range("10.0.0.0", "10.255.255.255")->private_range);
  CHECK(!parse_ipv4_range("9.0.0.0", "10.0.0.5")->private_range);  // reaches outside the private block
  CHECK(!parse_ipv4_range("10.0.0.9", "10.0.0.1"));                 // backwards
  CHECK(!parse_ipv4_range("0.0.0.0", "::1"));
}

TEST_CASE("security-group and network-ACL rules are normalised one CIDR at a time") {
  LoadedUnit unit;
  unit.resources.push_back(resource(
      "aws_security_group", "aws_security_group.web",
      map({{"ingress", list({map({{"from_port", num(22)}, {"to_port", num(22)}, {"protocol", str("tcp")},
                                   {"cidr_blocks", list({str("0.0.0.0/0"), str("10.0.0.0/8")})},
                                   {"ipv6_cidr_blocks", list({str("::/0")})}})})},
           {"egress", list({map({{"from_port", num(0)}, {"to_port", num(0)}, {"protocol", str("-1")},
                                  {"cidr_blocks", list({str("0.0.0.0/0")})}})})}})));
  unit.resources.push_back(resource("aws_security_group_rule", "aws_security_group_rule.x",
                                    map({{"type", str("ingress")}, {"protocol", str("all")}, {"from_port", num(0)},
                                         {"to_port", num(0)}, {"cidr_blocks", list({str("1.0.0.0/8")})}})));
  unit.resources.push_back(resource("aws_security_group_rule", "aws_security_group_rule.unknown_type",
                                    map({{"type", Value::unknown()}, {"cidr_blocks", list({str("1.0.0.0/8")})}})));
  unit.resources.push_back(resource("AWS::EC2::NetworkAclEntry", "Entry",
                                    map({{"Egress", Value::boolean_of(false)}, {"RuleAction", str("allow")},
                                         {"Protocol", num(6)}, {"CidrBlock", str("52.0.0.0/8")},
                                         {"PortRange", map({{"From", str("1024")}, {"To", str("65535")}})}})));
  unit.resources.push_back(resource("aws_wafv2_ip_set", "aws_wafv2_ip_set.office",
                                    map({{"addresses", list({str("198.51.100.0/24"), str("3.0.0.0/8")})}})));
  unit.resources.push_back(resource("AWS::WAF::IPSet", "Classic",
                                    map({{"IPSetDescriptors", list({map({{"Type", str("IPV4")}, {"Value", str("4.0.0.0/8")}})})}})));

  Model model = build_model(unit);
  REQUIRE(model.cidr_rules.size() == 6);
  const CidrRule& ssh = model.cidr_rules[0];
  CHECK(ssh.direction == Direction::Ingress);
  CHECK(ssh.ip_protocol == IpProtocol::Tcp);
  CHECK(ssh.ports_known);
  CHECK(ssh.first_port == 22);
  CHECK(ssh.last_port == 22);
  CHECK(ssh.cidr->text == "0.0.0.0/0");
  CHECK(model.cidr_rules[2].cidr->text == "::/0");
  CHECK(model.cidr_rules[3].direction == Direction::Egress);
  CHECK(model.cidr_rules[3].ip_protocol == IpProtocol::All);
  CHECK(model.cidr_rules[4].ip_protocol == IpProtocol::All);
  const CidrRule& acl = model.cidr_rules[5];
  CHECK(acl.firewall == Firewall::NetworkAcl);
  CHECK(acl.allows());
  CHECK(acl.first_port == 1024);
  CHECK(acl.ports_known);
  REQUIRE(model.ip_set_entries.size() == 3);
  CHECK(model.ip_set_entries[2].cidr->text == "4.0.0.0/8");
}

TEST_CASE("REST methods reach functions through their integration; routes through their target") {
  LoadedUnit unit;
  unit.resources.push_back(resource("aws_lambda_function", "aws_lambda_function.api", map({{"function_name", str("api")}})));
  unit.resources.push_back(resource("aws_api_gateway_method", "aws_api_gateway_method.get",
                                    map({{"http_method", str("GET")}, {"authorization", str("NONE")},
                                         {"resource_id", ref("aws_api_gateway_resource.items", "id")}})));
  unit.resources.push_back(resource("aws_api_gateway_method", "aws_api_gateway_method.post",
                                    map({{"http_method", str("POST")}, {"authorization", str("AWS_IAM")},
                                         {"resource_id", ref("aws_api_gateway_resource.items", "id")}})));
  // Matched by resource and method text.
  unit.resources.push_back(resource("aws_api_gateway_integration", "aws_api_gateway_integration.get",
                                    map({{"http_method", str("GET")},
                                         {"resource_id", ref("aws_api_gateway_resource.items", "id")},
                                         {"uri", ref("aws_lambda_function.api", "invoke_arn")}})));
  // Matched by a reference to the method.
  unit.resources.push_back(resource("aws_api_gateway_integration", "aws_api_gateway_integration.post",
                                    map({{"http_method", ref("aws_api_gateway_method.post", "http_method")},
                                         {"resource_id", ref("aws_api_gateway_resource.items", "id")},
                                         {"uri", ref("aws_lambda_function.api", "invoke_arn")}})));
  unit.resources.push_back(resource("aws_apigatewayv2_api", "aws_apigatewayv2_api.ws", map({{"protocol_type", str("WEBSOCKET")}})));
  unit.resources.push_back(resource("aws_apigatewayv2_integration", "aws_apigatewayv2_integration.fn",
                                    map({{"integration_uri", ref("aws_lambda_function.api", "invoke_arn")}})));
  unit.resources.push_back(resource("aws_apigatewayv2_route", "aws_apigatewayv2_route.connect",
                                    map({{"api_id", ref("aws_apigatewayv2_api.ws", "id")}, {"route_key", str("$connect")},
                                         {"target", ref("aws_apigatewayv2_integration.fn", "id")}})));
  unit.resources.push_back(resource("aws_apigatewayv2_route", "aws_apigatewayv2_route.message",
                                    map({{"api_id", ref("aws_apigatewayv2_api.ws", "id")}, {"route_key", str("sendmessage")},
                                         {"target", ref("aws_apigatewayv2_integration.fn", "id")}})));

  Model model = build_model(unit);
  REQUIRE(model.api_routes.size() == 4);
  CHECK(model.api_routes[0].resource->address == "aws_api_gateway_method.get");
  CHECK(model.api_routes[0].authorization->text == "NONE");
  CHECK(model.api_routes[1].resource->address == "aws_api_gateway_method.post");
  CHECK(model.api_routes[2].resource->address == "aws_apigatewayv2_route.connect");
  CHECK(model.api_routes[2].authorization == nullptr);
  CHECK(model.api_routes[2].function->address() == "aws_lambda_function.api");
  // Every WebSocket route carries its connection: the $connect route's authorization.
  CHECK(model.api_routes[2].websocket);
  CHECK(model.api_routes[3].resource->address == "aws_apigatewayv2_route.message");
  CHECK(model.api_routes[3].websocket);
  REQUIRE(model.api_routes[3].connection != nullptr);
  CHECK(model.api_routes[3].connection->address == "aws_apigatewayv2_route.connect");
  CHECK(model.api_routes[3].authorization == nullptr);
  CHECK_FALSE(model.api_routes[3].authorization_unknown);
}

TEST_CASE("SAM events take the authorizer of the event, else the default of their API") {
  LoadedUnit unit;
  Value events = map({
      {"Open", map({{"Type", str("Api")}, {"Properties", map({{"Path", str("/a")}, {"Method", str("get")}})}})},
      {"Secured", map({{"Type", str("Api")},
                       {"Properties", map({{"RestApiId", ref("Api")}, {"Method", str("get")}})}})},
      {"Override", map({{"Type", str("Api")},
                        {"Properties", map({{"RestApiId", ref("Api")}, {"Method", str("post")},
                                            {"Auth", map({{"Authorizer", str("NONE")}})}})}})},
      {"Swagger", map({{"Type", str("Api")}, {"Properties", map({{"RestApiId", ref("Documented")}})}})},
      {"Outside", map({{"Type", str("HttpApi")}, {"Properties", map({{"ApiId", ref("Imported")}})}})},
  });
  unit.resources.push_back(resource("AWS::Serverless::Function", "Fn", map({{"Events", events}})));
  unit.resources.push_back(resource("AWS::Serverless::Api", "Api",
                                    map({{"Auth", map({{"DefaultAuthorizer", str("Cognito")}})}})));
  unit.resources.push_back(resource("AWS::Serverless::Api", "Documented", map({{"DefinitionBody", Value::map()}})));
  unit.resources.push_back(resource("AWS::Serverless::Api", "ServerlessRestApi", Value::map()));

  Model model = build_model(unit);
  REQUIRE(model.api_routes.size() == 5);
  CHECK(model.api_routes[0].authorization == nullptr);
  CHECK(!model.api_routes[0].authorization_unknown);
  CHECK(model.api_routes[0].api->address == "ServerlessRestApi");
  CHECK(model.api_routes[1].authorization->text == "Cognito");
  CHECK(model.api_routes[2].authorization->text == "NONE");
  CHECK(model.api_routes[3].authorization_unknown);
  CHECK(model.api_routes[4].authorization_unknown);
}

TEST_CASE("SAM Auth.ResourcePolicy becomes the statements SAM writes") {
  LoadedUnit unit;
  Value rp = map({{"IpRangeWhitelist", list({str("203.0.113.0/24")})}});
  unit.resources.push_back(resource("AWS::Serverless::Api", "Api", map({{"Auth", map({{"ResourcePolicy", rp}})}})));
  Model model = build_model(unit);
  REQUIRE(model.policies.size() == 1);
  const Policy& p = model.policies.front();
  CHECK(p.kind == PolicyKind::Resource);
  REQUIRE(p.statements.size() == 2);
  CHECK(p.statements[0].allows());
  CHECK(p.statements[0].conditions.empty());
  CHECK(p.statements[1].effect->text == "Deny");
  REQUIRE(p.statements[1].conditions.size() == 1);
  CHECK(p.statements[1].conditions[0].op == "NotIpAddress");
  CHECK(p.statements[1].conditions[0].key_lower == "aws:sourceip");
  REQUIRE(p.statements[1].conditions[0].values.size() == 1);
  CHECK(p.statements[1].conditions[0].values[0]->text == "203.0.113.0/24");
}
