#include "model/inline_code.h"

#include <algorithm>
#include <cctype>
#include <utility>
#include <vector>

#include <re2/re2.h>

#include "model/external_hosts.h"

namespace eph {
namespace {

// SDK client constructors: Python boto3, JavaScript SDK v2 and v3. The captured name is an
// SDK client name, mapped to its IAM prefix through kSdkAliases. RE2, not std::regex: the
// latter's backtracking engine was 2.6% of a corpus scan for a few hundred functions' code,
// RE2 runs in time linear in the text. Bytes, not UTF-8 (code may be in any encoding), and
// `\s` spelled out as ECMAScript's ASCII spaces, so the matches are those std::regex found.
#define EPH_SPACE "[\\t\\n\\v\\f\\r ]"
constexpr const char* kBoto3 =
    "boto3" EPH_SPACE "*\\." EPH_SPACE "*(?:client|resource)" EPH_SPACE "*\\(" EPH_SPACE
    "*(?:service_name" EPH_SPACE "*=" EPH_SPACE "*)?['\"]([A-Za-z0-9-]+)['\"]";
constexpr const char* kJsV2 = "new" EPH_SPACE "+(?:AWS|aws)" EPH_SPACE "*\\." EPH_SPACE "*([A-Za-z0-9]+)";
#undef EPH_SPACE
constexpr const char* kJsV3 = "@aws-sdk/client-([a-z0-9-]+)";
// cfn-response sends the custom resource's answer to a pre-signed S3 URL.
constexpr const char* kCfnResponse = "\\bcfn-?response\\b";
constexpr const char* kUrl = "https?://[A-Za-z0-9.\\-\\[\\]:]+";

// Compiled once, shared by every thread (RE2 is thread-safe).
struct Patterns {
  explicit Patterns(const RE2::Options& o)
      : boto3(kBoto3, o), js_v2(kJsV2, o), js_v3(kJsV3, o), cfn_response(kCfnResponse, o), url(kUrl, o) {}
  RE2 boto3, js_v2, js_v3, cfn_response, url;
};

const Patterns& patterns() {
  static const Patterns compiled{[] {
    RE2::Options options;
    options.set_encoding(RE2::Options::EncodingLatin1);
    return options;
  }()};
  return compiled;
}

struct Match {
  std::string_view whole;  // the match
  std::string_view name;   // the first capture, if the pattern has one
};

// Every match of `re` in `text`, leftmost first, each search resuming after the previous match
// (as std::sregex_iterator does; none of these patterns matches the empty string).
std::vector<Match> all_matches(std::string_view text, const RE2& re) {
  std::vector<Match> out;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece groups[2];
  int count = std::min(re.NumberOfCapturingGroups() + 1, 2);
  size_t from = 0;
  while (from <= text.size() && re.Match(input, from, text.size(), RE2::UNANCHORED, groups, count)) {
    out.push_back(Match{std::string_view(groups[0].data(), groups[0].size()),
                        count > 1 ? std::string_view(groups[1].data(), groups[1].size()) : std::string_view()});
    from = static_cast<size_t>(groups[0].data() + groups[0].size() - text.data());
  }
  return out;
}

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
  // Inline code is small (CloudFormation allows 4 KB in ZipFile); a bound keeps the work
  // predictable on hostile input.
  constexpr size_t kMaxCode = 256 * 1024;
  std::string_view text = code.substr(0, kMaxCode);
  const Patterns& p = patterns();
  for (const RE2* client : {&p.boto3, &p.js_v2, &p.js_v3}) {
    for (const Match& m : all_matches(text, *client)) {
      std::string name(m.name);
      // JavaScript v2 also has non-client members: `new AWS.Config(...)`, `new AWS.Credentials(...)`.
      if (client == &p.js_v2 && (name == "Config" || name == "Credentials" || name == "Endpoint")) continue;
      add(out, service_of_client(name), std::string(m.whole));
    }
  }
  if (!all_matches(text, p.cfn_response).empty()) add(out, "s3", "cfn-response (a pre-signed S3 URL)");
  for (const Match& m : all_matches(text, p.url)) {
    // A host assembled at run time ("https://sqs.${region}.amazonaws.com", an f-string): not known.
    size_t after = static_cast<size_t>(m.whole.data() + m.whole.size() - text.data());
    if (after < text.size() && std::string_view("{$%<+").find(text[after]) != std::string_view::npos) continue;
    std::string host = host_of(std::string(m.whole), false);
    if (host.find('.') == std::string::npos && host != "localhost") continue;
    if (!host.empty() && host.back() == '.') continue;
    if (host.empty() || std::find(out.hosts.begin(), out.hosts.end(), host) != out.hosts.end()) continue;
    out.hosts.push_back(host);
  }
  return out;
}

}  // namespace eph
