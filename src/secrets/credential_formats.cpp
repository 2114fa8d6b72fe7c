#include "secrets/credential_formats.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "secrets/secret_name.h"
#include "secrets/value_shape.h"

namespace eph::secrets {
namespace {

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_lower(c) || is_upper(c) || is_digit(c); }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_upper_alnum(char c) { return is_upper(c) || is_digit(c); }
bool is_base64(char c) { return is_alnum(c) || c == '+' || c == '/' || c == '='; }
bool is_base64url(char c) { return is_alnum(c) || c == '-' || c == '_'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

char lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
std::string lowered(std::string_view v) {
  std::string out(v);
  for (char& c : out) c = lower(c);
  return out;
}

// Documented examples and fill-in-the-blank tokens (AKIAIOSFODNN7EXAMPLE, xoxb-your-token).
bool is_placeholder_token(std::string_view token) {
  std::string low = lowered(token);
  for (std::string_view p : {"example", "xxxx", "your", "****", "<", "placeholder", "dummy", "redacted", "sample"})
    if (low.find(p) != std::string::npos) return true;
  return false;
}

bool at_word_start(std::string_view text, size_t pos) { return pos == 0 || !is_alnum(text[pos - 1]); }

constexpr size_t kAny = std::string_view::npos;

using CharTest = bool (*)(char);
using TokenTest = bool (*)(std::string_view);

// `prefix` at the start of a word, then `min`..`max` characters of `body`, then the end of the word.
std::optional<CredentialMatch> find_prefixed(std::string_view text, std::string_view prefix, CharTest body, size_t min,
                                             size_t max, std::string_view kind, TokenTest extra = nullptr) {
  for (size_t pos = text.find(prefix); pos != std::string_view::npos; pos = text.find(prefix, pos + 1)) {
    if (!at_word_start(text, pos)) continue;
    // Stop one past `max`: a longer run is no match, and bounded runs keep the scan linear.
    size_t end = pos + prefix.size(), limit = max == kAny ? text.size() : std::min(text.size(), end + max + 1);
    while (end < limit && body(text[end])) ++end;
    size_t n = end - pos - prefix.size();
    if (n < min || n > max || (end < text.size() && is_alnum(text[end]))) continue;
    std::string_view token = text.substr(pos, end - pos);
    if (is_placeholder_token(token) || (extra && !extra(token))) continue;
    return CredentialMatch{kind, pos, end - pos};
  }
  return std::nullopt;
}

// ---------------------------------------------------------------- fixed-prefix tokens

std::optional<CredentialMatch> aws_access_key_id(std::string_view text) {
  for (std::string_view p : {"AKIA", "ASIA"})
    if (auto m = find_prefixed(text, p, is_upper_alnum, 16, 16, "AWS access key id")) return m;
  return std::nullopt;
}

std::optional<CredentialMatch> github_token(std::string_view text) {
  for (std::string_view p : {"ghp_", "gho_", "ghu_", "ghs_", "ghr_"})
    if (auto m = find_prefixed(text, p, is_alnum, 30, 255, "GitHub token")) return m;
  return find_prefixed(
      text, "github_pat_", [](char c) { return is_alnum(c) || c == '_'; }, 22, 255, "GitHub token");
}

std::optional<CredentialMatch> gitlab_token(std::string_view text) {
  for (std::string_view p : {"glpat-", "glptt-"})
    if (auto m = find_prefixed(text, p, is_base64url, 20, 255, "GitLab token")) return m;
  return std::nullopt;
}

bool has_six_digits(std::string_view token) { return std::count_if(token.begin(), token.end(), is_digit) >= 6; }

std::optional<CredentialMatch> slack_token(std::string_view text) {
  for (std::string_view p : {"xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe-", "xapp-"})
    if (auto m = find_prefixed(
            text, p, [](char c) { return is_alnum(c) || c == '-'; }, 20, 255, "Slack token", has_six_digits))
      return m;
  return std::nullopt;
}

bool is_slack_webhook_path(std::string_view token) {
  std::string_view path = token.substr(token.find("/services/") + 10);
  size_t last = path.rfind('/');
  return std::count(path.begin(), path.end(), '/') >= 2 && last != std::string_view::npos && path.size() - last - 1 >= 16;
}

std::optional<CredentialMatch> slack_webhook(std::string_view text) {
  constexpr std::string_view kHost = "hooks.slack.com/services/";
  size_t pos = text.find(kHost);
  if (pos == std::string_view::npos) return std::nullopt;
  size_t end = pos + kHost.size();
  while (end < text.size() && (is_alnum(text[end]) || text[end] == '/')) ++end;
  std::string_view token = text.substr(pos, end - pos);
  if (token.size() < kHost.size() + 20 || is_placeholder_token(token) || !is_slack_webhook_path(token))
    return std::nullopt;
  return CredentialMatch{"Slack webhook URL", pos, end - pos};
}

std::optional<CredentialMatch> stripe_key(std::string_view text) {
  for (std::string_view p : {"sk_live_", "rk_live_", "sk_test_", "rk_test_"})
    if (auto m = find_prefixed(text, p, is_alnum, 10, 255, "Stripe secret key")) return m;
  return find_prefixed(text, "whsec_", is_alnum, 24, 255, "Stripe webhook signing secret");
}

bool is_sendgrid_body(std::string_view token) {
  std::string_view body = token.substr(3);
  size_t dot = body.find('.');
  return dot != std::string_view::npos && dot >= 16 && body.size() - dot - 1 >= 16 &&
         body.find('.', dot + 1) == std::string_view::npos;
}

std::optional<CredentialMatch> sendgrid_key(std::string_view text) {
  return find_prefixed(
      text, "SG.", [](char c) { return is_base64url(c) || c == '.'; }, 33, 255, "SendGrid API key", is_sendgrid_body);
}

std::optional<CredentialMatch> twilio(std::string_view text) {
  if (auto m = find_prefixed(text, "SK", is_hex, 32, 32, "Twilio API key")) return m;
  // ACxxxx:token, the account SID and auth token as basic-auth credentials.
  for (size_t pos = text.find("AC"); pos != std::string_view::npos; pos = text.find("AC", pos + 1)) {
    if (!at_word_start(text, pos) || pos + 2 + 32 + 1 + 32 > text.size()) continue;
    std::string_view sid = text.substr(pos + 2, 32), token = text.substr(pos + 35, 32);
    if (text[pos + 34] != ':' || !std::all_of(sid.begin(), sid.end(), is_hex) ||
        !std::all_of(token.begin(), token.end(), is_hex))
      continue;
    if (pos + 67 < text.size() && is_alnum(text[pos + 67])) continue;
    return CredentialMatch{"Twilio account SID with its auth token", pos, 67};
  }
  return std::nullopt;
}

std::optional<CredentialMatch> google_api_key(std::string_view text) {
  return find_prefixed(text, "AIza", is_base64url, 35, 35, "Google API key");
}

// ---------------------------------------------------------------- structured secrets

std::optional<CredentialMatch> private_key_block(std::string_view text) {
  constexpr std::string_view kBegin = "-----BEGIN ";
  for (size_t pos = text.find(kBegin); pos != std::string_view::npos; pos = text.find(kBegin, pos + 1)) {
    size_t label_end = text.substr(0, std::min(text.size(), pos + 64)).find("-----", pos + kBegin.size());
    if (label_end == std::string_view::npos) continue;
    std::string_view label = text.substr(pos + kBegin.size(), label_end - pos - kBegin.size());
    if (label.find("PRIVATE KEY") == std::string_view::npos) continue;
    size_t body = label_end + 5, end = text.find("-----END", body);
    if (end == std::string_view::npos) end = text.size();
    std::string_view content = text.substr(body, end - body);
    // Key material, not "..." or a fill-in line; literal "\n" escapes count as noise.
    if (std::count_if(content.begin(), content.end(), is_base64) < 32 || is_placeholder_token(content)) continue;
    size_t stop = text.find("-----", end + 8);
    size_t length = (stop == std::string_view::npos ? text.size() : stop + 5) - pos;
    return CredentialMatch{"private key", pos, length};
  }
  return std::nullopt;
}

std::optional<nlohmann::json> decode_json_segment(std::string_view segment) {
  auto bytes = decode_base64(segment);
  if (!bytes) return std::nullopt;
  auto doc = nlohmann::json::parse(*bytes, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return std::nullopt;
  return doc;
}

std::optional<CredentialMatch> jwt(std::string_view text) {
  for (size_t pos = text.find("eyJ"); pos != std::string_view::npos; pos = text.find("eyJ", pos + 1)) {
    if (pos > 0 && (is_base64url(text[pos - 1]) || text[pos - 1] == '.')) continue;
    size_t segments[3] = {pos, 0, 0}, ends[3] = {0, 0, 0};
    size_t at = pos;
    bool ok = true;
    for (int i = 0; i < 3 && ok; ++i) {
      segments[i] = at;
      while (at < text.size() && is_base64url(text[at])) ++at;
      ends[i] = at;
      if (i < 2) {
        ok = at < text.size() && text[at] == '.' && ends[i] > segments[i];
        ++at;
      }
    }
    if (!ok) continue;
    auto part = [&](int i) { return text.substr(segments[i], ends[i] - segments[i]); };
    auto header = decode_json_segment(part(0));
    auto payload = decode_json_segment(part(1));
    if (!header || !payload || !header->contains("alg") || !(*header)["alg"].is_string()) continue;
    bool unsigned_token = (*header)["alg"].get<std::string>() == "none";
    if (!unsigned_token && part(2).size() < 16) continue;
    // Supabase's anon key is a JWT meant to be shipped to browsers.
    if (payload->contains("role") && (*payload)["role"] == "anon") continue;
    return CredentialMatch{"JSON Web Token", pos, ends[2] - pos};
  }
  return std::nullopt;
}

bool is_loopback_host(std::string_view host) {
  std::string h = lowered(host);
  return h == "localhost" || h.rfind("127.", 0) == 0 || h == "[::1]" || h == "::1" || h == "0.0.0.0" ||
         h == "host.docker.internal" || (h.size() > 10 && h.substr(h.size() - 10) == ".localhost");
}

// A password part that is still to be filled in: ${DB_PASSWORD}, {password}, <pass>, %s, $PASS, ****.
bool is_unfilled(std::string_view password) {
  if (password.empty() || is_placeholder(password)) return true;
  if (password.find("${") != std::string_view::npos || password.find("{{") != std::string_view::npos) return true;
  if (password.front() == '$' || password.front() == '%' || password.front() == '{' || password.front() == ':')
    return true;
  return false;
}

std::optional<CredentialMatch> url_password(std::string_view text) {
  for (size_t sep = text.find("://"); sep != std::string_view::npos; sep = text.find("://", sep + 3)) {
    size_t start = sep + 3, end = start;
    while (end < text.size() && text[end] != '/' && text[end] != '?' && text[end] != '#' && !is_space(text[end]) &&
           text[end] != '"' && text[end] != '\'')
      ++end;
    std::string_view authority = text.substr(start, end - start);
    size_t at = authority.rfind('@');
    if (at == std::string_view::npos) continue;
    std::string_view userinfo = authority.substr(0, at), host = authority.substr(at + 1);
    size_t colon = userinfo.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view password = userinfo.substr(colon + 1);
    if (is_unfilled(password)) continue;
    std::string_view hostname = host.substr(0, host.find_first_of(":,"));
    if (host.front() == '[') hostname = host.substr(0, host.find(']') + 1);
    if (is_loopback_host(hostname)) continue;
    return CredentialMatch{"URL with an embedded password", start + colon + 1, password.size()};
  }
  return std::nullopt;
}

// https://x.blob.core.windows.net/c?sv=...&sig=..., https://api.example.org/v1?api_key=...
std::optional<CredentialMatch> url_query_secret(std::string_view text) {
  for (size_t sep = text.find("://"); sep != std::string_view::npos; sep = text.find("://", sep + 3)) {
    // The URL ends at a blank or a quote; its query, if any, is inside it.
    size_t end = sep + 3, q = std::string_view::npos;
    while (end < text.size() && !is_space(text[end]) && text[end] != '"' && text[end] != '\'' && text[end] != '#') {
      if (text[end] == '?' && q == std::string_view::npos) q = end;
      ++end;
    }
    if (q == std::string_view::npos) {
      sep = end > 3 ? end - 3 : end;
      continue;
    }
    std::string_view query = text.substr(q + 1, end - q - 1);
    size_t from = 0;
    while (from <= query.size()) {
      size_t amp = query.find('&', from);
      std::string_view pair = query.substr(from, amp == std::string_view::npos ? kAny : amp - from);
      size_t eq = pair.find('=');
      if (eq != std::string_view::npos) {
        std::string_view key = pair.substr(0, eq), value = pair.substr(eq + 1);
        bool secret_key = key == "sig" || classify_name(key).strength == NameStrength::Value;
        if (secret_key && !is_unfilled(value) && looks_random(value))
          return CredentialMatch{"URL with a credential in its query", q + 1 + from + eq + 1, value.size()};
      }
      if (amp == std::string_view::npos) break;
      from = amp + 1;
    }
    sep = end > 3 ? end - 3 : end;
  }
  return std::nullopt;
}

// The Azure storage emulator's account key is published in Microsoft's documentation.
constexpr std::string_view kAzureEmulatorKey =
    "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

// Password=...; Pwd=...; AccountKey=...; SharedAccessKey=... in ADO.NET, ODBC, libpq, JDBC
// and Azure connection strings.
std::optional<CredentialMatch> connection_string_secret(std::string_view text) {
  std::string low = lowered(text);
  struct Key {
    std::string_view key;
    std::string_view kind;
  };
  static constexpr Key kKeys[] = {{"password=", "connection string with a password"},
                                  {"pwd=", "connection string with a password"},
                                  {"passwd=", "connection string with a password"},
                                  {"accountkey=", "connection string with an account key"},
                                  {"sharedaccesskey=", "connection string with a shared access key"}};
  for (const auto& k : kKeys) {
    for (size_t pos = low.find(k.key); pos != std::string::npos; pos = low.find(k.key, pos + 1)) {
      char before = pos == 0 ? ';' : low[pos - 1];
      if (before != ';' && before != ' ' && before != '&' && before != '?' && before != ',' && before != '\t')
        continue;
      // A lone key=value is a query or an assignment, not a connection string.
      if (low.find_first_of(";& ") == std::string::npos) continue;
      size_t start = pos + k.key.size(), end = start;
      char quote = start < text.size() && (text[start] == '\'' || text[start] == '"' || text[start] == '{')
                       ? (text[start] == '{' ? '}' : text[start])
                       : 0;
      if (quote) {
        end = text.find(quote, start + 1);
        if (end == std::string_view::npos) continue;
        ++start;
      } else {
        while (end < text.size() && text[end] != ';' && text[end] != '&' && !is_space(text[end])) ++end;
      }
      std::string_view value = text.substr(start, end - start);
      if (is_unfilled(value) || value == kAzureEmulatorKey) continue;
      return CredentialMatch{k.kind, start, value.size()};
    }
  }
  return std::nullopt;
}

// Authorization header values: "Basic base64(user:pass)", "Bearer <random>".
std::optional<CredentialMatch> authorization_header(std::string_view text) {
  for (std::string_view scheme : {"Basic ", "Bearer ", "basic ", "bearer "}) {
    size_t pos = text.find(scheme);
    if (pos == std::string_view::npos || !at_word_start(text, pos)) continue;
    size_t start = pos + scheme.size(), end = start;
    while (end < text.size() && (is_base64(text[end]) || text[end] == '-' || text[end] == '_' || text[end] == '.'))
      ++end;
    std::string_view credential = text.substr(start, end - start);
    if (scheme[1] == 'a') {  // Basic
      auto decoded = decode_base64(credential);
      if (!decoded || credential.size() < 8) continue;
      size_t colon = decoded->find(':');
      bool printable = std::all_of(decoded->begin(), decoded->end(), [](char c) { return c >= 0x20 && c < 0x7f; });
      if (!printable || colon == std::string::npos || is_unfilled(std::string_view(*decoded).substr(colon + 1)))
        continue;
      return CredentialMatch{"HTTP Basic credentials", start, credential.size()};
    }
    if (credential.size() >= 16 && looks_random(credential) && !is_placeholder_token(credential))
      return CredentialMatch{"bearer token", start, credential.size()};
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> decode_base64(std::string_view text) {
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  std::string out;
  out.reserve(text.size() * 3 / 4);
  unsigned buffer = 0;
  int bits = 0;
  for (char c : text) {
    int v;
    if (is_upper(c)) v = c - 'A';
    else if (is_lower(c)) v = c - 'a' + 26;
    else if (is_digit(c)) v = c - '0' + 52;
    else if (c == '+' || c == '-') v = 62;
    else if (c == '/' || c == '_') v = 63;
    else return std::nullopt;
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xff));
    }
  }
  if (bits >= 6) return std::nullopt;  // one dangling character: not base64
  return out;
}

std::optional<CredentialMatch> find_credential(std::string_view text) {
  using Scanner = std::optional<CredentialMatch> (*)(std::string_view);
  static constexpr Scanner kScanners[] = {
      private_key_block, aws_access_key_id, github_token,    gitlab_token,     slack_token,
      slack_webhook,     stripe_key,        sendgrid_key,    twilio,           google_api_key,
      jwt,               url_password,      url_query_secret, connection_string_secret, authorization_header,
  };
  for (Scanner scan : kScanners)
    if (auto m = scan(text)) return m;
  return std::nullopt;
}

bool contains_aws_access_key_id(std::string_view text) { return aws_access_key_id(text).has_value(); }

bool contains_twilio_account_sid(std::string_view text) {
  return find_prefixed(text, "AC", is_hex, 32, 32, "Twilio account SID").has_value();
}

bool is_aws_secret_access_key_shape(std::string_view value) {
  if (value.size() != 40 || is_placeholder_token(value)) return false;
  bool upper = false, lower_case = false, digit = false;
  for (char c : value) {
    if (!is_base64(c) || c == '=') return false;
    upper = upper || is_upper(c);
    lower_case = lower_case || is_lower(c);
    digit = digit || is_digit(c);
  }
  return upper && lower_case && digit;
}

bool is_twilio_auth_token_shape(std::string_view value) {
  return value.size() == 32 && std::all_of(value.begin(), value.end(), is_hex) &&
         std::any_of(value.begin(), value.end(), is_digit);
}

}  // namespace eph::secrets
