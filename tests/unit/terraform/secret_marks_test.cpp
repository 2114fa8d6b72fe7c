// The marks EPH302 reads, as the Terraform front-end sets them: sensitive inputs and the
// attributes that hold a secret's plain-text value.
#include <doctest/doctest.h>

#include "memory_files.h"

using namespace eph;
using eph::tftest::attr;
using eph::tftest::load_tf;

TEST_CASE("Terraform values that carry a secret are marked") {
  LoadedUnit unit = load_tf(R"(
variable "password" {
  type      = string
  sensitive = true
}
resource "aws_secretsmanager_secret_version" "v" {}
data "aws_secretsmanager_secret_version" "d" {}
resource "aws_ssm_parameter" "secure" {
  type = "SecureString"
}
resource "aws_ssm_parameter" "plain" {
  type = "String"
}
resource "random_password" "p" {}
resource "aws_cognito_user_pool_client" "c" {}
resource "aws_lambda_function" "f" {
  environment {
    variables = {
      SENSITIVE = var.password
      VERSION   = aws_secretsmanager_secret_version.v.secret_string
      DATA      = jsondecode(data.aws_secretsmanager_secret_version.d.secret_string)["password"]
      SECURE    = aws_ssm_parameter.secure.value
      RANDOM    = "pw:${random_password.p.result}"
      CLIENT    = aws_cognito_user_pool_client.c.client_secret
      PLAIN     = aws_ssm_parameter.plain.value
      CLIENT_ID = aws_cognito_user_pool_client.c.id
    }
  }
}
)");
  auto env = [&](const char* name) { return attr(unit, "aws_lambda_function.f", std::string("environment/variables/") + name); };
  REQUIRE(env("SENSITIVE"));
  CHECK(env("SENSITIVE")->has_mark(kSensitive));
  for (const char* name : {"VERSION", "DATA", "SECURE", "RANDOM", "CLIENT"}) {
    std::string variable_name = name;
    CAPTURE(variable_name);
    REQUIRE(env(name));
    CHECK(env(name)->has_mark(kSecretValue));
  }
  for (const char* name : {"PLAIN", "CLIENT_ID"}) {
    std::string variable_name = name;
    CAPTURE(variable_name);
    REQUIRE(env(name));
    CHECK(env(name)->marks == 0);
  }
}
