#include <doctest/doctest.h>

#include "cloudformation/sam/policy_templates.h"
#include "test_support.h"

using namespace eph;
using testing::find_resource;
using testing::load;
using testing::start_of;

TEST_CASE("sam: Globals merge with SAM's rules, values keep their Globals position") {
  const char* text = R"(AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: python3.12
    Timeout: 10
    Environment:
      Variables:
        TABLE: orders
        STAGE: prod
    Layers: [arn:layer:global]
  Api:
    Cors: "'*'"
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      Timeout: 30
      Environment:
        Variables:
          STAGE: dev
      Layers: [arn:layer:own]
  Plain:
    Type: AWS::Lambda::Function
    Properties:
      Handler: x
)";
  LoadedUnit unit = load(text);
  REQUIRE(unit.diagnostics.empty());
  const Value& p = find_resource(unit, "Fn")->body;
  CHECK(p.get("Runtime")->text == "python3.12");
  CHECK(start_of(p.get("Runtime")->where).line == 5);  // where Globals wrote it
  CHECK(p.get("Timeout")->number == 30);
  CHECK(start_of(p.get("Timeout")->where).line == 19);
  CHECK(p.at("Environment/Variables/TABLE")->text == "orders");
  CHECK(start_of(p.at("Environment/Variables/TABLE")->where).line == 9);
  CHECK(p.at("Environment/Variables/STAGE")->text == "dev");
  // Lists concatenate, Globals first (samtranslator GlobalProperties._merge_lists).
  REQUIRE(p.get("Layers")->items.size() == 2);
  CHECK(p.get("Layers")->items[0].text == "arn:layer:global");
  CHECK(p.get("Layers")->items[1].text == "arn:layer:own");
  CHECK(!find_resource(unit, "Plain")->body.get("Runtime"));
}

TEST_CASE("sam: events stay, implicit APIs are synthesized with Globals") {
  const char* text = R"(Transform: AWS::Serverless-2016-10-31
Globals:
  Api:
    Auth:
      DefaultAuthorizer: AWS_IAM
  HttpApi:
    CorsConfiguration: {AllowOrigins: ["*"]}
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: a.b
      Events:
        Get:
          Type: Api
          Properties: {Path: /, Method: get}
        Http:
          Type: HttpApi
        Queue:
          Type: SQS
          Properties:
            Queue: !GetAtt Q.Arn
            ScalingConfig: {MaximumConcurrency: 5}
  Explicit:
    Type: AWS::Serverless::Function
    Properties:
      Url: !Sub "https://${ServerlessRestApi}.execute-api.amazonaws.com/"
      Stage: !Ref MyApi.Stage
      Events:
        Own:
          Type: Api
          Properties: {RestApiId: !Ref MyApi, Path: /x, Method: get}
  MyApi:
    Type: AWS::Serverless::Api
    Properties: {StageName: prod}
  Q:
    Type: AWS::SQS::Queue
)";
  LoadedUnit unit = load(text);
  REQUIRE(unit.diagnostics.empty());
  const Value& p = find_resource(unit, "Fn")->body;
  CHECK(p.at("Events/Get/Type")->text == "Api");
  CHECK(p.at("Events/Queue/Properties/ScalingConfig/MaximumConcurrency")->number == 5);
  CHECK(p.at("Events/Queue/Properties/Queue")->refs.at(0).address == "Q");
  const NativeResource* rest = find_resource(unit, "ServerlessRestApi");
  REQUIRE(rest);
  CHECK(rest->type == "AWS::Serverless::Api");
  CHECK(rest->declaration.text() == "Get");
  CHECK(rest->body.at("Auth/DefaultAuthorizer")->text == "AWS_IAM");
  const NativeResource* http = find_resource(unit, "ServerlessHttpApi");
  REQUIRE(http);
  CHECK(http->type == "AWS::Serverless::HttpApi");
  CHECK(http->declaration.text() == "Http");
  CHECK(http->body.at("CorsConfiguration/AllowOrigins/0")->text == "*");
  const Value* url = find_resource(unit, "Explicit")->body.at("Url");
  REQUIRE(url);
  CHECK(url->refs.at(0).address == "ServerlessRestApi");
  CHECK(find_resource(unit, "Explicit")->body.at("Stage")->refs.at(0).address == "MyApi");
  // The explicit API's own Globals apply too.
  CHECK(find_resource(unit, "MyApi")->body.at("Auth/DefaultAuthorizer")->text == "AWS_IAM");
}

TEST_CASE("sam: no implicit API without Api events, none for non-SAM templates") {
  LoadedUnit unit = load("Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n"
                         "      Events:\n        E: {Type: Api}\n");
  CHECK(!find_resource(unit, "ServerlessRestApi"));
}

TEST_CASE("sam: Policies as string, map and list, managed names, ARNs, inline documents") {
  const char* text = R"(Transform: [AWS::Serverless-2016-10-31]
Parameters:
  BucketParam: {Type: String, Default: my-bucket}
Resources:
  One:
    Type: AWS::Serverless::Function
    Properties:
      Policies: AmazonS3ReadOnlyAccess
  Two:
    Type: AWS::Serverless::Function
    Properties:
      Policies:
        Statement:
          - Effect: Allow
            Action: sqs:SendMessage
            Resource: "*"
  Three:
    Type: AWS::Serverless::Function
    Properties:
      Policies:
        - AWSLambdaBasicExecutionRole
        - arn:aws:iam::123456789012:policy/Custom
        - !Ref ManagedPolicy
        - S3ReadPolicy:
            BucketName: !Ref BucketParam
        - DynamoDBCrudPolicy:
            TableName: !Ref Table
        - CloudWatchPutMetricPolicy: {}
        - Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Action: [kms:Decrypt]
              Resource: "*"
  ManagedPolicy:
    Type: AWS::IAM::ManagedPolicy
  Table:
    Type: AWS::DynamoDB::Table
)";
  LoadedUnit unit = load(text);
  REQUIRE(unit.diagnostics.empty());
  const Value* one = find_resource(unit, "One")->body.get("Policies");
  REQUIRE(one->is_list());
  CHECK(one->items.at(0).text == "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
  CHECK(one->items.at(0).where.text() == "AmazonS3ReadOnlyAccess");
  const Value* two = find_resource(unit, "Two")->body.get("Policies");
  REQUIRE(two->items.size() == 1);
  CHECK(two->items[0].at("Statement/0/Action")->text == "sqs:SendMessage");

  const Value* three = find_resource(unit, "Three")->body.get("Policies");
  REQUIRE(three->items.size() == 7);
  CHECK(three->items[0].text == "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
  CHECK(three->items[1].text == "arn:aws:iam::123456789012:policy/Custom");
  CHECK(three->items[2].is_unknown());
  CHECK(three->items[2].refs.at(0).address == "ManagedPolicy");
  const Value& s3 = three->items[3];
  REQUIRE(s3.is_map());
  CHECK(s3.where.text().substr(0, 13) == "S3ReadPolicy:");
  const Value* st = s3.at("Statement/0");
  REQUIRE(st);
  CHECK(st->get("Effect")->text == "Allow");
  CHECK(st->get("Action")->items.size() == 5);
  CHECK(st->get("Action")->items[0].text == "s3:GetObject");
  CHECK(st->where.text().substr(0, 13) == "S3ReadPolicy:");
  const Value* resources = st->get("Resource");
  REQUIRE(resources->items.size() == 2);
  // The partition is known only at deploy time; the parameter part is filled in.
  CHECK(resources->items[0].is_unknown());
  CHECK(resources->items[0].text == "arn:${AWS::Partition}:s3:::my-bucket");
  CHECK(resources->items[1].text == "arn:${AWS::Partition}:s3:::my-bucket/*");
  const Value& ddb = three->items[4];
  CHECK(ddb.at("Statement/0/Resource/0")->refs.at(0).address == "Table");
  CHECK(three->items[5].at("Statement/0/Action/0")->text == "cloudwatch:PutMetricData");
  CHECK(three->items[5].at("Statement/0/Resource/0")->text == "*");
  CHECK(three->items[6].at("Statement/0/Action/0")->text == "kms:Decrypt");
}

namespace {
// True when a string (or an unknown's pattern) inside `v` contains `needle`.
bool mentions(const Value& v, std::string_view needle) {
  if ((v.is_string() || v.is_unknown()) && v.text.find(needle) != std::string::npos) return true;
  for (const auto& item : v.items)
    if (mentions(item, needle)) return true;
  for (const auto& f : v.fields)
    if (mentions(f.value, needle)) return true;
  return false;
}
}  // namespace

TEST_CASE("sam: every listed policy template expands to its statements") {
  struct Expectation {
    const char* name;
    const char* parameter;
    const char* first_action;
    size_t statements;
  };
  const Expectation expected[] = {
      {"S3ReadPolicy", "BucketName", "s3:GetObject", 1},
      {"S3CrudPolicy", "BucketName", "s3:GetObject", 1},
      {"S3WritePolicy", "BucketName", "s3:PutObject", 1},
      {"S3FullAccessPolicy", "BucketName", "s3:GetObject", 2},
      {"DynamoDBCrudPolicy", "TableName", "dynamodb:GetItem", 1},
      {"DynamoDBReadPolicy", "TableName", "dynamodb:GetItem", 1},
      {"DynamoDBWritePolicy", "TableName", "dynamodb:PutItem", 1},
      {"DynamoDBStreamReadPolicy", "TableName", "dynamodb:DescribeStream", 2},
      {"SQSSendMessagePolicy", "QueueName", "sqs:SendMessage*", 1},
      {"SQSPollerPolicy", "QueueName", "sqs:ChangeMessageVisibility", 1},
      {"SNSPublishMessagePolicy", "TopicName", "sns:Publish", 1},
      {"SNSCrudPolicy", "TopicName", "sns:ListSubscriptionsByTopic", 1},
      {"AWSSecretsManagerGetSecretValuePolicy", "SecretArn", "secretsmanager:GetSecretValue", 1},
      {"AWSSecretsManagerRotationPolicy", "FunctionName", "secretsmanager:DescribeSecret", 2},
      {"SSMParameterReadPolicy", "ParameterName", "ssm:DescribeParameters", 2},
      {"SSMParameterWithSlashPrefixReadPolicy", "ParameterName", "ssm:DescribeParameters", 2},
      {"KMSDecryptPolicy", "KeyId", "kms:Decrypt", 1},
      {"KMSEncryptPolicy", "KeyId", "kms:Encrypt", 1},
      {"LambdaInvokePolicy", "FunctionName", "lambda:InvokeFunction", 1},
      {"StepFunctionsExecutionPolicy", "StateMachineName", "states:StartExecution", 1},
      {"EventBridgePutEventsPolicy", "EventBusName", "events:PutEvents", 1},
      {"KinesisStreamReadPolicy", "StreamName", "kinesis:ListStreams", 2},
      {"KinesisCrudPolicy", "StreamName", "kinesis:AddTagsToStream", 1},
      {"SESCrudPolicy", "IdentityName", "ses:GetIdentityVerificationAttributes", 1},
      {"AthenaQueryPolicy", "WorkGroupName", "athena:ListWorkGroups", 2},
      {"CloudWatchPutMetricPolicy", nullptr, "cloudwatch:PutMetricData", 1},
      {"VPCAccessPolicy", nullptr, "ec2:CreateNetworkInterface", 1},
  };
  for (const auto& e : expected) {
    std::string name = e.name;
    CAPTURE(name);
    std::string text = "Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n"
                       "    Properties:\n      Policies:\n        - " + std::string(e.name) + ":";
    text += e.parameter ? "\n            " + std::string(e.parameter) + ": thing\n" : " {}\n";
    LoadedUnit unit = load(text);
    REQUIRE(unit.diagnostics.empty());
    const Value* doc = find_resource(unit, "Fn")->body.at("Policies/0");
    REQUIRE(doc);
    const Value* statements = doc->get("Statement");
    REQUIRE(statements);
    CHECK(statements->items.size() == e.statements);
    CHECK(doc->at("Statement/0/Action/0")->text == e.first_action);
    CHECK(start_of(doc->at("Statement/0")->where).line == 7);
    if (e.parameter) {
      CHECK(mentions(*doc, "thing"));
    }
  }
  CHECK(cloudformation::sam::all_policy_templates().size() >= 60);
  CHECK(!cloudformation::sam::find_policy_template("NotATemplate"));
}
