// The network-trust and perimeter rules (EPH101-103, EPH601-603, EPH702) on hand-built
// units, so their logic is tested apart from the front-ends.
#include <doctest/doctest.h>

#include "engine/analyzer.h"
#include "engine/config.h"

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

Value doc(std::vector<Value> statements) { return map({{"Version", str("2012-10-17")}, {"Statement", list(std::move(statements))}}); }

NativeResource resource(std::string type, std::string address, Value body) {
  NativeResource r;
  r.type = std::move(type);
  r.address = std::move(address);
  r.body = std::move(body);
  return r;
}

// Findings of one rule, as "resource: message" lines.
std::vector<std::string> run(const LoadedUnit& unit, std::string_view rule, Config config = {}) {
  std::vector<Finding> findings;
  std::vector<InputError> errors;
  check_unit(unit, config, findings, errors);
  std::vector<std::string> out;
  for (const auto& f : findings)
    if (f.rule_id == rule) out.push_back(f.resource + ": " + f.message);
  return out;
}

bool contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("EPH101: an open Allow restricted only by the caller's address") {
  LoadedUnit unit;
  Value ip_only = map({{"Effect", str("Allow")}, {"Principal", str("*")}, {"Action", str("s3:GetObject")},
                       {"Resource", str("*")},
                       {"Condition", map({{"IpAddress", map({{"aws:SourceIp", list({str("203.0.113.0/24")})}})}})}});
  unit.resources.push_back(resource("aws_s3_bucket_policy", "aws_s3_bucket_policy.ip", map({{"policy", doc({ip_only})}})));
  Value with_org = ip_only;
  with_org.get("Condition")->set("StringEquals", map({{"aws:PrincipalOrgID", str("o-123")}}));
  unit.resources.push_back(resource("aws_s3_bucket_policy", "aws_s3_bucket_policy.org", map({{"policy", doc({with_org})}})));
  Value named = ip_only;
  named.set("Principal", map({{"AWS", str("arn:aws:iam::111122223333:root")}}));
  unit.resources.push_back(resource("aws_sqs_queue_policy", "aws_sqs_queue_policy.named", map({{"policy", doc({named})}})));
  // Allow "*" plus Deny "*" from anywhere else: the same trust, written the other way round.
  Value open = map({{"Effect", str("Allow")}, {"Principal", map({{"AWS", str("*")}})}, {"Action", str("execute-api:Invoke")},
                    {"Resource", str("*")}});
  Value deny = map({{"Effect", str("Deny")}, {"Principal", str("*")}, {"Action", str("execute-api:Invoke")},
                    {"Resource", str("*")},
                    {"Condition", map({{"NotIpAddress", map({{"aws:SourceIp", str("198.51.100.7/32")}})}})}});
  unit.resources.push_back(resource("AWS::ApiGateway::RestApi", "Api", map({{"Policy", doc({open, deny})}})));
  // The same with a Deny for callers outside the VPC endpoint: identity-bound.
  Value vpce = map({{"Effect", str("Deny")}, {"Principal", str("*")}, {"Action", str("execute-api:Invoke")},
                    {"Resource", str("*")},
                    {"Condition", map({{"StringNotEquals", map({{"aws:SourceVpce", str("vpce-1")}})}})}});
  unit.resources.push_back(resource("AWS::ApiGateway::RestApi", "Private", map({{"Policy", doc({open, deny, vpce})}})));
  // Unknown principal: silent.
  Value unknown = ip_only;
  unknown.set("Principal", Value::unknown());
  unit.resources.push_back(resource("aws_sns_topic_policy", "aws_sns_topic_policy.u", map({{"policy", doc({unknown})}})));
  // SAM IpRangeWhitelist.
  unit.resources.push_back(resource(
      "AWS::Serverless::Api", "SamApi",
      map({{"Auth", map({{"ResourcePolicy", map({{"IpRangeWhitelist", list({str("203.0.113.10")})}})}})}})));
  unit.resources.push_back(resource(
      "AWS::Serverless::Api", "SamPrivate",
      map({{"Auth", map({{"ResourcePolicy", map({{"IpRangeWhitelist", list({str("203.0.113.10")})},
                                                  {"SourceVpcWhitelist", list({str("vpce-1")})}})}})}})));

  auto found = run(unit, "EPH101");
  REQUIRE(found.size() == 3);
  CHECK(contains(found[0], "aws_s3_bucket_policy.ip"));
  CHECK(contains(found[0], "aws:SourceIp"));
  CHECK(contains(found[1], "Api: "));
  CHECK(contains(found[2], "SamApi: "));
}

TEST_CASE("EPH102: wide allow-list entries in policies, WAF IP sets and ingress rules") {
  LoadedUnit unit;
  Value st = map({{"Effect", str("Allow")}, {"Principal", str("*")}, {"Action", str("s3:GetObject")}, {"Resource", str("*")},
                  {"Condition", map({{"IpAddress", map({{"aws:SourceIp", list({str("52.0.0.0/8"), str("203.0.113.0/24"),
                                                                              str("10.0.0.0/8")})}})}})}});
  Value block = map({{"Effect", str("Deny")}, {"Principal", str("*")}, {"Action", str("s3:*")}, {"Resource", str("*")},
                     {"Condition", map({{"IpAddress", map({{"aws:SourceIp", str("54.0.0.0/8")}})}})}});
  unit.resources.push_back(resource("aws_s3_bucket_policy", "aws_s3_bucket_policy.b", map({{"policy", doc({st, block})}})));
  unit.resources.push_back(resource("aws_wafv2_ip_set", "aws_wafv2_ip_set.s",
                                    map({{"addresses", list({str("2600::/16"), str("2001:db8::/48")})}})));
  unit.resources.push_back(resource(
      "aws_security_group", "aws_security_group.g",
      map({{"ingress", list({map({{"protocol", str("tcp")}, {"from_port", num(443)}, {"to_port", num(443)},
                                   {"cidr_blocks", list({str("0.0.0.0/0"), str("35.0.0.0/12"), str("35.1.0.0/16")})}})})}})));
  unit.resources.push_back(resource("aws_network_acl_rule", "aws_network_acl_rule.deny",
                                    map({{"egress", Value::boolean_of(false)}, {"rule_action", str("deny")},
                                         {"cidr_block", str("1.0.0.0/8")}})));
  auto found = run(unit, "EPH102");
  REQUIRE(found.size() == 3);
  CHECK(contains(found[0], "52.0.0.0/8"));
  CHECK(contains(found[1], "2600::/16"));
  CHECK(contains(found[2], "35.0.0.0/12"));

  Config strict;
  strict.rules["EPH102"].options.set("ipv4-min-prefix", num(24));
  CHECK(run(unit, "EPH102", strict).size() == 4);  // 35.1.0.0/16 too
}

TEST_CASE("EPH103: the whole internet on ports other than 80 and 443") {
  LoadedUnit unit;
  auto rule = [](std::string proto, double from, double to, std::string cidr) {
    return map({{"protocol", str(proto)}, {"from_port", num(from)}, {"to_port", num(to)}, {"cidr_blocks", list({str(cidr)})}});
  };
  unit.resources.push_back(resource("aws_security_group", "aws_security_group.g",
                                    map({{"ingress", list({rule("tcp", 443, 443, "0.0.0.0/0"), rule("tcp", 80, 80, "0.0.0.0/0"),
                                                           rule("tcp", 22, 22, "0.0.0.0/0"), rule("-1", 0, 0, "0.0.0.0/0"),
                                                           rule("tcp", 22, 22, "203.0.113.0/24"), rule("icmp", -1, -1, "0.0.0.0/0"),
                                                           rule("tcp", 0, 65535, "0.0.0.0/0")})},
                                         {"egress", list({rule("-1", 0, 0, "0.0.0.0/0")})}})));
  unit.resources.push_back(resource("AWS::EC2::SecurityGroupIngress", "Ssh",
                                    map({{"IpProtocol", str("tcp")}, {"FromPort", num(22)}, {"ToPort", num(22)},
                                         {"CidrIpv6", str("::/0")}})));
  unit.resources.push_back(resource("aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_ingress_rule.u",
                                    map({{"ip_protocol", str("tcp")}, {"from_port", Value::unknown()}, {"to_port", num(22)},
                                         {"cidr_ipv4", str("0.0.0.0/0")}})));
  auto found = run(unit, "EPH103");
  REQUIRE(found.size() == 4);
  CHECK(contains(found[0], "TCP port 22"));
  CHECK(contains(found[1], "every protocol and port"));
  CHECK(contains(found[2], "every TCP port"));
  CHECK(contains(found[3], "Ssh"));
}

TEST_CASE("EPH601 and EPH602: function URLs and invoke permissions") {
  LoadedUnit unit;
  unit.resources.push_back(resource("aws_lambda_function", "aws_lambda_function.f", map({{"function_name", str("f")}})));
  unit.resources.push_back(resource("aws_lambda_function_url", "aws_lambda_function_url.open",
                                    map({{"function_name", ref("aws_lambda_function.f", "function_name")},
                                         {"authorization_type", str("NONE")}})));
  unit.resources.push_back(resource("aws_lambda_function_url", "aws_lambda_function_url.iam",
                                    map({{"function_name", str("f")}, {"authorization_type", str("AWS_IAM")}})));
  unit.resources.push_back(resource("aws_lambda_function_url", "aws_lambda_function_url.unknown",
                                    map({{"function_name", str("f")}, {"authorization_type", Value::unknown()}})));
  auto perm = [](std::vector<std::pair<std::string, Value>> fields) {
    fields.push_back({"function_name", str("f")});
    return map(std::move(fields));
  };
  unit.resources.push_back(resource("aws_lambda_permission", "aws_lambda_permission.anyone", perm({{"principal", str("*")}})));
  unit.resources.push_back(resource("aws_lambda_permission", "aws_lambda_permission.org",
                                    perm({{"principal", str("*")}, {"principal_org_id", str("o-1")}})));
  unit.resources.push_back(resource("aws_lambda_permission", "aws_lambda_permission.s3", perm({{"principal", str("s3.amazonaws.com")}})));
  unit.resources.push_back(resource("aws_lambda_permission", "aws_lambda_permission.s3_scoped",
                                    perm({{"principal", str("s3.amazonaws.com")}, {"source_arn", ref("aws_s3_bucket.b", "arn")}})));
  unit.resources.push_back(resource("aws_lambda_permission", "aws_lambda_permission.account",
                                    perm({{"principal", str("111122223333")}})));
  unit.resources.push_back(resource("aws_lambda_permission", "aws_lambda_permission.url",
                                    perm({{"principal", str("*")}, {"action", str("lambda:InvokeFunctionUrl")},
                                          {"function_url_auth_type", str("NONE")}})));
  unit.resources.push_back(resource("aws_lambda_permission", "aws_lambda_permission.unknown", perm({{"principal", Value::unknown()}})));

  auto urls = run(unit, "EPH601");
  REQUIRE(urls.size() == 1);
  CHECK(contains(urls[0], "aws_lambda_function_url.open"));
  auto perms = run(unit, "EPH602");
  REQUIRE(perms.size() == 2);
  CHECK(contains(perms[0], "aws_lambda_permission.anyone"));
  CHECK(contains(perms[1], "aws_lambda_permission.s3:"));
}

TEST_CASE("EPH603: routes without authorization or API key; OPTIONS and unknowns are silent") {
  LoadedUnit unit;
  unit.resources.push_back(resource("AWS::Lambda::Function", "Fn", map({{"FunctionName", str("fn")}})));
  auto method = [](std::string verb, std::vector<std::pair<std::string, Value>> fields) {
    fields.push_back({"HttpMethod", str(verb)});
    fields.push_back({"Integration", map({{"Uri", ref("Fn", "Arn")}})});
    return map(std::move(fields));
  };
  unit.resources.push_back(resource("AWS::ApiGateway::Method", "Open", method("GET", {{"AuthorizationType", str("NONE")}})));
  unit.resources.push_back(resource("AWS::ApiGateway::Method", "Missing", method("POST", {})));
  unit.resources.push_back(resource("AWS::ApiGateway::Method", "Keyed",
                                    method("GET", {{"AuthorizationType", str("NONE")}, {"ApiKeyRequired", Value::boolean_of(true)}})));
  unit.resources.push_back(resource("AWS::ApiGateway::Method", "Iam", method("GET", {{"AuthorizationType", str("AWS_IAM")}})));
  unit.resources.push_back(resource("AWS::ApiGateway::Method", "Preflight", method("OPTIONS", {{"AuthorizationType", str("NONE")}})));
  unit.resources.push_back(resource("AWS::ApiGateway::Method", "Unknown", method("GET", {{"AuthorizationType", Value::unknown()}})));
  auto found = run(unit, "EPH603");
  REQUIRE(found.size() == 2);
  CHECK(contains(found[0], "Open: "));
  CHECK(contains(found[0], "authorization NONE"));
  CHECK(contains(found[1], "Missing: "));
  CHECK(contains(found[1], "no authorization"));
}

TEST_CASE("EPH702: wildcard grants in a function's execution role, once per statement") {
  LoadedUnit unit;
  unit.resources.push_back(resource("aws_lambda_function", "aws_lambda_function.a", map({{"role", ref("aws_iam_role.exec", "arn")}})));
  unit.resources.push_back(resource("aws_lambda_function", "aws_lambda_function.b", map({{"role", ref("aws_iam_role.exec", "arn")}})));
  auto st = [](std::string action, std::string res) {
    return map({{"Effect", str("Allow")}, {"Action", list({str(action)})}, {"Resource", str(res)}});
  };
  unit.resources.push_back(resource("aws_iam_role", "aws_iam_role.exec",
                                    map({{"name", str("exec")},
                                         {"managed_policy_arns", list({str("arn:aws:iam::aws:policy/AdministratorAccess"),
                                                                       str("arn:aws:iam::aws:policy/ReadOnlyAccess")})}})));
  unit.resources.push_back(resource("aws_iam_role_policy", "aws_iam_role_policy.p",
                                    map({{"role", ref("aws_iam_role.exec", "id")},
                                         {"policy", doc({st("s3:*", "*"), st("s3:Get*", "*"), st("dynamodb:*", "arn:aws:dynamodb:::table/t"),
                                                         st("*", "*")})}})));
  // A role no function uses.
  unit.resources.push_back(resource("aws_iam_role_policy", "aws_iam_role_policy.other",
                                    map({{"role", str("someone")}, {"policy", doc({st("*", "*")})}})));
  auto found = run(unit, "EPH702");
  REQUIRE(found.size() == 3);
  CHECK(contains(found[0], "\"s3:*\""));
  CHECK(contains(found[0], "aws_lambda_function.a, aws_lambda_function.b"));
  CHECK(contains(found[1], "\"*\""));
  CHECK(contains(found[2], "AdministratorAccess"));
}
