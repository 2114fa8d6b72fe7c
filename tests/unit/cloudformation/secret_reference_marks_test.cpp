// Dynamic references to secrets keep their mark when the rest of the string is unknown
// (EPH302 reads the mark; the value itself cannot be known before deployment).
#include <doctest/doctest.h>

#include "test_support.h"

using namespace eph;
using eph::testing::find_resource;
using eph::testing::load;

namespace {

const Value* variable(const LoadedUnit& unit, const char* name) {
  const NativeResource* fn = find_resource(unit, "Fn");
  REQUIRE(fn);
  return fn->body.at(std::string("Environment/Variables/") + name);
}

}  // namespace

TEST_CASE("secret dynamic references are marked inside Fn::Sub and Fn::Join with unknown parts") {
  LoadedUnit unit = load(R"(
Resources:
  Secret:
    Type: AWS::SecretsManager::Secret
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Environment:
        Variables:
          SUB: !Sub "{{resolve:secretsmanager:${Secret}:SecretString:password}}"
          JOIN: !Join ["", ["{{resolve:secretsmanager:", !Ref Secret, ":SecretString:password}}"]]
          SECURE: !Sub "{{resolve:ssm-secure:/${AWS::StackName}/db:1}}"
          PLAIN: !Sub "{{resolve:ssm:/${AWS::StackName}/table}}"
          NAME: !Sub "${AWS::StackName}-orders"
          USERNAME: !Sub "{{resolve:secretsmanager:${Secret}:SecretString:username}}"
          USERNAME_JOINED: !Join ["", ["{{resolve:secretsmanager:", !Ref Secret, ":SecretString:username}}"]]
          ARN_ID: "{{resolve:secretsmanager:arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf:SecretString:password}}"
          WHOLE: "{{resolve:secretsmanager:prod/db}}"
)");
  for (const char* name : {"SUB", "JOIN", "SECURE", "ARN_ID", "WHOLE"}) {
    std::string variable_name = name;
    CAPTURE(variable_name);
    const Value* v = variable(unit, name);
    REQUIRE(v);
    CHECK(v->has_mark(kSecretRef));
  }
  // A field that is not secret (the user name of a database secret) resolves to nothing secret.
  for (const char* name : {"PLAIN", "NAME", "USERNAME", "USERNAME_JOINED"}) {
    std::string variable_name = name;
    CAPTURE(variable_name);
    const Value* v = variable(unit, name);
    REQUIRE(v);
    CHECK_FALSE(v->has_mark(kSecretRef));
  }
}

TEST_CASE("attributes that hold a secret are marked: a user pool client's secret, an access key's secret") {
  LoadedUnit unit = load(R"(
Resources:
  Client:
    Type: AWS::Cognito::UserPoolClient
  Key:
    Type: AWS::IAM::AccessKey
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Environment:
        Variables:
          CLIENT_SECRET: !GetAtt Client.ClientSecret
          ACCESS_SECRET: !Sub "${Key.SecretAccessKey}"
          CLIENT_ID: !Ref Client
          CLIENT_NAME: !GetAtt Client.Name
)");
  for (const char* name : {"CLIENT_SECRET", "ACCESS_SECRET"}) {
    std::string variable_name = name;
    CAPTURE(variable_name);
    const Value* v = variable(unit, name);
    REQUIRE(v);
    CHECK(v->has_mark(kSecretValue));
  }
  for (const char* name : {"CLIENT_ID", "CLIENT_NAME"}) {
    std::string variable_name = name;
    CAPTURE(variable_name);
    const Value* v = variable(unit, name);
    REQUIRE(v);
    CHECK_FALSE(v->has_mark(kSecretValue));
  }
}
