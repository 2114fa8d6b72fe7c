#include "model/service_table.h"

#include <algorithm>
#include <utility>

namespace eph {
namespace {

// Type prefix -> service. Terraform names are matched by prefix ("aws_s3_bucket_policy"
// is still S3), CloudFormation names by their service segment.
constexpr std::pair<std::string_view, std::string_view> kTerraformPrefixes[] = {
    {"aws_s3_", "s3"},
    {"aws_dynamodb_", "dynamodb"},
    {"aws_sqs_", "sqs"},
    {"aws_sns_", "sns"},
    {"aws_kinesis_firehose_", "firehose"},
    {"aws_kinesis_", "kinesis"},
    {"aws_secretsmanager_", "secretsmanager"},
    {"aws_ssm_", "ssm"},
    {"aws_kms_", "kms"},
    {"aws_sfn_", "states"},
    {"aws_cloudwatch_event_", "events"},
    {"aws_scheduler_", "scheduler"},
    {"aws_lambda_", "lambda"},
    {"aws_ecr_", "ecr"},
    {"aws_ecs_", "ecs"},
    {"aws_rds_", "rds"},
    {"aws_db_", "rds"},
    {"aws_elasticache_", "elasticache"},
    {"aws_efs_", "elasticfilesystem"},
    {"aws_cloudwatch_log_", "logs"},
    {"aws_xray_", "xray"},
    {"aws_ses_", "ses"},
    {"aws_sesv2_", "ses"},
    {"aws_cognito_", "cognito-idp"},
    {"aws_appsync_", "appsync"},
    {"aws_athena_", "athena"},
    {"aws_glue_", "glue"},
    {"aws_opensearch_", "es"},
    {"aws_elasticsearch_", "es"},
    {"aws_bedrock", "bedrock"},
    {"aws_msk_", "kafka"},
    {"aws_timestreamwrite_", "timestream"},
    {"aws_iot_", "iot"},
    {"aws_api_gateway", "execute-api"},
    {"aws_apigatewayv2_", "execute-api"},
};

constexpr std::pair<std::string_view, std::string_view> kCloudFormationServices[] = {
    {"S3", "s3"},
    {"DynamoDB", "dynamodb"},
    {"SQS", "sqs"},
    {"SNS", "sns"},
    {"KinesisFirehose", "firehose"},
    {"Kinesis", "kinesis"},
    {"SecretsManager", "secretsmanager"},
    {"SSM", "ssm"},
    {"KMS", "kms"},
    {"StepFunctions", "states"},
    {"Events", "events"},
    {"Scheduler", "scheduler"},
    {"Lambda", "lambda"},
    {"ECR", "ecr"},
    {"ECS", "ecs"},
    {"RDS", "rds"},
    {"ElastiCache", "elasticache"},
    {"EFS", "elasticfilesystem"},
    {"Logs", "logs"},
    {"XRay", "xray"},
    {"SES", "ses"},
    {"Cognito", "cognito-idp"},
    {"AppSync", "appsync"},
    {"Athena", "athena"},
    {"Glue", "glue"},
    {"OpenSearchService", "es"},
    {"Elasticsearch", "es"},
    {"Bedrock", "bedrock"},
    {"MSK", "kafka"},
    {"Timestream", "timestream"},
    {"ApiGateway", "execute-api"},
    {"ApiGatewayV2", "execute-api"},
};

}  // namespace

std::string_view service_of_type(std::string_view type) {
  if (type.rfind("data.", 0) == 0) type.remove_prefix(5);
  if (type.rfind("aws_", 0) == 0) {
    for (const auto& [prefix, service] : kTerraformPrefixes)
      if (type.rfind(prefix, 0) == 0) return service;
    return {};
  }
  if (type == "AWS::Serverless::SimpleTable") return "dynamodb";
  if (type == "AWS::Serverless::StateMachine") return "states";
  if (type == "AWS::Serverless::Function" || type == "AWS::Serverless::LayerVersion") return "lambda";
  if (type == "AWS::Serverless::Api" || type == "AWS::Serverless::HttpApi") return "execute-api";
  if (type.rfind("AWS::", 0) == 0) {
    std::string_view rest = type.substr(5);
    std::string_view segment = rest.substr(0, rest.find("::"));
    for (const auto& [name, service] : kCloudFormationServices)
      if (segment == name) return service;
  }
  return {};
}

}  // namespace eph

namespace eph {

std::string_view service_of_arn(std::string_view arn) {
  if (arn.rfind("arn:", 0) != 0) return {};
  size_t partition_end = arn.find(':', 4);
  if (partition_end == std::string_view::npos) return {};
  size_t service_end = arn.find(':', partition_end + 1);
  if (service_end == std::string_view::npos) return {};
  return arn.substr(partition_end + 1, service_end - partition_end - 1);
}

}  // namespace eph

namespace eph {

std::string_view service_display_name(std::string_view iam_prefix) {
  static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
      {"s3", "S3"},
      {"dynamodb", "DynamoDB"},
      {"sqs", "SQS"},
      {"sns", "SNS"},
      {"kinesis", "Kinesis"},
      {"firehose", "Data Firehose"},
      {"secretsmanager", "Secrets Manager"},
      {"ssm", "Systems Manager"},
      {"kms", "KMS"},
      {"states", "Step Functions"},
      {"events", "EventBridge"},
      {"scheduler", "EventBridge Scheduler"},
      {"lambda", "Lambda"},
      {"ecr", "ECR"},
      {"ecs", "ECS"},
      {"ec2", "EC2"},
      {"rds", "RDS"},
      {"rds-data", "the RDS Data API"},
      {"elasticache", "ElastiCache"},
      {"elasticfilesystem", "EFS"},
      {"logs", "CloudWatch Logs"},
      {"cloudwatch", "CloudWatch"},
      {"xray", "X-Ray"},
      {"ses", "SES"},
      {"cognito-idp", "Cognito user pools"},
      {"appsync", "AppSync"},
      {"athena", "Athena"},
      {"glue", "Glue"},
      {"es", "OpenSearch"},
      {"bedrock", "Bedrock"},
      {"kafka", "MSK"},
      {"iam", "IAM"},
      {"sts", "STS"},
      {"execute-api", "API Gateway execute-api"},
      {"transcribe", "Transcribe"},
      {"translate", "Translate"},
      {"polly", "Polly"},
      {"comprehend", "Comprehend"},
      {"textract", "Textract"},
      {"rekognition", "Rekognition"},
      {"sagemaker", "SageMaker"},
      {"iot", "IoT Core"},
      {"aoss", "OpenSearch Serverless"},
      {"codecommit", "CodeCommit"},
      {"cognito-identity", "Cognito identity pools"},
      {"route53", "Route 53"},
      {"cloudfront", "CloudFront"},
      {"acm", "Certificate Manager"},
      {"eks", "EKS"},
      {"batch", "Batch"},
      {"glacier", "S3 Glacier"},
      {"redshift", "Redshift"},
      {"redshift-data", "the Redshift Data API"},
      {"ssm-incidents", "Incident Manager"},
      {"apigateway", "API Gateway"},
      {"cloudformation", "CloudFormation"},
      {"organizations", "Organizations"},
  };
  for (const auto& [prefix, name] : kNames)
    if (prefix == iam_prefix) return name;
  return iam_prefix;
}

}  // namespace eph
