#include <doctest/doctest.h>

#include <algorithm>
#include <regex>
#include <string>

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

namespace {

// read_inline_code as it was written with std::regex: the reference its RE2 patterns must
// agree with (RE2's byte-wise, leftmost-first matches are those of ECMAScript's here). A call's service (the SDK name mapped to its IAM prefix, unchanged code) is
// taken from read_inline_code of the call's text alone.
InlineCodeUse read_with_regex(std::string_view code) {
  static const std::regex boto3(
      R"re(boto3\s*\.\s*(?:client|resource)\s*\(\s*(?:service_name\s*=\s*)?['"]([A-Za-z0-9-]+)['"])re");
  static const std::regex js_v2(R"re(new\s+(?:AWS|aws)\s*\.\s*([A-Za-z0-9]+))re");
  static const std::regex js_v3(R"re(@aws-sdk/client-([a-z0-9-]+))re");
  static const std::regex cfn_response(R"re(\bcfn-?response\b)re");
  static const std::regex url(R"re(https?://[A-Za-z0-9.\-\[\]:]+)re");
  InlineCodeUse out;
  std::string text(code);
  auto add = [&out](std::string service, std::string how) {
    for (const auto& c : out.services)
      if (c.service == service) return;
    out.services.push_back({std::move(service), std::move(how)});
  };
  for (const std::regex* re : {&boto3, &js_v2, &js_v3}) {
    for (auto it = std::sregex_iterator(text.begin(), text.end(), *re); it != std::sregex_iterator(); ++it) {
      std::string name = (*it)[1].str();
      if (re == &js_v2 && (name == "Config" || name == "Credentials" || name == "Endpoint")) continue;
      InlineCodeUse alone = read_inline_code(it->str());
      REQUIRE(!alone.services.empty());  // the call first (a cfn-response inside it comes after)
      add(alone.services[0].service, it->str());
    }
  }
  if (std::regex_search(text, cfn_response)) add("s3", "cfn-response (a pre-signed S3 URL)");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), url); it != std::sregex_iterator(); ++it) {
    size_t after = static_cast<size_t>(it->position() + it->length());
    if (after < text.size() && std::string_view("{$%<+").find(text[after]) != std::string_view::npos) continue;
    std::string host = host_of(it->str(), false);
    if (host.find('.') == std::string::npos && host != "localhost") continue;
    if (!host.empty() && host.back() == '.') continue;
    if (host.empty() || std::find(out.hosts.begin(), out.hosts.end(), host) != out.hosts.end()) continue;
    out.hosts.push_back(host);
  }
  return out;
}

}  // namespace

TEST_CASE("inline code: RE2 finds what std::regex found") {
  const char* pieces[] = {"boto3", ".", " ", "\t", "\n", "client", "resource", "(", "service_name", "=", "'", "\"",
                          "s3", "sqs", "step-functions", "_", "new", "AWS", "aws", "Config", "S3", "DynamoDB",
                          "@aws-sdk/client-", "dynamodb", "cfn", "-", "response", "cfn-response", "x", "http",
                          "https", "://", "api.example.com", "[::1]", ":8080", "${", "{", "localhost", "\xC3\xA9",
                          "9", "renew", "boto3.client(", "new AWS.", ")", ";", "sfn", "stepfunctions"};
  unsigned seed = 7;
  auto next = [&seed](size_t bound) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 8) % bound;
  };
  size_t found = 0;
  for (int round = 0; round < 6000; ++round) {
    std::string code;
    size_t n = 1 + next(30);
    for (size_t i = 0; i < n; ++i) code += pieces[next(sizeof pieces / sizeof *pieces)];
    CAPTURE(code);
    InlineCodeUse reference = read_with_regex(code);
    InlineCodeUse got = read_inline_code(code);
    REQUIRE(got.services.size() == reference.services.size());
    for (size_t i = 0; i < got.services.size(); ++i) {
      CHECK(got.services[i].service == reference.services[i].service);
      CHECK(got.services[i].how == reference.services[i].how);
    }
    CHECK(got.hosts == reference.hosts);
    found += reference.services.size() + reference.hosts.size();
  }
  MESSAGE(found << " calls and hosts found alike");
  CHECK(found > 1000);
}
