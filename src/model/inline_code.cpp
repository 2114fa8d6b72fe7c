#include "model/inline_code.h"

#include <algorithm>
#include <cctype>
#include <regex>

#include "model/external_hosts.h"

namespace eph {
namespace {

// SDK client constructors: Python boto3, JavaScript SDK v2 and v3. The captured name is an
// SDK client name, mapped to its IAM prefix through kSdkAliases.
const std::regex kBoto3(R"re(boto3\s*\.\s*(?:client|resource)\s*\(\s*(?:service_name\s*=\s*)?['"]([A-Za-z0-9-]+)['"])re");
const std::regex kJsV2(R"re(new\s+(?:AWS|aws)\s*\.\s*([A-Za-z0-9]+))re");
const std::regex kJsV3(R"re(@aws-sdk/client-([a-z0-9-]+))re");
// cfn-response sends the custom resource's answer to a pre-signed S3 URL.
const std::regex kCfnResponse(R"re(\bcfn-?response\b)re");
const std::regex kUrl(R"re(https?://[A-Za-z0-9.\-\[\]:]+)re");

// SDK client names (lower-cased, without dashes) whose IAM prefix differs.
constexpr std::pair<std::string_view, std::string_view> kSdkAliases[] = {
    {"stepfunctions", "states"},
    {"sfn", "states"},
    {"eventbridge", "events"},
    {"cloudwatchevents", "events"},
    {"sesv2", "ses"},
    {"cognitoidentityprovider", "cognito-idp"},
    {"cognitoidentityserviceprovider", "cognito-idp"},
    {"cognitoidp", "cognito-idp"},
    {"cloudwatchlogs", "logs"},
    {"bedrockruntime", "bedrock"},
    {"bedrockagentruntime", "bedrock"},
    {"apigatewaymanagementapi", "execute-api"},
    {"rdsdata", "rds-data"},
    {"kinesisfirehose", "firehose"},
    {"secretsmanager", "secretsmanager"},
    {"dynamodbstreams", "dynamodb"},
    {"iotdata", "iot"},
    {"iotdataplane", "iot"},
};

std::string service_of_client(std::string_view name) {
  std::string key;
  for (char c : name)
    if (c != '-' && c != '_') key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const auto& [alias, service] : kSdkAliases)
    if (key == alias) return std::string(service);
  return key;
}

void add(InlineCodeUse& out, std::string service, std::string how) {
  for (const auto& c : out.services)
    if (c.service == service) return;
  out.services.push_back(InlineCodeCall{std::move(service), std::move(how)});
}

}  // namespace

InlineCodeUse read_inline_code(std::string_view code) {
  InlineCodeUse out;
  // Inline code is small (CloudFormation allows 4 KB in ZipFile); a bound keeps the regex
  // engine's work predictable on hostile input.
  constexpr size_t kMaxCode = 256 * 1024;
  std::string text(code.substr(0, kMaxCode));
  for (const std::regex* re : {&kBoto3, &kJsV2, &kJsV3}) {
    for (auto it = std::sregex_iterator(text.begin(), text.end(), *re); it != std::sregex_iterator(); ++it) {
      std::string name = (*it)[1].str();
      // JavaScript v2 also has non-client members: `new AWS.Config(...)`, `new AWS.Credentials(...)`.
      if (re == &kJsV2 && (name == "Config" || name == "Credentials" || name == "Endpoint")) continue;
      add(out, service_of_client(name), it->str());
    }
  }
  if (std::regex_search(text, kCfnResponse)) add(out, "s3", "cfn-response (a pre-signed S3 URL)");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kUrl); it != std::sregex_iterator(); ++it) {
    // A host assembled at run time ("https://sqs.${region}.amazonaws.com", an f-string): not known.
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

}  // namespace eph
