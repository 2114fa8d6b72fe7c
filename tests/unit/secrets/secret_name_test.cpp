// Names split into words, and what a name says about its value.
#include <doctest/doctest.h>

#include "secrets/secret_name.h"
#include "secrets/value_shape.h"

using namespace eph::secrets;

TEST_CASE("names split into words in every casing") {
  using W = std::vector<std::string>;
  CHECK(split_words("DB_PASSWORD") == W{"db", "password"});
  CHECK(split_words("dbPassword") == W{"db", "password"});
  CHECK(split_words("db-password") == W{"db", "password"});
  CHECK(split_words("db.password") == W{"db", "password"});
  CHECK(split_words("APIKey") == W{"api", "key"});
  CHECK(split_words("apiKeyV2") == W{"api", "key", "v2"});
  CHECK(split_words("Auth2Token") == W{"auth2", "token"});
  CHECK(split_words("__x__") == W{"x"});
  CHECK(split_words("").empty());
}

TEST_CASE("a name holds, contains or mentions a secret") {
  CHECK(classify_name("DB_PASSWORD").strength == NameStrength::Value);
  CHECK(classify_name("DB_PASSWORD").what == "password");
  CHECK(classify_name("API_KEY").what == "API key");
  CHECK(classify_name("GITHUB_TOKEN").strength == NameStrength::Value);
  CHECK(classify_name("CLIENT_SECRET").strength == NameStrength::Value);
  CHECK(classify_name("clientSecret").strength == NameStrength::Value);
  CHECK(classify_name("CLIENTSECRET").strength == NameStrength::Value);
  CHECK(classify_name("DB_SECRET").strength == NameStrength::Container);
  CHECK(classify_name("AUTH").strength == NameStrength::Container);
  CHECK(classify_name("BASIC_AUTH").strength == NameStrength::Container);
  CHECK(classify_name("SECRET_ARN").strength == NameStrength::None);
  CHECK(classify_name("SECRET_NAME").strength == NameStrength::None);
  CHECK(classify_name("TOKEN_URL").strength == NameStrength::None);
  CHECK(classify_name("PASSWORD_MIN_LENGTH").strength == NameStrength::None);
  CHECK(classify_name("AUTHOR").strength == NameStrength::None);
  CHECK(classify_name("KEY").strength == NameStrength::None);
  CHECK(classify_name("CACHE_KEY").strength == NameStrength::None);
  CHECK(classify_name("TABLE_NAME").strength == NameStrength::None);
  // The last secret word decides whether what follows is a mention.
  CHECK(classify_name("DB_PASSWORD_SECRET_ARN").strength == NameStrength::None);
  CHECK(classify_name("SECRET_TOKEN").strength == NameStrength::Value);
  // Configured names, matched as word sequences.
  std::vector<std::vector<std::string>> extra = {{"encryption", "key"}};
  CHECK(classify_name("APP_ENCRYPTION_KEY", extra).strength == NameStrength::Value);
  CHECK(classify_name("ENCRYPTION", extra).strength == NameStrength::None);
}

TEST_CASE("names of the parts of a secret that are not secret") {
  CHECK(names_non_secret_part("username"));
  CHECK(names_non_secret_part("DB_USERNAME"));
  CHECK(names_non_secret_part("rds_port"));
  CHECK(names_non_secret_part("DATABASE"));
  CHECK(names_non_secret_part("clientId"));
  CHECK_FALSE(names_non_secret_part("DB_PASSWORD"));
  CHECK_FALSE(names_non_secret_part("API_KEY"));
  CHECK_FALSE(names_non_secret_part("TOKEN_NAME"));  // a mention, but of a token: not a plain part
  CHECK_FALSE(names_non_secret_part("WEBHOOK_SECRET"));
}

TEST_CASE("value shapes") {
  CHECK(is_wordish("orders-db-password"));
  CHECK(is_wordish("handler.main"));
  CHECK(is_wordish("/app/prod/db-password"));
  CHECK(is_wordish("myServiceName"));
  CHECK_FALSE(is_wordish("hunter2-prod-7f3a"));
  CHECK_FALSE(is_wordish("aBcDeFgHiJ"));
  CHECK(looks_random("Zq8vN2pL5wXr"));
  CHECK(looks_random("s3cr3tP@ss"));
  CHECK_FALSE(looks_random("cognito"));
  CHECK_FALSE(looks_random("aaaaaaaaaa1"));
  CHECK(shannon_entropy("aaaa") == doctest::Approx(0.0));
  CHECK(shannon_entropy("abcd") == doctest::Approx(2.0));
  CHECK(is_not_a_secret("1.5e3"));
  CHECK_FALSE(is_not_a_secret("Zq8vN2pL5wXr"));
  CHECK(is_not_a_secret("-2.5"));
  CHECK(trim("  x \n") == "x");
}
