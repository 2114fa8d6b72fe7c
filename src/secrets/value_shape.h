#pragma once
// The shape of a literal: does it read like a name, a path, a placeholder, a reference
// to a secret store, or like random key material? These tests keep EPH301 quiet on the
// values users of other scanners complain about most.
#include <string_view>

namespace eph::secrets {

// Shannon entropy in bits per character.
double shannon_entropy(std::string_view s);

// Words joined by - _ . : / @ (orders-db-password, handler.main, /app/prod/db-password,
// us-east-1, myServiceName): reads like a name, never like key material.
bool is_wordish(std::string_view v);

// Long enough, several character classes, high entropy, and not wordish.
bool looks_random(std::string_view v);

// A value that stands in for a secret still to be supplied: "changeme", "xxxx",
// "<your-token>", "${DB_PASSWORD}", "REPLACE_ME", AWS's documented example keys.
bool is_placeholder(std::string_view v);

// Never a literal secret whatever its name: empty, booleans, numbers, placeholders,
// references to a secret store (ARNs, {{resolve:...}}), template and environment
// references, paths and names, URLs (their credentials are judged elsewhere), e-mail
// addresses, and prose (values with spaces).
bool is_not_a_secret(std::string_view v);

// Surrounding blanks removed.
std::string_view trim(std::string_view v);

}  // namespace eph::secrets
