#include "secrets/secret_name.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <optional>

namespace eph::secrets {
namespace {

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
char lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// "password2" and "password" name the same thing.
std::string_view without_trailing_digits(std::string_view w) {
  while (!w.empty() && is_digit(w.back())) w.remove_suffix(1);
  return w;
}

struct SecretWord {
  std::string_view word;
  NameStrength strength;
  std::string_view what;
};

constexpr std::array kWords = {
    SecretWord{"password", NameStrength::Value, "password"},
    SecretWord{"passwd", NameStrength::Value, "password"},
    SecretWord{"pwd", NameStrength::Value, "password"},
    SecretWord{"pass", NameStrength::Value, "password"},
    SecretWord{"passphrase", NameStrength::Value, "passphrase"},
    SecretWord{"token", NameStrength::Value, "token"},
    SecretWord{"tokens", NameStrength::Value, "token"},
    SecretWord{"apikey", NameStrength::Value, "API key"},
    SecretWord{"apikeys", NameStrength::Value, "API key"},
    SecretWord{"privatekey", NameStrength::Value, "private key"},
    SecretWord{"accesskey", NameStrength::Value, "access key"},
    SecretWord{"secretkey", NameStrength::Value, "secret key"},
    SecretWord{"authkey", NameStrength::Value, "auth key"},
    SecretWord{"secret", NameStrength::Container, "secret"},
    SecretWord{"secrets", NameStrength::Container, "secret"},
    SecretWord{"credential", NameStrength::Container, "credential"},
    SecretWord{"credentials", NameStrength::Container, "credential"},
    SecretWord{"creds", NameStrength::Container, "credential"},
    SecretWord{"auth", NameStrength::Container, "credential"},
};

// Two words that together name a secret: API_KEY, privateKey, ACCOUNT_KEY (Azure storage).
struct SecretPair {
  std::string_view first, second;
  std::string_view what;
};
constexpr std::array kPairs = {
    SecretPair{"api", "key", "API key"},         SecretPair{"private", "key", "private key"},
    SecretPair{"access", "key", "access key"},   SecretPair{"secret", "key", "secret key"},
    SecretPair{"auth", "key", "auth key"},       SecretPair{"account", "key", "account key"},
    SecretPair{"master", "key", "master key"},   SecretPair{"license", "key", "license key"},
};

// A secret word after these is the secret itself, not a store entry: CLIENT_SECRET, JWT_SECRET.
constexpr std::string_view kValueSecretPrefixes[] = {
    "client", "jwt", "webhook", "app", "api", "signing", "shared", "hmac", "consumer", "session", "cookie", "token"};

// Words that, after the secret word, say the value is about the secret, not the secret:
// SECRET_ARN, TOKEN_URL, PASSWORD_MIN_LENGTH, PRIVATE_KEY_PATH, AUTH_TYPE.
constexpr std::string_view kMentionWords[] = {
    "arn", "arns", "name", "names", "id", "ids", "identifier", "url", "urls", "uri", "endpoint", "endpoints",
    "host", "hostname", "domain", "path", "paths", "file", "files", "filename", "dir", "directory", "folder",
    "parameter", "parameters", "param", "params", "ssm", "length", "len", "min", "max", "minimum", "maximum",
    "ttl", "expiry", "expiration", "expires", "expire", "timeout", "type", "types", "header", "headers", "field",
    "version", "region", "bucket", "table", "prefix", "suffix", "enabled", "enable", "disabled", "disable",
    "required", "require", "rotation", "rotate", "policy", "provider", "issuer", "audience", "scope", "scopes",
    "duration", "lifetime", "age", "count", "format", "algorithm", "alg", "location", "store", "vault", "ref",
    "reference", "source", "mode", "method", "scheme", "flow", "level", "role", "user", "username", "email",
    "port", "cache", "manager", "service", "server", "extension", "seconds", "minutes", "hours", "days", "ms",
    "size", "limit", "retries", "interval", "window", "threshold", "strength", "pattern", "regex", "env", "var",
    "variable", "hint", "label", "kms", "topic", "queue", "pool", "api", "function", "handler", "flag", "through",
    "template", "policies", "secs"};

bool is_mention_word(std::string_view w) {
  return std::find(std::begin(kMentionWords), std::end(kMentionWords), w) != std::end(kMentionWords);
}

bool is_value_secret_prefix(std::string_view w) {
  return std::find(std::begin(kValueSecretPrefixes), std::end(kValueSecretPrefixes), w) != std::end(kValueSecretPrefixes);
}

// A single word, including run-together compounds (DBPASSWORD, AUTHTOKEN, CLIENTSECRET).
std::optional<SecretWord> secret_word(std::string_view w) {
  for (const auto& s : kWords)
    if (w == s.word) return s;
  for (std::string_view tail : {"password", "passwd", "passphrase"})
    if (w.ends_with(tail)) return SecretWord{w, NameStrength::Value, "password"};
  if (w.ends_with("token")) return SecretWord{w, NameStrength::Value, "token"};
  for (std::string_view tail : {"apikey", "privatekey", "accesskey", "secretkey"})
    if (w.ends_with(tail)) return SecretWord{w, NameStrength::Value, "key"};
  if (w.ends_with("secret")) {
    std::string_view head = w.substr(0, w.size() - 6);
    return SecretWord{w, is_value_secret_prefix(head) ? NameStrength::Value : NameStrength::Container, "secret"};
  }
  return std::nullopt;
}

}  // namespace

std::vector<std::string> split_words(std::string_view name) {
  std::vector<std::string> words;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) words.push_back(std::move(cur));
    cur.clear();
  };
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (!is_lower(c) && !is_upper(c) && !is_digit(c)) {
      flush();
      continue;
    }
    if (is_upper(c) && !cur.empty()) {
      char prev = name[i - 1];
      bool next_lower = i + 1 < name.size() && is_lower(name[i + 1]);
      // "apiKey" -> api|Key; "APIKey" -> API|Key; "Auth2Token" -> Auth2|Token.
      if (is_lower(prev) || is_digit(prev) || (is_upper(prev) && next_lower)) flush();
    }
    cur.push_back(lower(c));
  }
  flush();
  return words;
}

NameVerdict classify_name(std::string_view name, const std::vector<std::vector<std::string>>& extra) {
  std::vector<std::string> raw = split_words(name);
  std::vector<std::string_view> words;
  words.reserve(raw.size());
  for (const auto& w : raw) words.push_back(without_trailing_digits(w));

  NameVerdict best;
  size_t last_end = 0;  // one past the last word that named a secret
  auto consider = [&](NameStrength s, std::string_view what, size_t end) {
    if (s > best.strength) best = NameVerdict{s, std::string(what)};
    last_end = std::max(last_end, end);
  };
  for (size_t i = 0; i < words.size(); ++i) {
    if (auto s = secret_word(words[i])) {
      NameStrength strength = s->strength;
      // CLIENT_SECRET, JWT_SECRET hold the secret itself.
      if (strength == NameStrength::Container && s->what == "secret" && i > 0 && is_value_secret_prefix(words[i - 1]))
        strength = NameStrength::Value;
      consider(strength, s->what, i + 1);
    }
    if (i + 1 < words.size()) {
      for (const auto& p : kPairs)
        if (words[i] == p.first && words[i + 1] == p.second) consider(NameStrength::Value, p.what, i + 2);
    }
    for (const auto& seq : extra) {
      if (seq.empty() || i + seq.size() > words.size()) continue;
      bool match = true;
      for (size_t k = 0; k < seq.size() && match; ++k) match = words[i + k] == seq[k];
      if (match) consider(NameStrength::Value, "secret", i + seq.size());
    }
  }
  if (best.strength == NameStrength::None) return best;
  for (size_t i = last_end; i < words.size(); ++i)
    if (is_mention_word(words[i])) return NameVerdict{};
  return best;
}

bool names_non_secret_part(std::string_view name) {
  std::vector<std::string> words = split_words(name);
  if (words.empty()) return false;
  // Any secret word, even one only mentioned (TOKEN_NAME), and the name is not a plain part.
  for (const auto& w : words)
    if (secret_word(without_trailing_digits(w))) return false;
  if (classify_name(name).strength != NameStrength::None) return false;
  static constexpr std::string_view kParts[] = {"user", "username", "login", "host", "hostname", "port",
                                                "endpoint", "database", "dbname", "name", "engine", "region",
                                                "schema", "cluster", "identifier", "id"};
  std::string_view last = without_trailing_digits(words.back());
  return std::find(std::begin(kParts), std::end(kParts), last) != std::end(kParts);
}

}  // namespace eph::secrets
