// Lowering native resources into the semantic model, with hand-built units so the
// model is tested apart from the front-ends.
#include <doctest/doctest.h>

#include "model/model.h"

using namespace eph;

namespace {

Value str(std::string s) { return Value::string_of(std::move(s)); }

Value ref(std::string address, std::string attribute) {
  Value v = Value::unknown();
  v.refs.push_back(Ref{std::move(address), std::move(attribute), {}});
  return v;
}

Value block(Value inner) {
  Value list = Value::list();
  list.items.push_back(std::move(inner));
  return list;
}

NativeResource resource(std::string type, std::string address, Value body) {
  NativeResource r;
  r.type = std::move(type);
  r.address = std::move(address);
  r.body = std::move(body);
  return r;
}

Value statement(std::string effect, std::vector<std::string> actions, std::string resource_arn) {
  Value s = Value::map();
  s.set("Effect", str(effect));
  Value list = Value::list();
  for (auto& a : actions) list.items.push_back(str(a));
  s.set("Action", list);
  s.set("Resource", str(resource_arn));
  return s;
}

Value document(std::vector<Value> statements) {
  Value doc = Value::map();
  doc.set("Version", str("2012-10-17"));
  Value list = Value::list();
  for (auto& s : statements) list.items.push_back(std::move(s));
  doc.set("Statement", list);
  return doc;
}

Value json_string(Value doc) {
  Value s = str("{...}");
  s.decoded = std::make_shared<Value>(std::move(doc));
  return s;
}

}  // namespace

TEST_CASE("a Terraform Lambda function with its role, policies and triggers") {
  LoadedUnit unit;
  Value fn = Value::map();
  fn.set("function_name", str("orders"));
  fn.set("role", ref("aws_iam_role.exec", "arn"));
  Value vars = Value::map();
  vars.set("TABLE", str("orders"));
  vars.set("TOKEN", str("abc"));
  Value env = Value::map();
  env.set("variables", vars);
  fn.set("environment", block(env));
  Value vpc = Value::map();
  Value subnets = Value::list();
  subnets.items.push_back(ref("aws_subnet.private[0]", "id"));
  vpc.set("subnet_ids", subnets);
  fn.set("vpc_config", block(vpc));
  unit.resources.push_back(resource("aws_lambda_function", "aws_lambda_function.orders", fn));

  Value role = Value::map();
  role.set("name", str("orders-exec"));
  unit.resources.push_back(resource("aws_iam_role", "aws_iam_role.exec", role));

  Value inline_policy = Value::map();
  inline_policy.set("role", ref("aws_iam_role.exec", "id"));
  inline_policy.set("policy", json_string(document({statement("Allow", {"dynamodb:GetItem"}, "*")})));
  unit.resources.push_back(resource("aws_iam_role_policy", "aws_iam_role_policy.ddb", inline_policy));

  Value attachment = Value::map();
  attachment.set("role", str("orders-exec"));  // by name, not by reference
  attachment.set("policy_arn", str("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));
  unit.resources.push_back(resource("aws_iam_role_policy_attachment", "aws_iam_role_policy_attachment.s3", attachment));

  Value unrelated = Value::map();
  unrelated.set("role", str("someone-else"));
  unrelated.set("policy_arn", str("arn:aws:iam::aws:policy/AdministratorAccess"));
  unit.resources.push_back(resource("aws_iam_role_policy_attachment", "aws_iam_role_policy_attachment.x", unrelated));

  Value queue = Value::map();
  unit.resources.push_back(resource("aws_sqs_queue", "aws_sqs_queue.jobs", queue));
  Value mapping = Value::map();
  mapping.set("function_name", ref("aws_lambda_function.orders", "arn"));
  mapping.set("event_source_arn", ref("aws_sqs_queue.jobs", "arn"));
  unit.resources.push_back(resource("aws_lambda_event_source_mapping", "aws_lambda_event_source_mapping.jobs", mapping));

  Value permission = Value::map();
  permission.set("function_name", str("orders"));
  permission.set("principal", str("s3.amazonaws.com"));
  unit.resources.push_back(resource("aws_lambda_permission", "aws_lambda_permission.s3", permission));

  Model model = build_model(unit);
  REQUIRE(model.functions.size() == 1);
  const Function& f = model.functions.front();
  CHECK(f.label == "Lambda function");
  REQUIRE(f.environment.size() == 2);
  CHECK(f.environment[1].name == "TOKEN");
  CHECK(f.in_vpc);
  REQUIRE(f.subnets.size() == 1);
  CHECK(f.reserved_concurrency == nullptr);
  REQUIRE(f.role_resource != nullptr);
  CHECK(f.role_resource->address == "aws_iam_role.exec");
  REQUIRE(f.policies.size() == 1);
  CHECK(f.policies[0]->statements.size() == 1);
  CHECK(f.policies[0]->statements[0].allows());
  REQUIRE(f.managed_policy_arns.size() == 1);
  CHECK(f.managed_policy_arns[0]->text == "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
  REQUIRE(f.inbound.size() == 2);
  CHECK(f.inbound[0].kind == InboundKind::Queue);
  CHECK(f.inbound[1].kind == InboundKind::Storage);
  REQUIRE(model.invoke_permissions.size() == 1);
  CHECK(model.invoke_permissions[0].function == &f);
}

TEST_CASE("a SAM function: Globals-merged properties, policies, events and URL") {
  LoadedUnit unit;
  Value props = Value::map();
  props.set("ReservedConcurrentExecutions", Value::number_of(5));
  Value policies = Value::list();
  policies.items.push_back(str("arn:aws:iam::aws:policy/AWSLambdaExecute"));
  policies.items.push_back(document({statement("Allow", {"s3:GetObject"}, "*")}));
  props.set("Policies", policies);
  Value events = Value::map();
  Value sqs = Value::map();
  sqs.set("Type", str("SQS"));
  Value sqs_props = Value::map();
  Value scaling = Value::map();
  scaling.set("MaximumConcurrency", Value::number_of(10));
  sqs_props.set("ScalingConfig", scaling);
  sqs.set("Properties", sqs_props);
  events.set("Jobs", sqs);
  props.set("Events", events);
  Value url = Value::map();
  url.set("AuthType", str("NONE"));
  props.set("FunctionUrlConfig", url);
  unit.resources.push_back(resource("AWS::Serverless::Function", "Worker", props));

  Model model = build_model(unit);
  REQUIRE(model.functions.size() == 1);
  const Function& f = model.functions.front();
  REQUIRE(f.reserved_concurrency != nullptr);
  CHECK(f.reserved_concurrency->number == 5);
  CHECK(f.role_known);
  REQUIRE(f.policies.size() == 1);
  REQUIRE(f.managed_policy_arns.size() == 1);
  REQUIRE(f.inbound.size() == 2);
  CHECK(f.inbound[0].kind == InboundKind::Queue);
  REQUIRE(f.inbound[0].max_concurrency != nullptr);
  CHECK(f.inbound[0].max_concurrency->number == 10);
  CHECK(f.inbound[0].burst == Burst::Capped);
  CHECK(f.inbound[1].kind == InboundKind::FunctionUrl);
  CHECK(f.inbound[1].burst == Burst::PublicOpen);
}

TEST_CASE("Cloud Run env entries and the Knative max-scale annotation") {
  LoadedUnit unit;
  Value env_entry = Value::map();
  env_entry.set("name", str("API_TOKEN"));
  env_entry.set("value", str("x"));
  Value secret_entry = Value::map();
  secret_entry.set("name", str("DB"));
  Value envs = Value::list();
  envs.items.push_back(env_entry);
  envs.items.push_back(secret_entry);
  Value container = Value::map();
  container.set("env", envs);
  Value spec = Value::map();
  spec.set("containers", block(container));
  Value annotations = Value::map();
  annotations.set("autoscaling.knative.dev/maxScale", str("10"));
  Value metadata = Value::map();
  metadata.set("annotations", annotations);
  Value tmpl = Value::map();
  tmpl.set("spec", block(spec));
  tmpl.set("metadata", block(metadata));
  Value body = Value::map();
  body.set("template", block(tmpl));
  unit.resources.push_back(resource("google_cloud_run_service", "google_cloud_run_service.api", body));
  Model model = build_model(unit);
  REQUIRE(model.functions.size() == 1);
  const Function& f = model.functions.front();
  CHECK(f.cloud == Cloud::Gcp);
  REQUIRE(f.environment.size() == 1);
  CHECK(f.environment[0].name == "API_TOKEN");
  REQUIRE(f.max_instances != nullptr);
  CHECK(f.max_instances->text == "10");
}
