#include "secrets/secret_detector.h"

#include <nlohmann/json.hpp>

#include "secrets/credential_formats.h"
#include "secrets/secret_name.h"
#include "secrets/value_shape.h"

namespace eph::secrets {
namespace {

constexpr int kMaxJsonDepth = 3;
// Environment values are small (Lambda allows 4 KB in all); a huge literal is examined
// only this far, which keeps every scan bounded.
constexpr size_t kMaxScanBytes = 64 * 1024;
constexpr size_t kMinNamedSecretLength = 6;

// orders-db-password, prod_api_token: words that name a secret, so the value is the
// name of a store entry rather than the secret itself.
bool names_a_secret(std::string_view value) {
  for (const auto& word : split_words(value)) {
    if (word == "key" || word == "keys") return true;
    if (classify_name(word).strength != NameStrength::None) return true;
  }
  return false;
}

bool mentions_aws(std::string_view name) {
  for (const auto& word : split_words(name))
    if (word == "aws") return true;
  return false;
}

}  // namespace

SecretDetector::SecretDetector(const DetectorOptions& options) {
  for (const auto& name : options.secret_names) {
    auto words = split_words(name);
    if (!words.empty()) extra_names_.push_back(std::move(words));
  }
  allowed_.insert(options.allowed_values.begin(), options.allowed_values.end());
}

std::vector<std::optional<Detection>> SecretDetector::scan(const std::vector<EnvEntry>& environment) const {
  Neighbours near;
  for (const auto& e : environment) {
    near.aws_access_key_id = near.aws_access_key_id || contains_aws_access_key_id(e.value);
    near.twilio_account_sid = near.twilio_account_sid || contains_twilio_account_sid(e.value);
  }
  std::vector<std::optional<Detection>> out;
  out.reserve(environment.size());
  for (const auto& e : environment) out.push_back(classify(e.name, e.value, near, 0));
  return out;
}

std::optional<Detection> SecretDetector::classify(std::string_view name, std::string_view value) const {
  return classify(name, value, Neighbours{}, 0);
}

std::optional<Detection> SecretDetector::classify(std::string_view name, std::string_view value,
                                                  const Neighbours& near, int depth) const {
  std::string_view v = trim(value);
  if (v.empty() || allowed_.count(v) || allowed_.count(value)) return std::nullopt;
  if (v.size() > kMaxScanBytes) v = v.substr(0, kMaxScanBytes);

  if (auto m = find_credential(v)) return Detection{std::string(m->kind), true};

  NameVerdict verdict = classify_name(name, extra_names_);
  if (is_aws_secret_access_key_shape(v) &&
      (near.aws_access_key_id || verdict.strength != NameStrength::None || mentions_aws(name)))
    return Detection{"AWS secret access key", near.aws_access_key_id};
  if (near.twilio_account_sid && is_twilio_auth_token_shape(v)) return Detection{"Twilio auth token", true};
  if (v.front() == '{' && depth < kMaxJsonDepth)
    if (auto inner = classify_json(v, near, depth)) return inner;

  if (verdict.strength == NameStrength::None || is_not_a_secret(v)) return std::nullopt;
  if (verdict.strength == NameStrength::Value) {
    if (v.size() < kMinNamedSecretLength || (is_wordish(v) && names_a_secret(v))) return std::nullopt;
    return Detection{verdict.what, false};
  }
  if (looks_random(v)) return Detection{verdict.what, false};
  return std::nullopt;
}

// A JSON document whose fields hold secrets: {"username": "app", "password": "..."}.
std::optional<Detection> SecretDetector::classify_json(std::string_view value, const Neighbours& near,
                                                       int depth) const {
  auto doc = nlohmann::json::parse(value, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return std::nullopt;
  for (const auto& [key, field] : doc.items()) {
    std::string text = field.is_string() ? field.get<std::string>() : field.is_object() ? field.dump() : std::string();
    if (text.empty()) continue;
    if (auto inner = classify(key, text, near, depth + 1)) {
      inner->what += " (in the JSON field \"" + key + "\")";
      return inner;
    }
  }
  return std::nullopt;
}

}  // namespace eph::secrets
