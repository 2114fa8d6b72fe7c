#include <doctest/doctest.h>

#include "model/external_hosts.h"
#include "model/inline_code.h"

using namespace eph;

TEST_CASE("inline code: SDK clients of Python and both JavaScript SDKs, with their IAM prefixes") {
  InlineCodeUse py = read_inline_code(
      "import boto3\nsfn = boto3.client('stepfunctions')\ntable = boto3.resource(\"dynamodb\").Table('t')\n");
  REQUIRE(py.services.size() == 2);
  CHECK(py.services[0].service == "states");
  CHECK(py.services[1].service == "dynamodb");
  InlineCodeUse v2 = read_inline_code("const AWS = require('aws-sdk'); const s3 = new AWS.S3(); new AWS.Config({});");
  REQUIRE(v2.services.size() == 1);
  CHECK(v2.services[0].service == "s3");
  InlineCodeUse v3 = read_inline_code("import { SQSClient } from '@aws-sdk/client-sqs';\nimport '@aws-sdk/client-eventbridge';");
  REQUIRE(v3.services.size() == 2);
  CHECK(v3.services[0].service == "sqs");
  CHECK(v3.services[1].service == "events");
  InlineCodeUse cfn = read_inline_code("import cfnresponse\n");
  REQUIRE(cfn.services.size() == 1);
  CHECK(cfn.services[0].service == "s3");
}

TEST_CASE("inline code: hosts of URLs, once each") {
  InlineCodeUse use = read_inline_code(
      "fetch('https://api.partner.example/v1'); fetch('https://api.partner.example/v2');\n"
      "url = f'https://sqs.{region}.amazonaws.com/'  # templated: no host\nhttp://10.0.0.5:8080/health");
  REQUIRE(use.hosts.size() == 2);
  CHECK(use.hosts[0] == "api.partner.example");
  CHECK(use.hosts[1] == "10.0.0.5");
}

TEST_CASE("one host classifier: private, AWS through endpoints, AWS only over the internet, outside") {
  CHECK(reach_of_host("10.1.2.3") == HostReach::Private);
  CHECK(reach_of_host("db.internal") == HostReach::Private);
  CHECK(reach_of_host("dynamodb.eu-west-1.amazonaws.com") == HostReach::AwsEndpoint);
  CHECK(reach_of_host("abc.execute-api.eu-west-1.amazonaws.com") == HostReach::AwsPublic);
  CHECK(reach_of_host("abc.lambda-url.eu-west-1.on.aws") == HostReach::AwsPublic);
  CHECK(reach_of_host("fcm.googleapis.com") == HostReach::Outside);
  CHECK(reach_of_host("api.stripe.com") == HostReach::Outside);
  CHECK(host_in_value("api.stripe.com", "PAYMENTS") == "api.stripe.com");
  CHECK(host_in_value("orders", "TABLE").empty());
}
