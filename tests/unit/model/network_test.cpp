// The network graph and service use, with hand-built units so they are tested apart from
// the front-ends: subnets, route tables, NATs and endpoints resolved through references.
#include <doctest/doctest.h>

#include "model/endpoint_fix.h"
#include "model/endpoint_services.h"
#include "model/model.h"

using namespace eph;

namespace {

Value str(std::string s) { return Value::string_of(std::move(s)); }

Value ref(std::string address, std::string attribute = "id") {
  Value v = Value::unknown();
  v.refs.push_back(Ref{std::move(address), std::move(attribute), {}});
  return v;
}

Value list(std::vector<Value> items) {
  Value l = Value::list();
  l.items = std::move(items);
  return l;
}

Value block(Value inner) { return list({std::move(inner)}); }

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

Value document(std::vector<std::string> actions) {
  std::vector<Value> acts;
  for (auto& a : actions) acts.push_back(str(a));
  return map({{"Version", str("2012-10-17")},
              {"Statement", list({map({{"Effect", str("Allow")}, {"Action", list(acts)}, {"Resource", str("*")}})})}});
}

// A VPC with two private subnets behind a NAT (count instances), a public subnet with an
// internet gateway, and a function in the private subnets whose role grants `actions`.
LoadedUnit terraform_unit(std::vector<std::string> actions, bool s3_endpoint, bool associate_endpoint) {
  LoadedUnit unit;
  auto add = [&](std::string type, std::string address, Value body) {
    unit.resources.push_back(resource(std::move(type), std::move(address), std::move(body)));
  };
  add("aws_vpc", "aws_vpc.main", map({{"cidr_block", str("10.0.0.0/16")}}));
  add("aws_subnet", "aws_subnet.private[0]", map({{"vpc_id", ref("aws_vpc.main")}}));
  add("aws_subnet", "aws_subnet.private[1]", map({{"vpc_id", ref("aws_vpc.main")}}));
  add("aws_subnet", "aws_subnet.public", map({{"vpc_id", ref("aws_vpc.main")}}));
  add("aws_internet_gateway", "aws_internet_gateway.main", map({{"vpc_id", ref("aws_vpc.main")}}));
  add("aws_eip", "aws_eip.nat", map({}));
  add("aws_nat_gateway", "aws_nat_gateway.main",
      map({{"subnet_id", ref("aws_subnet.public")}, {"allocation_id", ref("aws_eip.nat")}}));
  add("aws_route_table", "aws_route_table.public",
      map({{"vpc_id", ref("aws_vpc.main")},
           {"route", list({map({{"cidr_block", str("0.0.0.0/0")}, {"gateway_id", ref("aws_internet_gateway.main")}})})}}));
  add("aws_route_table", "aws_route_table.private", map({{"vpc_id", ref("aws_vpc.main")}}));
  add("aws_route", "aws_route.private_nat",
      map({{"route_table_id", ref("aws_route_table.private")},
           {"destination_cidr_block", str("0.0.0.0/0")},
           {"nat_gateway_id", ref("aws_nat_gateway.main")}}));
  add("aws_route_table_association", "aws_route_table_association.private[0]",
      map({{"subnet_id", ref("aws_subnet.private[0]")}, {"route_table_id", ref("aws_route_table.private")}}));
  add("aws_route_table_association", "aws_route_table_association.private[1]",
      map({{"subnet_id", ref("aws_subnet.private[1]")}, {"route_table_id", ref("aws_route_table.private")}}));
  add("aws_route_table_association", "aws_route_table_association.public",
      map({{"subnet_id", ref("aws_subnet.public")}, {"route_table_id", ref("aws_route_table.public")}}));
  if (s3_endpoint) {
    Value body = map({{"vpc_id", ref("aws_vpc.main")}, {"service_name", str("com.amazonaws.eu-west-1.s3")}});
    if (associate_endpoint) body.set("route_table_ids", list({ref("aws_route_table.private")}));
    add("aws_vpc_endpoint", "aws_vpc_endpoint.s3", body);
  }
  add("aws_iam_role", "aws_iam_role.exec", map({{"name", str("exec")}}));
  Value policy = str("{...}");
  policy.decoded = std::make_shared<Value>(document(std::move(actions)));
  add("aws_iam_role_policy", "aws_iam_role_policy.exec", map({{"role", ref("aws_iam_role.exec")}, {"policy", policy}}));
  // Subnets through a splat: a list whose items refer to each instance.
  Value subnets = list({ref("aws_subnet.private[0]"), ref("aws_subnet.private[1]")});
  add("aws_lambda_function", "aws_lambda_function.api",
      map({{"role", ref("aws_iam_role.exec", "arn")},
           {"reserved_concurrent_executions", Value::number_of(5)},
           {"vpc_config", block(map({{"subnet_ids", subnets}, {"security_group_ids", list({})}}))}}));
  return unit;
}

}  // namespace

TEST_CASE("a function's path: subnets, route tables, NAT, endpoints") {
  LoadedUnit unit = terraform_unit({"s3:GetObject", "dynamodb:PutItem", "logs:PutLogEvents"}, true, true);
  Model model = build_model(unit);
  REQUIRE(model.network.functions.size() == 1);
  const FunctionNetwork& fn_net = model.network.functions.front();
  CHECK(fn_net.known);
  REQUIRE(fn_net.vpc);
  CHECK(fn_net.vpc->resource->address == "aws_vpc.main");
  REQUIRE(fn_net.subnets.size() == 2);
  CHECK(fn_net.subnets[0].route_table->resource->address == "aws_route_table.private");
  CHECK(fn_net.egress == Egress::Nat);
  REQUIRE(fn_net.nats.size() == 1);
  CHECK(fn_net.nats[0]->resource->address == "aws_nat_gateway.main");
  CHECK(fn_net.nats[0]->elastic_ip->address == "aws_eip.nat");
  REQUIRE(fn_net.endpoints.size() == 1);
  CHECK(fn_net.endpoints[0]->service == "s3");
  CHECK(reaches_internet_via_nat(model, model.functions.front()));

  const FunctionServices* uses = model.services_of(model.functions.front());
  REQUIRE(uses);
  CHECK(uses->services_complete);
  REQUIRE(uses->services.size() == 2);  // logs is shipped by Lambda itself
  CHECK(uses->services[0].service == "dynamodb");
  CHECK(uses->services[1].service == "s3");
}

TEST_CASE("a gateway endpoint not associated with the function's route table does not serve it") {
  LoadedUnit unit = terraform_unit({"s3:GetObject"}, true, false);
  Model model = build_model(unit);
  const FunctionNetwork& fn_net = model.network.functions.front();
  CHECK(fn_net.known);
  CHECK(fn_net.endpoints.empty());
}

TEST_CASE("an unresolvable subnet leaves the path unknown") {
  LoadedUnit unit = terraform_unit({"s3:GetObject"}, false, false);
  for (auto& r : unit.resources) {
    if (r.type != "aws_lambda_function") continue;
    Value* vpc = r.body.get("vpc_config");
    vpc->items[0].set("subnet_ids", list({Value::unknown()}));  // a variable without a value
  }
  Model model = build_model(unit);
  const FunctionNetwork& fn_net = model.network.functions.front();
  CHECK_FALSE(fn_net.known);
  CHECK(fn_net.egress == Egress::Unknown);
  CHECK_FALSE(reaches_internet_via_nat(model, model.functions.front()));
}

TEST_CASE("a subnet without an association uses the VPC's main route table") {
  LoadedUnit unit;
  unit.resources.push_back(resource("AWS::EC2::VPC", "Vpc", map({})));
  unit.resources.push_back(resource("AWS::EC2::Subnet", "Subnet", map({{"VpcId", ref("Vpc", "")}})));
  unit.resources.push_back(resource(
      "AWS::Serverless::Function", "Fn",
      map({{"VpcConfig", map({{"SubnetIds", list({ref("Subnet", "")})}})}, {"ReservedConcurrentExecutions", Value::number_of(5)}})));
  Model model = build_model(unit);
  const FunctionNetwork& fn_net = model.network.functions.front();
  CHECK(fn_net.known);
  REQUIRE(fn_net.subnets[0].route_table);
  CHECK(fn_net.subnets[0].route_table->resource == nullptr);
  CHECK(fn_net.egress == Egress::None);
}

TEST_CASE("an association to an unknown subnet makes the candidates' route tables unknown") {
  LoadedUnit unit = terraform_unit({"s3:GetObject"}, false, false);
  // An association whose subnet is one of the private instances, by an unknown index.
  unit.resources.push_back(resource("aws_route_table_association", "aws_route_table_association.extra",
                                    map({{"subnet_id", ref("aws_subnet.private")},
                                         {"route_table_id", ref("aws_route_table.public")}})));
  Model model = build_model(unit);
  CHECK_FALSE(model.network.functions.front().known);
}

TEST_CASE("service use: managed policies, SAM-style names, wildcards and pollers") {
  std::string_view services;
  CHECK(managed_policy_services("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", services));
  CHECK(services == "s3");
  CHECK(managed_policy_services("AWSLambdaBasicExecutionRole", services));
  CHECK(services.empty());
  CHECK_FALSE(managed_policy_services("arn:aws:iam::123456789012:policy/custom", services));
  CHECK(is_platform_action("ec2:CreateNetworkInterface", false));
  CHECK(is_platform_action("sqs:ReceiveMessage", true));
  CHECK_FALSE(is_platform_action("sqs:ReceiveMessage", false));
  CHECK(reach_of("logs") == ServiceReach::Ignored);
  CHECK(reach_of("s3") == ServiceReach::Endpoint);
  CHECK(reach_of("execute-api") == ServiceReach::NoEndpoint);

  LoadedUnit unit = terraform_unit({"*"}, false, false);
  Model model = build_model(unit);
  CHECK_FALSE(model.services_of(model.functions.front())->services_complete);
}

TEST_CASE("kms grants alongside a service that encrypts with KMS are that service's") {
  LoadedUnit unit = terraform_unit({"kms:Decrypt", "sqs:SendMessage"}, false, false);
  Model model = build_model(unit);
  const FunctionServices* uses = model.services_of(model.functions.front());
  REQUIRE(uses->services.size() == 1);
  CHECK(uses->services[0].service == "sqs");
}

TEST_CASE("endpoint service names, also from an unknown region written in the source") {
  Value known = str("com.amazonaws.eu-west-1.ecr.dkr");
  CHECK(endpoint_service_suffix(&known) == "ecr.dkr");
  Value china = str("cn.com.amazonaws.cn-north-1.s3");
  CHECK(endpoint_service_suffix(&china) == "s3");

  auto file = std::make_shared<SourceFile>("main.tf", "service_name = \"com.amazonaws.${var.region}.dynamodb\"\n");
  Value templ = Value::unknown(Range{file.get(), 15, 54});
  CHECK(endpoint_service_suffix(&templ) == "dynamodb");
  auto yaml = std::make_shared<SourceFile>("t.yaml", "ServiceName: !Sub 'com.amazonaws.${AWS::Region}.sqs'\n");
  Value sub = Value::unknown(Range{yaml.get(), 13, 52});
  CHECK(endpoint_service_suffix(&sub) == "sqs");
  auto json = std::make_shared<SourceFile>(
      "t.json", R"({"Fn::Join": ["", ["com.amazonaws.", {"Ref": "AWS::Region"}, ".s3"]]})");
  Value join = Value::unknown(Range{json.get(), 0, static_cast<uint32_t>(json->text().size())});
  CHECK(endpoint_service_suffix(&join) == "s3");
  Value unreadable = Value::unknown(Range{file.get(), 0, 12});
  CHECK(endpoint_service_suffix(&unreadable).empty());
}

TEST_CASE("subnets used by other compute are recorded") {
  LoadedUnit unit = terraform_unit({"s3:GetObject"}, false, false);
  unit.resources.push_back(resource("aws_instance", "aws_instance.bastion", map({{"subnet_id", ref("aws_subnet.private[0]")}})));
  unit.resources.push_back(resource("aws_db_subnet_group", "aws_db_subnet_group.db",
                                    map({{"subnet_ids", list({ref("aws_subnet.private[1]")})}})));
  Model model = build_model(unit);
  const Subnet* first = nullptr;
  const Subnet* second = nullptr;
  for (const auto& s : model.network.subnets) {
    if (s.resource->address == "aws_subnet.private[0]") first = &s;
    if (s.resource->address == "aws_subnet.private[1]") second = &s;
  }
  REQUIRE(first);
  REQUIRE(second);
  CHECK(first->other_users.size() == 1);
  CHECK(second->other_users.empty());
}

TEST_CASE("the endpoint fix is a Terraform resource in the VPC's file") {
  auto file = std::make_shared<SourceFile>("net.tf", "resource \"aws_vpc\" \"main\" {}\n");
  LoadedUnit unit = terraform_unit({"dynamodb:PutItem"}, false, false);
  unit.files.push_back(file);
  for (auto& r : unit.resources) r.declaration = Range{file.get(), 0, 10};
  Model model = build_model(unit, &terraform_endpoint_writer());
  auto fix = endpoint_fix(model, model.network.functions.front(), "dynamodb");
  REQUIRE(fix);
  REQUIRE(fix->edits.size() == 1);
  const std::string& text = fix->edits[0].new_text;
  CHECK(text.find("resource \"aws_vpc_endpoint\" \"dynamodb\"") != std::string::npos);
  CHECK(text.find("vpc_endpoint_type = \"Gateway\"") != std::string::npos);
  CHECK(text.find("route_table_ids   = [aws_route_table.private.id]") != std::string::npos);
  CHECK(text.find("data \"aws_region\" \"current\" {}") != std::string::npos);
  CHECK(fix->edits[0].range.begin == file->text().size());
}
