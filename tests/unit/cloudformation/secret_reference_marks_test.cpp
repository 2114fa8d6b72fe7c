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
)");
  for (const char* name : {"SUB", "JOIN", "SECURE"}) {
    CAPTURE(name);
    const Value* v = variable(unit, name);
    REQUIRE(v);
    CHECK(v->is_unknown());
    CHECK(v->has_mark(kSecretRef));
  }
  for (const char* name : {"PLAIN", "NAME"}) {
    CAPTURE(name);
    const Value* v = variable(unit, name);
    REQUIRE(v);
    CHECK_FALSE(v->has_mark(kSecretRef));
  }
}
