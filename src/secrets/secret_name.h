#pragma once
// What a variable's name says about its value. Names are split into words (camelCase,
// snake_case, kebab-case, dots) so that AUTH matches BASIC_AUTH but not AUTHOR, and a
// name that merely mentions a secret (SECRET_ARN, TOKEN_URL, PASSWORD_MIN_LENGTH) is
// told apart from one that holds it.
#include <string>
#include <string_view>
#include <vector>

namespace eph::secrets {

// Lower-case words of a name: "dbPassword" -> {db, password}, "API_KEY" -> {api, key},
// "OAuth2Token" -> {o, auth2, token}... digits stay with the word they follow.
std::vector<std::string> split_words(std::string_view name);

enum class NameStrength {
  None,       // nothing secret in the name, or it only mentions one (SECRET_ARN)
  Container,  // the value may be a secret or the name of one: SECRET, CREDENTIALS, AUTH
  Value,      // the value is the secret itself: PASSWORD, TOKEN, API_KEY, PRIVATE_KEY
};

struct NameVerdict {
  NameStrength strength = NameStrength::None;
  std::string what;  // the secret the name speaks of, for messages: "password", "API key"
};

// `extra` are configured secret names ("encryption_key", "license"): their words, in
// order, anywhere in the name make it a Value name.
NameVerdict classify_name(std::string_view name, const std::vector<std::vector<std::string>>& extra = {});

// A name for a part of a secret that is not itself secret: DB_USERNAME, DB_HOST, RDS_PORT,
// DATABASE_NAME (the fields of a database secret next to its password).
bool names_non_secret_part(std::string_view name);

}  // namespace eph::secrets
