#include "secrets/value_shape.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

namespace eph::secrets {
namespace {

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return is_lower(c) || is_upper(c); }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_separator(char c) { return c == '-' || c == '_' || c == '.' || c == ':' || c == '/' || c == '@'; }

std::string lowered(std::string_view v) {
  std::string out(v);
  for (char& c : out)
    if (is_upper(c)) c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }
bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// One segment of a name: a word (lower, UPPER, Capitalized or camelCase) with at most
// two trailing digits (v2, db1), a short number (2024), or a short token (k8s, s3).
bool is_word_segment(std::string_view seg) {
  if (seg.size() <= 3) return true;
  size_t letters = 0;
  while (letters < seg.size() && is_alpha(seg[letters])) ++letters;
  if (letters == 0) return seg.size() <= 6 && std::all_of(seg.begin(), seg.end(), is_digit);
  std::string_view digits = seg.substr(letters);
  if (digits.size() > 2 || !std::all_of(digits.begin(), digits.end(), is_digit)) return false;
  // Random mixed case changes case far more often than camelCase does.
  size_t humps = 0;
  for (size_t i = 1; i < letters; ++i)
    if (is_lower(seg[i - 1]) && is_upper(seg[i])) ++humps;
  return humps * 4 <= letters;
}

bool is_boolean_word(std::string_view lower) {
  static constexpr std::string_view kWords[] = {"true", "false", "yes",  "no",   "on",        "off",      "enabled",
                                                "disabled", "none", "null", "nil", "undefined", "required", "optional"};
  return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}

bool is_number(std::string_view v) {
  size_t i = 0;
  auto sign = [&] {
    if (i < v.size() && (v[i] == '-' || v[i] == '+')) ++i;
  };
  auto digits = [&] {
    size_t from = i;
    while (i < v.size() && is_digit(v[i])) ++i;
    return i - from;
  };
  sign();
  size_t whole = digits(), fraction = 0;
  if (i < v.size() && v[i] == '.') {
    ++i;
    fraction = digits();
  }
  if (whole + fraction == 0) return false;
  if (i < v.size() && (v[i] == 'e' || v[i] == 'E')) {
    ++i;
    sign();
    if (digits() == 0) return false;
  }
  return i == v.size();
}

// ${VAR}, $(cmd), #{VAR}, {{ var }}, %VAR%, $VAR: filled in by some tool later.
bool is_template_reference(std::string_view v) {
  if (contains(v, "${") || contains(v, "$(") || contains(v, "#{") || contains(v, "{{")) return true;
  if (v.size() >= 3 && v.front() == '%' && v.back() == '%') return true;
  // $VAR, $context.requestId (API Gateway), $$.Task.Token and $.input (Step Functions paths).
  if (v.size() >= 2 && v.front() == '$' && (is_alpha(v[1]) || v[1] == '_' || v[1] == '$' || v[1] == '.'))
    return std::all_of(v.begin() + 1, v.end(), [](char c) { return is_alnum(c) || c == '_' || c == '.' || c == '$'; });
  return false;
}

bool is_email(std::string_view v) {
  size_t at = v.find('@');
  if (at == std::string_view::npos || at == 0 || v.find('@', at + 1) != std::string_view::npos) return false;
  std::string_view domain = v.substr(at + 1);
  return contains(domain, ".") && is_wordish(v.substr(0, at)) && is_wordish(domain);
}

bool is_path(std::string_view v) {
  if (starts_with(v, "./") || starts_with(v, "../") || starts_with(v, "~/")) return true;
  if (v.size() >= 3 && is_alpha(v[0]) && v[1] == ':' && v[2] == '\\') return true;  // C:\certs\ca.pem
  return false;
}

}  // namespace

std::string_view trim(std::string_view v) {
  while (!v.empty() && is_space(v.front())) v.remove_prefix(1);
  while (!v.empty() && is_space(v.back())) v.remove_suffix(1);
  return v;
}

double shannon_entropy(std::string_view s) {
  if (s.empty()) return 0;
  std::array<unsigned, 256> counts{};
  for (unsigned char c : s) ++counts[c];
  double h = 0, n = static_cast<double>(s.size());
  for (unsigned c : counts) {
    if (!c) continue;
    double p = c / n;
    h -= p * std::log2(p);
  }
  return h;
}

bool is_wordish(std::string_view v) {
  if (v.empty()) return false;
  bool letter = false;
  size_t start = 0;
  for (size_t i = 0; i <= v.size(); ++i) {
    if (i < v.size() && !is_separator(v[i])) {
      if (!is_alnum(v[i])) return false;
      letter = letter || is_alpha(v[i]);
      continue;
    }
    if (!is_word_segment(v.substr(start, i - start))) return false;
    start = i + 1;
  }
  return letter;
}

bool looks_random(std::string_view v) {
  if (v.size() < 8 || is_wordish(v)) return false;
  bool lower = false, upper = false, digit = false, other = false;
  for (char c : v) {
    if (is_space(c)) return false;
    lower = lower || is_lower(c);
    upper = upper || is_upper(c);
    digit = digit || is_digit(c);
    other = other || !is_alnum(c);
  }
  if (lower + upper + digit + other < 2) return false;
  double floor = 0.6 * std::log2(static_cast<double>(std::min<size_t>(v.size(), 64)));
  double h = shannon_entropy(v);
  return h >= floor && h >= 2.5;
}

bool is_placeholder(std::string_view v) {
  v = trim(v);
  if (v.empty()) return true;
  // xxxx, ****, ...., 0000, ????
  if (std::all_of(v.begin(), v.end(), [](char c) { return c == 'x' || c == 'X' || c == '*' || c == '.' || c == '-' || c == '#' || c == '0' || c == '?'; }))
    return true;
  auto enclosed = [&](char open, char close) { return v.size() >= 2 && v.front() == open && v.back() == close; };
  // <your token here>; [TOKEN], {password}, %PASSWORD% around a bare name (a JSON object is not one).
  if (enclosed('<', '>')) return true;
  if ((enclosed('[', ']') || enclosed('{', '}') || enclosed('%', '%')) && is_wordish(v.substr(1, v.size() - 2)))
    return true;
  if (v.size() > 4 && starts_with(v, "__") && v.substr(v.size() - 2) == "__") return true;
  std::string low = lowered(v);
  static constexpr std::string_view kParts[] = {"changeme", "change_me", "change-me", "changeit", "replaceme",
                                                "replace_me", "replace-me", "replace-with", "replace_with",
                                                "placeholder", "example", "dummy", "redacted", "xxxx", "****", "<", ">"};
  for (auto p : kParts)
    if (contains(low, p)) return true;
  static constexpr std::string_view kPrefixes[] = {"your", "insert", "enter-", "enter_", "put-", "put_",
                                                   "todo", "tbd", "fixme", "replace"};
  for (auto p : kPrefixes)
    if (starts_with(low, p)) return true;
  static constexpr std::string_view kWords[] = {"secret", "password", "passwd", "token", "apikey", "api_key", "api-key",
                                                "test", "testing", "default", "empty", "notset", "not-set", "unset",
                                                "foo", "bar", "foobar", "n/a", "na", "unknown", "value", "string", "local",
                                                // the sequences people type for "some value here"
                                                "abc123", "123abc", "abcdef", "abcd1234", "123456", "1234567890",
                                                "qwerty"};
  return std::find(std::begin(kWords), std::end(kWords), low) != std::end(kWords);
}

bool is_not_a_secret(std::string_view v) {
  v = trim(v);
  if (v.empty()) return true;
  std::string low = lowered(v);
  if (is_boolean_word(low) || is_number(v)) return true;
  if (std::any_of(v.begin(), v.end(), is_space)) return true;  // prose, not key material
  if (is_placeholder(v) || is_template_reference(v)) return true;
  if (starts_with(low, "arn:") || contains(low, "{{resolve:")) return true;
  // Azure app settings that Azure resolves from Key Vault or App Configuration.
  if (starts_with(low, "@microsoft.keyvault(") || starts_with(low, "@microsoft.appconfiguration(")) return true;
  if (contains(v, "://")) return true;
  if (is_path(v) || is_email(v)) return true;
  // A name, host, handler or path: words joined by . : / (handler.main, db.example.com, /app/prod/db-password).
  if (is_wordish(v) && v.find_first_of(".:/") != std::string_view::npos) return true;
  return false;
}

}  // namespace eph::secrets
