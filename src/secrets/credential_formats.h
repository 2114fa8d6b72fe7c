#pragma once
// Known credential formats, recognised inside any text whatever it is called: cloud and
// SaaS tokens with a fixed prefix, private key blocks, JWTs, and URLs or connection
// strings that carry a password. Each scanner is a hand-written linear pass (no regex on
// the hot path) and skips documented examples and placeholders.
#include <optional>
#include <string>
#include <string_view>

namespace eph::secrets {

struct CredentialMatch {
  std::string_view kind;  // "AWS access key id", "GitHub token", "URL with an embedded password"...
  size_t offset = 0;      // where in the text
  size_t length = 0;
};

// The first credential of a known format in `text`.
std::optional<CredentialMatch> find_credential(std::string_view text);

// Context clues for neighbouring values in the same environment.
bool contains_aws_access_key_id(std::string_view text);
bool contains_twilio_account_sid(std::string_view text);

// Whole-value shapes that are only credentials in context.
bool is_aws_secret_access_key_shape(std::string_view value);  // 40 base64 characters, mixed
bool is_twilio_auth_token_shape(std::string_view value);      // 32 hex digits

// RFC 4648 base64 or base64url, padding optional; nullopt when not decodable.
std::optional<std::string> decode_base64(std::string_view text);

}  // namespace eph::secrets
