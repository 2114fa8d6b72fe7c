// The traffic view: inbound paths with their caps, the one egress verdict, and how
// `inspect` prints them.
#include <doctest/doctest.h>

#include "model/model.h"
#include "unit/model/hand_built.h"
#include "report/inspect_traffic.h"

using namespace eph;

using namespace eph::hand_built;

TEST_CASE("a Kinesis consumer is capped at shards x parallelization factor; a custom resource is deployment-only") {
  LoadedUnit unit;
  unit.resources.push_back(resource("aws_lambda_function", "aws_lambda_function.f", map({{"function_name", str("f")}})));
  unit.resources.push_back(
      resource("aws_kinesis_stream", "aws_kinesis_stream.s", map({{"shard_count", Value::number_of(2)}})));
  unit.resources.push_back(resource("aws_lambda_event_source_mapping", "aws_lambda_event_source_mapping.m",
                                    map({{"function_name", ref("aws_lambda_function.f", "arn")},
                                         {"event_source_arn", ref("aws_kinesis_stream.s", "arn")},
                                         {"parallelization_factor", Value::number_of(3)}})));
  unit.resources.push_back(resource("aws_lambda_invocation", "aws_lambda_invocation.seed",
                                    map({{"function_name", ref("aws_lambda_function.f", "function_name")}})));
  Model model = build_model(unit);
  const Function& f = model.functions.front();
  REQUIRE(f.inbound.size() == 2);
  CHECK(f.inbound[0].kind == InboundKind::Stream);
  CHECK(f.inbound[0].burst == Burst::Capped);
  CHECK(f.inbound[0].why == "2 shards x parallelization factor 3 = at most 6 concurrent invocations");
  CHECK(describe(f.inbound[0]) == "Kinesis stream aws_kinesis_stream.s");
  CHECK(f.inbound[1].kind == InboundKind::CustomResource);
  CHECK(f.inbound[1].burst == Burst::Deployment);
  const FunctionServices* out = model.services_of(f);
  REQUIRE(out != nullptr);
  CHECK(out->egress == EgressVerdict::NoVpc);
  CHECK(out->reaches_internet());

  auto json = traffic_json(model);
  REQUIRE(json.size() == 1);
  CHECK(json[0]["inbound"][0]["burst"] == "capped");
  CHECK(json[0]["inbound"][0]["shard_count"]["value"] == "2");
  CHECK(json[0]["outbound"]["egress"]["verdict"] == "no-vpc");
}

TEST_CASE("articles for messages") {
  CHECK(with_article("SQS queue q") == "an SQS queue q");
  CHECK(with_article("S3 notification b") == "an S3 notification b");
  CHECK(with_article("API route r") == "an API route r");
  CHECK(with_article("Kinesis stream s") == "a Kinesis stream s");
  CHECK(with_article("interface endpoint") == "an interface endpoint");
  CHECK(with_article("function URL u") == "a function URL u");
}
