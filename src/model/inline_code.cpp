#include "model/inline_code.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "model/external_hosts.h"

namespace eph {
namespace {

// The patterns below are matched by hand, leftmost first and each search resuming after the
// previous match, exactly as std::sregex_iterator over these regular expressions would (the
// regex engine was 2.6% of a corpus scan for a few hundred functions' code):
//   boto3\s*\.\s*(?:client|resource)\s*\(\s*(?:service_name\s*=\s*)?['"]([A-Za-z0-9-]+)['"]
//   new\s+(?:AWS|aws)\s*\.\s*([A-Za-z0-9]+)
//   @aws-sdk/client-([a-z0-9-]+)
//   \bcfn-?response\b   (cfn-response sends a custom resource's answer to a pre-signed S3 URL)
//   https?://[A-Za-z0-9.\-\[\]:]+
// SDK client constructors (Python boto3, JavaScript SDK v2 and v3) capture an SDK client
// name, mapped to its IAM prefix through kSdkAliases.
struct Match {
  size_t begin = 0, end = 0;              // the whole match
  size_t name_begin = 0, name_end = 0;    // the captured name, if any
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }
bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 && static_cast<unsigned char>(c) < 0x80; }
bool is_word(char c) { return is_alnum(c) || c == '_'; }

class Cursor {
 public:
  Cursor(std::string_view text, size_t at) : text_(text), at_(at) {}
  size_t at() const { return at_; }
  void spaces() {
    while (at_ < text_.size() && is_space(text_[at_])) ++at_;
  }
  bool literal(std::string_view s) {
    if (text_.substr(at_, s.size()) != s) return false;
    at_ += s.size();
    return true;
  }
  bool one_of(std::string_view chars) {
    if (at_ >= text_.size() || chars.find(text_[at_]) == std::string_view::npos) return false;
    ++at_;
    return true;
  }
  template <typename Pred>
  size_t run(Pred pred) {
    size_t from = at_;
    while (at_ < text_.size() && pred(text_[at_])) ++at_;
    return at_ - from;
  }

 private:
  std::string_view text_;
  size_t at_;
};

std::optional<Match> boto3_at(std::string_view text, size_t at) {
  Cursor c(text, at);
  if (!c.literal("boto3")) return std::nullopt;
  c.spaces();
  if (!c.literal(".")) return std::nullopt;
  c.spaces();
  if (!c.literal("client") && !c.literal("resource")) return std::nullopt;
  c.spaces();
  if (!c.literal("(")) return std::nullopt;
  c.spaces();
  Cursor keyword = c;
  if (keyword.literal("service_name")) {
    keyword.spaces();
    if (keyword.literal("=")) {
      keyword.spaces();
      c = keyword;
    }
  }
  if (!c.one_of("'\"")) return std::nullopt;
  Match m{at, 0, c.at(), 0};
  if (c.run([](char ch) { return is_alnum(ch) || ch == '-'; }) == 0) return std::nullopt;
  m.name_end = c.at();
  if (!c.one_of("'\"")) return std::nullopt;
  m.end = c.at();
  return m;
}

std::optional<Match> js_v2_at(std::string_view text, size_t at) {
  Cursor c(text, at);
  if (!c.literal("new")) return std::nullopt;
  size_t before = c.at();
  c.spaces();
  if (c.at() == before) return std::nullopt;
  if (!c.literal("AWS") && !c.literal("aws")) return std::nullopt;
  c.spaces();
  if (!c.literal(".")) return std::nullopt;
  c.spaces();
  Match m{at, 0, c.at(), 0};
  if (c.run(is_alnum) == 0) return std::nullopt;
  m.name_end = m.end = c.at();
  return m;
}

std::optional<Match> js_v3_at(std::string_view text, size_t at) {
  Cursor c(text, at);
  if (!c.literal("@aws-sdk/client-")) return std::nullopt;
  Match m{at, 0, c.at(), 0};
  if (c.run([](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-'; }) == 0)
    return std::nullopt;
  m.name_end = m.end = c.at();
  return m;
}

std::optional<Match> cfn_response_at(std::string_view text, size_t at) {
  if (at > 0 && is_word(text[at - 1])) return std::nullopt;
  Cursor c(text, at);
  if (!c.literal("cfn")) return std::nullopt;
  c.literal("-");
  if (!c.literal("response")) return std::nullopt;
  if (c.at() < text.size() && is_word(text[c.at()])) return std::nullopt;
  return Match{at, c.at(), 0, 0};
}

std::optional<Match> url_at(std::string_view text, size_t at) {
  Cursor c(text, at);
  if (!c.literal("http")) return std::nullopt;
  c.literal("s");
  if (!c.literal("://")) return std::nullopt;
  if (c.run([](char ch) { return is_alnum(ch) || ch == '.' || ch == '-' || ch == '[' || ch == ']' || ch == ':'; }) == 0)
    return std::nullopt;
  return Match{at, c.at(), 0, 0};
}

// Every match of `match_at` in `text`, leftmost first, each search resuming after the previous
// match. Every match starts with `first`, so only the places of that word are tried.
template <typename MatchAt>
std::vector<Match> all_matches(std::string_view text, std::string_view first, MatchAt match_at) {
  std::vector<Match> out;
  size_t from = 0;
  while (true) {
    size_t at = text.find(first, from);
    if (at == std::string_view::npos) break;
    if (auto m = match_at(text, at)) {
      out.push_back(*m);
      from = m->end;
    } else {
      from = at + 1;
    }
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
  // Inline code is small (CloudFormation allows 4 KB in ZipFile); a bound keeps the regex
  // engine's work predictable on hostile input.
  constexpr size_t kMaxCode = 256 * 1024;
  std::string_view text = code.substr(0, kMaxCode);
  struct Client {
    std::string_view first;
    std::optional<Match> (*match_at)(std::string_view, size_t);
    bool v2;
  };
  for (const Client& client : {Client{"boto3", boto3_at, false}, Client{"new", js_v2_at, true},
                               Client{"@aws-sdk/client-", js_v3_at, false}}) {
    for (const Match& m : all_matches(text, client.first, client.match_at)) {
      std::string name(text.substr(m.name_begin, m.name_end - m.name_begin));
      // JavaScript v2 also has non-client members: `new AWS.Config(...)`, `new AWS.Credentials(...)`.
      if (client.v2 && (name == "Config" || name == "Credentials" || name == "Endpoint")) continue;
      add(out, service_of_client(name), std::string(text.substr(m.begin, m.end - m.begin)));
    }
  }
  if (!all_matches(text, "cfn", cfn_response_at).empty()) add(out, "s3", "cfn-response (a pre-signed S3 URL)");
  for (const Match& m : all_matches(text, "http", url_at)) {
    // A host assembled at run time ("https://sqs.${region}.amazonaws.com", an f-string): not known.
    size_t after = m.end;
    if (after < text.size() && std::string_view("{$%<+").find(text[after]) != std::string_view::npos) continue;
    std::string host = host_of(std::string(text.substr(m.begin, m.end - m.begin)), false);
    if (host.find('.') == std::string::npos && host != "localhost") continue;
    if (!host.empty() && host.back() == '.') continue;
    if (host.empty() || std::find(out.hosts.begin(), out.hosts.end(), host) != out.hosts.end()) continue;
    out.hosts.push_back(host);
  }
  return out;
}

}  // namespace eph
