#include <doctest/doctest.h>

#include "core/partly_known.h"
#include "test_support.h"

using namespace eph;
using testing::find_resource;
using testing::load;
using testing::start_of;

namespace {

const char* kTemplate = R"(AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env:
    Type: String
    Default: prod
    AllowedValues: [dev, prod]
  DbPassword:
    Type: String
    NoEcho: true
  Subnets:
    Type: CommaDelimitedList
    Default: "subnet-a,subnet-b"
  AmiId:
    Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>
    Default: /aws/service/ami
Mappings:
  Sizes:
    prod:
      Memory: 1024
    dev:
      Memory: 128
Resources:
  Queue:
    Type: AWS::SQS::Queue
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      RefParam: !Ref Env
      RefParamLong: {"Ref": "Env"}
      RefNoEcho: !Ref DbPassword
      RefRegion: !Ref AWS::Region
      RefResource: !Ref Queue
      RefSsm: !Ref AmiId
      NoValue: !Ref AWS::NoValue
      GetAttDot: !GetAtt Queue.Arn
      GetAttList: !GetAtt [Queue, QueueName]
      GetAttLong: {"Fn::GetAtt": ["Queue", "Arn"]}
      SubKnown: !Sub "app-${Env}-x"
      SubLiteral: !Sub "${!Literal}-${Env}"
      SubResource: !Sub "arn:${AWS::Partition}:sqs:::${Queue.QueueName}"
      SubTwoArgs: !Sub
        - "${Name}-${Env}"
        - Name: svc
      SubLong: {"Fn::Sub": "v-${Env}"}
      Join: !Join ["-", [a, !Ref Env, c]]
      JoinList: !Join [",", !Ref Subnets]
      JoinUnknown: !Join ["", ["x", !GetAtt Queue.Arn]]
      Select: !Select [1, !Ref Subnets]
      SelectLong: {"Fn::Select": ["0", ["p", "q"]]}
      Split: !Split [",", "a,b,c"]
      Base64: !Base64 "hello"
      Cidr: !Cidr ["10.0.0.0/16", 3, 8]
      GetAZs: !GetAZs ""
      FindInMap: !FindInMap [Sizes, !Ref Env, Memory]
      FindInMapDefault: !FindInMap [Sizes, staging, Memory, {DefaultValue: 256}]
      ImportValue: !ImportValue SharedVpc
      Transform: {"Fn::Transform": {"Name": "AWS::Include", "Parameters": {"Location": "s3://b/k"}}}
      Equals: !Equals [!Ref Env, prod]
      Secret: "{{resolve:secretsmanager:db:SecretString:password}}"
      SsmSecure: "{{resolve:ssm-secure:/app/pw:1}}"
      SsmPlain: "{{resolve:ssm:/app/name:1}}"
      ToJson: {"Fn::ToJsonString": {"a": 1}}
      Length: {"Fn::Length": [1, 2, 3]}
)";

}  // namespace

TEST_CASE("cloudformation intrinsics: short and long forms evaluate") {
  LoadedUnit unit = load(kTemplate);
  for (const auto& d : unit.diagnostics) MESSAGE(d.message);
  REQUIRE(unit.diagnostics.empty());
  const NativeResource* fn = find_resource(unit, "Fn");
  REQUIRE(fn);
  const Value& p = fn->body;

  CHECK(p.get("RefParam")->text == "prod");
  // A parameter's value stays where its default was written.
  CHECK(start_of(p.get("RefParam")->where).line == 5);
  CHECK(p.get("RefParamLong")->text == "prod");
  CHECK(p.get("RefNoEcho")->is_unknown());
  CHECK(p.get("RefNoEcho")->has_mark(kSensitive));
  CHECK(p.get("RefRegion")->is_unknown());
  const Value* ref = p.get("RefResource");
  REQUIRE(ref->is_unknown());
  REQUIRE(ref->refs.size() == 1);
  CHECK(ref->refs[0].address == "Queue");
  CHECK(ref->refs[0].attribute.empty());
  CHECK(ref->refs[0].where.text() == "!Ref Queue");
  CHECK(p.get("RefSsm")->is_unknown());
  CHECK(!p.get("NoValue"));

  CHECK(p.get("GetAttDot")->refs.at(0).attribute == "Arn");
  CHECK(p.get("GetAttList")->refs.at(0).attribute == "QueueName");
  CHECK(p.get("GetAttLong")->refs.at(0).address == "Queue");

  CHECK(p.get("SubKnown")->text == "app-prod-x");
  CHECK(p.get("SubKnown")->where.text() == "!Sub \"app-${Env}-x\"");
  CHECK(p.get("SubLiteral")->text == "${Literal}-prod");
  CHECK(p.get("SubResource")->is_unknown());
  CHECK(p.get("SubResource")->refs.at(0).address == "Queue");
  CHECK(p.get("SubResource")->refs.at(0).attribute == "QueueName");
  // Partly known: the literal parts stay readable (an ARN's ending after an unknown partition).
  CHECK(known_pattern(*p.get("SubResource")) == "arn:${AWS::Partition}:sqs:::${Queue.QueueName}");
  CHECK(p.get("SubTwoArgs")->text == "svc-prod");
  CHECK(p.get("SubLong")->text == "v-prod");

  CHECK(p.get("Join")->text == "a-prod-c");
  CHECK(p.get("JoinList")->text == "subnet-a,subnet-b");
  CHECK(p.get("JoinUnknown")->is_unknown());
  CHECK(p.get("JoinUnknown")->refs.at(0).address == "Queue");
  CHECK(known_pattern(*p.get("JoinUnknown")) == "x${...}");
  CHECK(p.get("Select")->text == "subnet-b");
  CHECK(p.get("SelectLong")->text == "p");
  REQUIRE(p.get("Split")->items.size() == 3);
  CHECK(p.get("Split")->items[2].text == "c");
  CHECK(p.get("Base64")->text == "aGVsbG8=");
  REQUIRE(p.get("Cidr")->items.size() == 3);
  CHECK(p.get("Cidr")->items[0].text == "10.0.0.0/24");
  CHECK(p.get("Cidr")->items[2].text == "10.0.2.0/24");
  CHECK(p.get("GetAZs")->is_unknown());
  CHECK(p.get("FindInMap")->number == 1024);
  CHECK(start_of(p.get("FindInMap")->where).line == 19);
  CHECK(p.get("FindInMapDefault")->number == 256);
  CHECK(p.get("ImportValue")->is_unknown());
  CHECK(p.get("Transform")->is_unknown());
  CHECK(p.get("Equals")->kind == Kind::Bool);
  CHECK(p.get("Equals")->boolean);
  CHECK(p.get("Secret")->has_mark(kSecretRef));
  CHECK(p.get("Secret")->text == "{{resolve:secretsmanager:db:SecretString:password}}");
  CHECK(p.get("SsmSecure")->has_mark(kSecretRef));
  CHECK(!p.get("SsmPlain")->has_mark(kSecretRef));
  CHECK(p.get("ToJson")->text == "{\"a\":1}");
  CHECK(p.get("Length")->number == 3);
}

TEST_CASE("cloudformation intrinsics: JSON templates and their positions") {
  const char* text = "{\n"
                     "  \"Parameters\": {\"Name\": {\"Type\": \"String\", \"Default\": \"orders\"}},\n"
                     "  \"Resources\": {\n"
                     "    \"Table\": {\n"
                     "      \"Type\": \"AWS::DynamoDB::Table\",\n"
                     "      \"Properties\": {\"TableName\": {\"Fn::Join\": [\"-\", [{\"Ref\": \"Name\"}, \"v1\"]]}}\n"
                     "    }\n"
                     "  }\n"
                     "}\n";
  LoadedUnit unit = load(text, "t.json");
  REQUIRE(unit.diagnostics.empty());
  const NativeResource* table = find_resource(unit, "Table");
  REQUIRE(table);
  CHECK(table->type == "AWS::DynamoDB::Table");
  CHECK(table->declaration.text() == "\"Table\"");
  CHECK(start_of(table->declaration).line == 4);
  CHECK(start_of(table->declaration).column == 5);
  const Value* name = table->body.get("TableName");
  CHECK(name->text == "orders-v1");
  CHECK(name->where.text() == "{\"Fn::Join\": [\"-\", [{\"Ref\": \"Name\"}, \"v1\"]]}");
}

TEST_CASE("cloudformation resources: DependsOn, Metadata, undefined refs, Fn::ForEach") {
  const char* text = R"(AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::LanguageExtensions
Parameters:
  Names:
    Type: CommaDelimitedList
    Default: "a,b"
  Unknown:
    Type: CommaDelimitedList
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    DependsOn: [Topic]
    Metadata:
      checkov:
        skip: [{id: CKV_AWS_18}]
  Topic:
    Type: AWS::SNS::Topic
  Fn::ForEach::Queues:
    - Name
    - !Ref Names
    - Queue${Name}:
        Type: AWS::SQS::Queue
        Properties:
          QueueName: !Sub "q-${Name}"
  Fn::ForEach::Others:
    - Item
    - !Ref Unknown
    - Other&{Item}:
        Type: AWS::SQS::Queue
        Properties:
          QueueName: !Ref Item
)";
  LoadedUnit unit = load(text);
  REQUIRE(unit.diagnostics.empty());
  const NativeResource* bucket = find_resource(unit, "Bucket");
  REQUIRE(bucket);
  REQUIRE(bucket->body.refs.size() == 1);
  CHECK(bucket->body.refs[0].address == "Topic");
  CHECK(bucket->meta.at("checkov/skip/0/id")->text == "CKV_AWS_18");
  const NativeResource* qa = find_resource(unit, "Queuea");
  REQUIRE(qa);
  CHECK(qa->body.get("QueueName")->text == "q-a");
  CHECK(!qa->may_not_exist);
  CHECK(find_resource(unit, "Queueb"));
  const NativeResource* other = find_resource(unit, "Other&{Item}");
  REQUIRE(other);
  CHECK(other->may_not_exist);
  CHECK(other->body.get("QueueName")->is_unknown());
}

TEST_CASE("cloudformation: JSON documents in strings are decoded, unknown Sub pieces stay unknown") {
  const char* text = R"(Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      Literal: '{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}'
      Templated: !Sub |
        {"Statement": [{"Effect": "Allow", "Action": "s3:*",
          "Resource": "arn:aws:s3:::${Bucket}/*",
          "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}]}
      NotJson: "{{resolve:ssm:/x:1}}"
      Broken: "{not json}"
)";
  LoadedUnit unit = load(text);
  REQUIRE(unit.diagnostics.empty());
  const Value& p = find_resource(unit, "Policy")->body;
  const Value* literal = p.get("Literal");
  REQUIRE(literal->decoded);
  CHECK(literal->decoded->at("Statement/0/Action")->text == "s3:GetObject");
  CHECK(literal->decoded->at("Statement/0/Action")->where.begin == literal->where.begin);

  const Value* templated = p.get("Templated");
  REQUIRE(templated->is_unknown());
  REQUIRE(templated->decoded);
  const Value* resource = templated->decoded->at("Statement/0/Resource");
  REQUIRE(resource->is_unknown());
  CHECK(resource->text == "arn:aws:s3:::${Bucket}/*");
  CHECK(resource->refs.at(0).address == "Bucket");
  CHECK(templated->decoded->at("Statement/0/Condition/IpAddress/aws:SourceIp")->text == "10.0.0.0/8");
  CHECK(!p.get("NotJson")->decoded);
  CHECK(!p.get("Broken")->decoded);
}

TEST_CASE("cloudformation intrinsics: every long form in a JSON template") {
  const char* text = R"({
  "Parameters": {"Env": {"Type": "String", "Default": "prod"}},
  "Mappings": {"M": {"prod": {"Size": "large"}}},
  "Conditions": {
    "IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]},
    "NotProd": {"Fn::Not": [{"Condition": "IsProd"}]},
    "All": {"Fn::And": [{"Condition": "IsProd"}, {"Fn::Equals": ["a", "a"]}]},
    "Any": {"Fn::Or": [{"Condition": "NotProd"}, {"Fn::Equals": ["a", "b"]}]}
  },
  "Resources": {
    "Q": {"Type": "AWS::SQS::Queue"},
    "R": {
      "Type": "AWS::Lambda::Function",
      "Properties": {
        "Join": {"Fn::Join": ["/", ["a", {"Ref": "Env"}]]},
        "Split": {"Fn::Split": ["/", "x/y"]},
        "Base64": {"Fn::Base64": {"Fn::Sub": "${Env}"}},
        "Cidr": {"Fn::Cidr": ["192.168.0.0/24", "2", "6"]},
        "GetAZs": {"Fn::GetAZs": {"Ref": "AWS::Region"}},
        "Import": {"Fn::ImportValue": {"Fn::Sub": "${Env}-vpc"}},
        "If": {"Fn::If": ["IsProd", "yes", "no"]},
        "IfNot": {"Fn::If": ["NotProd", "yes", "no"]},
        "And": {"Fn::If": ["All", 1, 0]},
        "Or": {"Fn::If": ["Any", 1, 0]},
        "Map": {"Fn::FindInMap": ["M", {"Ref": "Env"}, "Size"]},
        "Att": {"Fn::GetAtt": "Q.Arn"},
        "Sub2": {"Fn::Sub": ["${A}", {"A": {"Fn::GetAtt": ["Q", "QueueName"]}}]}
      }
    }
  }
})";
  LoadedUnit unit = load(text, "t.json");
  REQUIRE(unit.diagnostics.empty());
  const Value& p = find_resource(unit, "R")->body;
  CHECK(p.get("Join")->text == "a/prod");
  CHECK(p.get("Split")->items.at(1).text == "y");
  CHECK(p.get("Base64")->text == "cHJvZA==");
  REQUIRE(p.get("Cidr")->items.size() == 2);
  CHECK(p.get("Cidr")->items[1].text == "192.168.0.64/26");
  CHECK(p.get("GetAZs")->is_unknown());
  CHECK(p.get("Import")->is_unknown());
  CHECK(p.get("If")->text == "yes");
  CHECK(p.get("IfNot")->text == "no");
  CHECK(p.get("And")->number == 1);
  CHECK(p.get("Or")->number == 0);
  CHECK(p.get("Map")->text == "large");
  CHECK(p.get("Att")->refs.at(0).attribute == "Arn");
  CHECK(p.get("Sub2")->refs.at(0).attribute == "QueueName");
}

TEST_CASE("cloudformation: a Ref to the alias or version SAM generates leads to its function") {
  const char* text = R"(AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      AutoPublishAlias: live
  Url:
    Type: AWS::Lambda::Url
    Properties:
      TargetFunctionArn: !Ref FnAliaslive
      Other: !Ref Missing
)";
  LoadedUnit unit = load(text);
  const NativeResource* url = find_resource(unit, "Url");
  REQUIRE(url);
  const Value* target = url->body.get("TargetFunctionArn");
  REQUIRE(target);
  REQUIRE(target->refs.size() == 1);
  CHECK(target->refs[0].address == "Fn");
  CHECK(url->body.get("Other")->refs.empty());
}
