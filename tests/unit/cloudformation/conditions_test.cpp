#include <doctest/doctest.h>

#include "test_support.h"

using namespace eph;
using testing::find_resource;
using testing::load;

TEST_CASE("cloudformation conditions: evaluated from defaults, unknown means may exist") {
  const char* text = R"(AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env:
    Type: String
    Default: prod
  Region:
    Type: String
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: {"Fn::Equals": [{"Ref": "Env"}, "dev"]}
  NotProd: !Not [!Condition IsProd]
  Both: !And [!Condition IsProd, !Not [!Condition IsDev]]
  Either: !Or [!Condition IsDev, !Condition NotProd]
  InEu: !Equals [!Ref Region, eu-west-1]
  InUsEast: !Equals [!Ref "AWS::Region", us-east-1]
  ProdOrUnknown: !Or [!Condition IsProd, !Condition InEu]
  DevAndUnknown: !And [!Condition IsDev, !Condition InEu]
  Loop: !Condition Loop
Resources:
  Prod:
    Type: AWS::SNS::Topic
    Condition: IsProd
  Dev:
    Type: AWS::SNS::Topic
    Condition: IsDev
  Combined:
    Type: AWS::SNS::Topic
    Condition: Both
  NotEither:
    Type: AWS::SNS::Topic
    Condition: Either
  Eu:
    Type: AWS::SNS::Topic
    Condition: InEu
  UsEast:
    Type: AWS::SNS::Topic
    Condition: InUsEast
  OrShortCircuit:
    Type: AWS::SNS::Topic
    Condition: ProdOrUnknown
  AndShortCircuit:
    Type: AWS::SNS::Topic
    Condition: DevAndUnknown
  Circular:
    Type: AWS::SNS::Topic
    Condition: Loop
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Memory: !If [IsProd, 1024, 128]
      Timeout: !If [IsDev, 3, !Ref AWS::NoValue]
      Layers: !If [InEu, [!Ref Eu], []]
      Role: !If [IsProd, !Ref AWS::NoValue, arn]
)";
  LoadedUnit unit = load(text);
  REQUIRE(unit.diagnostics.empty());
  CHECK(find_resource(unit, "Prod"));
  CHECK(!find_resource(unit, "Prod")->may_not_exist);
  CHECK(!find_resource(unit, "Dev"));
  CHECK(find_resource(unit, "Combined"));
  CHECK(!find_resource(unit, "NotEither"));
  REQUIRE(find_resource(unit, "Eu"));
  CHECK(find_resource(unit, "Eu")->may_not_exist);
  REQUIRE(find_resource(unit, "UsEast"));
  CHECK(find_resource(unit, "UsEast")->may_not_exist);
  CHECK(!find_resource(unit, "OrShortCircuit")->may_not_exist);
  CHECK(!find_resource(unit, "AndShortCircuit"));
  CHECK(find_resource(unit, "Circular")->may_not_exist);

  const Value& p = find_resource(unit, "Fn")->body;
  CHECK(p.get("Memory")->number == 1024);
  CHECK(!p.get("Timeout"));
  const Value* layers = p.get("Layers");
  REQUIRE(layers->is_unknown());
  REQUIRE(layers->refs.size() == 1);
  CHECK(layers->refs[0].address == "Eu");
  CHECK(!p.get("Role"));
}

TEST_CASE("cloudformation conditions: AllowedValues bound an unknown parameter") {
  const char* text = R"(Parameters:
  Stage:
    Type: String
    AllowedValues: [dev, prod]
  Only:
    Type: String
    AllowedValues: [blue]
Conditions:
  IsTest: !Equals [!Ref Stage, test]
  IsProd: !Equals [prod, !Ref Stage]
  IsBlue: !Equals [!Ref Only, blue]
Resources:
  Never:
    Type: AWS::SNS::Topic
    Condition: IsTest
  Maybe:
    Type: AWS::SNS::Topic
    Condition: IsProd
  Blue:
    Type: AWS::SNS::Topic
    Condition: IsBlue
    Properties:
      TopicName: !Ref Only
)";
  LoadedUnit unit = load(text);
  REQUIRE(unit.diagnostics.empty());
  CHECK(!find_resource(unit, "Never"));
  REQUIRE(find_resource(unit, "Maybe"));
  CHECK(find_resource(unit, "Maybe")->may_not_exist);
  REQUIRE(find_resource(unit, "Blue"));
  CHECK(!find_resource(unit, "Blue")->may_not_exist);
  CHECK(find_resource(unit, "Blue")->body.get("TopicName")->text == "blue");
}

TEST_CASE("cloudformation conditions: a long chain of conditions is bounded, not a stack overflow") {
  std::string text = "Conditions:\n  C0: !Equals [a, a]\n";
  for (int i = 1; i < 20000; ++i) text += "  C" + std::to_string(i) + ": !Condition C" + std::to_string(i - 1) + "\n";
  text += "Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Condition: C19999\n";
  LoadedUnit unit = load(text);
  REQUIRE(find_resource(unit, "T"));
  CHECK(find_resource(unit, "T")->may_not_exist);
}
