// The inbound half of the traffic view, except API routes (lower_inbound_api.cpp): event
// source mappings with their caps, services that push events (EventBridge, SNS, S3, IoT,
// Cognito, CloudFront, AppSync, Step Functions, Pipes...), function URLs, load balancers,
// deployment-time callers (macros, custom resources), and invoke permissions for what the
// code does not declare otherwise. Invoke permissions are also kept whole for EPH602.
#include <algorithm>
#include <cctype>

#include "core/partly_known.h"
#include "model/inbound_lowering.h"
#include "model/lowering.h"
#include "model/service_table.h"
#include "model/value_paths.h"

namespace eph {
namespace {

// ------------------------------------------------------------ event source mappings

struct MappingRow {
  std::string_view type = "", function = "", source = "", self_managed = "", max_concurrency = "", batch_size = "",
                   parallelization = "", enabled = "", topics = "", on_failure = "";
};
constexpr MappingRow kMappings[] = {
    {.type = "aws_lambda_event_source_mapping",
     .function = "function_name",
     .source = "event_source_arn",
     .self_managed = "self_managed_event_source",
     .max_concurrency = "scaling_config/maximum_concurrency",
     .batch_size = "batch_size",
     .parallelization = "parallelization_factor",
     .enabled = "enabled",
     .topics = "topics",
     .on_failure = "destination_config/on_failure/destination_arn"},
    {.type = "AWS::Lambda::EventSourceMapping",
     .function = "FunctionName",
     .source = "EventSourceArn",
     .self_managed = "SelfManagedEventSource",
     .max_concurrency = "ScalingConfig/MaximumConcurrency",
     .batch_size = "BatchSize",
     .parallelization = "ParallelizationFactor",
     .enabled = "Enabled",
     .topics = "Topics",
     .on_failure = "DestinationConfig/OnFailure/Destination"},
};

// SAM `Events` of polled sources: the same facts under the event's Properties.
struct SamPollRow {
  std::string_view event_type, service, source;
};
constexpr SamPollRow kSamPolled[] = {
    {.event_type = "SQS", .service = "sqs", .source = "Queue"},
    {.event_type = "MQ", .service = "mq", .source = "Broker"},
    {.event_type = "Kinesis", .service = "kinesis", .source = "Stream"},
    {.event_type = "DynamoDB", .service = "dynamodb", .source = "Stream"},
    {.event_type = "DocumentDB", .service = "docdb", .source = "Cluster"},
    {.event_type = "MSK", .service = "kafka", .source = "Stream"},
    {.event_type = "SelfManagedKafka", .service = "kafka", .source = "KafkaBootstrapServers"},
};
constexpr MappingRow kSamMappingFields = {.max_concurrency = "ScalingConfig/MaximumConcurrency",
                                          .batch_size = "BatchSize",
                                          .parallelization = "ParallelizationFactor",
                                          .enabled = "Enabled",
                                          .topics = "Topics",
                                          .on_failure = "DestinationConfig/OnFailure/Destination"};

// Where a stream declares its shards; `mode` ON_DEMAND means the count changes by itself.
struct ShardRow {
  std::string_view type, shard_count, mode;
};
constexpr ShardRow kShards[] = {
    {.type = "aws_kinesis_stream", .shard_count = "shard_count", .mode = "stream_mode_details/stream_mode"},
    {.type = "AWS::Kinesis::Stream", .shard_count = "ShardCount", .mode = "StreamModeDetails/StreamMode"},
};
constexpr std::string_view kOnDemand = "ON_DEMAND";
// SQS dead-letter queues: on the queue, or in a standalone redrive policy naming the queue.
struct RedriveRow {
  std::string_view type, policy, queue = "";
};
constexpr RedriveRow kQueueRedrive[] = {
    {.type = "aws_sqs_queue", .policy = "redrive_policy"},
    {.type = "AWS::SQS::Queue", .policy = "RedrivePolicy"},
    {.type = "aws_sqs_queue_redrive_policy", .policy = "redrive_policy", .queue = "queue_url"},
};
constexpr std::string_view kSqsQueueTypes[] = {"aws_sqs_queue", "AWS::SQS::Queue"};
// Kafka topics declared in the code (the Kafka Terraform provider): their partition count.
struct TopicRow {
  std::string_view type, name, partitions;
};
constexpr TopicRow kKafkaTopics[] = {
    {.type = "kafka_topic", .name = "name", .partitions = "partitions"},
};

// ------------------------------------------------------------ services that push events

// A resource that makes a service invoke the functions named under `function` (every value
// there, `*` for every map entry; empty: anywhere in the body, for definitions that embed
// ARNs). `schedule`: a path on the resource, or on the rule named by `rule`, whose presence
// makes it a schedule; with `schedule_value`, only when every value there is that one.
struct InvokerRow {
  std::string_view type;
  InboundKind kind;
  std::string_view service;
  std::string_view function;
  std::string_view schedule = "";
  std::string_view rule = "";
  std::string_view schedule_value = "";
};
constexpr InvokerRow kInvokers[] = {
    {.type = "aws_cloudwatch_event_target", .kind = InboundKind::EventRule, .service = "events", .function = "arn",
     .schedule = "schedule_expression", .rule = "rule"},
    {.type = "AWS::Events::Rule", .kind = InboundKind::EventRule, .service = "events", .function = "Targets/Arn",
     .schedule = "ScheduleExpression"},
    {.type = "aws_scheduler_schedule", .kind = InboundKind::Schedule, .service = "scheduler", .function = "target/arn"},
    {.type = "AWS::Scheduler::Schedule", .kind = InboundKind::Schedule, .service = "scheduler", .function = "Target/Arn"},
    {.type = "aws_pipes_pipe", .kind = InboundKind::Pipe, .service = "pipes", .function = "target"},
    {.type = "aws_pipes_pipe", .kind = InboundKind::Pipe, .service = "pipes", .function = "enrichment"},
    {.type = "AWS::Pipes::Pipe", .kind = InboundKind::Pipe, .service = "pipes", .function = "Target"},
    {.type = "AWS::Pipes::Pipe", .kind = InboundKind::Pipe, .service = "pipes", .function = "Enrichment"},
    {.type = "aws_sns_topic_subscription", .kind = InboundKind::Topic, .service = "sns", .function = "endpoint"},
    {.type = "AWS::SNS::Subscription", .kind = InboundKind::Topic, .service = "sns", .function = "Endpoint"},
    {.type = "AWS::SNS::Topic", .kind = InboundKind::Topic, .service = "sns", .function = "Subscription/Endpoint"},
    {.type = "aws_s3_bucket_notification", .kind = InboundKind::Storage, .service = "s3",
     .function = "lambda_function/lambda_function_arn"},
    {.type = "AWS::S3::Bucket", .kind = InboundKind::Storage, .service = "s3",
     .function = "NotificationConfiguration/LambdaConfigurations/Function"},
    {.type = "aws_iot_topic_rule", .kind = InboundKind::IotRule, .service = "iot", .function = "lambda/function_arn"},
    {.type = "AWS::IoT::TopicRule", .kind = InboundKind::IotRule, .service = "iot",
     .function = "TopicRulePayload/Actions/Lambda/FunctionArn"},
    {.type = "aws_cognito_user_pool", .kind = InboundKind::Cognito, .service = "cognito-idp", .function = "lambda_config"},
    {.type = "AWS::Cognito::UserPool", .kind = InboundKind::Cognito, .service = "cognito-idp", .function = "LambdaConfig"},
    {.type = "aws_cloudfront_distribution", .kind = InboundKind::Edge, .service = "cloudfront",
     .function = "default_cache_behavior/lambda_function_association/lambda_arn"},
    {.type = "aws_cloudfront_distribution", .kind = InboundKind::Edge, .service = "cloudfront",
     .function = "ordered_cache_behavior/lambda_function_association/lambda_arn"},
    {.type = "AWS::CloudFront::Distribution", .kind = InboundKind::Edge, .service = "cloudfront",
     .function = "DistributionConfig/DefaultCacheBehavior/LambdaFunctionAssociations/LambdaFunctionARN"},
    {.type = "AWS::CloudFront::Distribution", .kind = InboundKind::Edge, .service = "cloudfront",
     .function = "DistributionConfig/CacheBehaviors/LambdaFunctionAssociations/LambdaFunctionARN"},
    {.type = "aws_appsync_datasource", .kind = InboundKind::AppSync, .service = "appsync",
     .function = "lambda_config/function_arn"},
    {.type = "AWS::AppSync::DataSource", .kind = InboundKind::AppSync, .service = "appsync",
     .function = "LambdaConfig/LambdaFunctionArn"},
    {.type = "aws_appsync_graphql_api", .kind = InboundKind::Authorizer, .service = "appsync",
     .function = "lambda_authorizer_config/authorizer_uri"},
    {.type = "AWS::AppSync::GraphQLApi", .kind = InboundKind::Authorizer, .service = "appsync",
     .function = "LambdaAuthorizerConfig/AuthorizerUri"},
    {.type = "aws_api_gateway_authorizer", .kind = InboundKind::Authorizer, .service = "execute-api",
     .function = "authorizer_uri"},
    {.type = "aws_apigatewayv2_authorizer", .kind = InboundKind::Authorizer, .service = "execute-api",
     .function = "authorizer_uri"},
    {.type = "AWS::ApiGateway::Authorizer", .kind = InboundKind::Authorizer, .service = "execute-api",
     .function = "AuthorizerUri"},
    {.type = "AWS::ApiGatewayV2::Authorizer", .kind = InboundKind::Authorizer, .service = "execute-api",
     .function = "AuthorizerUri"},
    {.type = "AWS::Serverless::Api", .kind = InboundKind::Authorizer, .service = "execute-api",
     .function = "Auth/Authorizers/*/FunctionArn"},
    {.type = "AWS::Serverless::HttpApi", .kind = InboundKind::Authorizer, .service = "execute-api",
     .function = "Auth/Authorizers/*/FunctionArn"},
    {.type = "aws_sfn_state_machine", .kind = InboundKind::StateMachine, .service = "states", .function = ""},
    {.type = "AWS::StepFunctions::StateMachine", .kind = InboundKind::StateMachine, .service = "states", .function = ""},
    {.type = "AWS::Serverless::StateMachine", .kind = InboundKind::StateMachine, .service = "states", .function = ""},
    {.type = "aws_cloudwatch_log_subscription_filter", .kind = InboundKind::Other, .service = "logs",
     .function = "destination_arn"},
    {.type = "AWS::Logs::SubscriptionFilter", .kind = InboundKind::Other, .service = "logs", .function = "DestinationArn"},
    {.type = "aws_s3control_object_lambda_access_point", .kind = InboundKind::Other, .service = "s3-object-lambda",
     .function = "configuration/transformation_configuration/content_transformation/aws_lambda/function_arn"},
    {.type = "AWS::S3ObjectLambda::AccessPoint", .kind = InboundKind::Other, .service = "s3-object-lambda",
     .function = "ObjectLambdaConfiguration/TransformationConfigurations/ContentTransformation/AwsLambda/FunctionArn"},
    {.type = "aws_transfer_workflow", .kind = InboundKind::Other, .service = "transfer",
     .function = "steps/custom_step_details/target"},
    {.type = "AWS::Transfer::Workflow", .kind = InboundKind::Other, .service = "transfer",
     .function = "Steps/CustomStepDetails/Target"},
    {.type = "aws_kinesis_firehose_delivery_stream", .kind = InboundKind::Other, .service = "firehose", .function = ""},
    {.type = "AWS::KinesisFirehose::DeliveryStream", .kind = InboundKind::Other, .service = "firehose", .function = ""},
    // A custom Config rule runs per configuration change, or periodically when every trigger
    // it declares is a scheduled notification.
    {.type = "aws_config_config_rule", .kind = InboundKind::Other, .service = "config",
     .function = "source/source_identifier", .schedule = "source/source_detail/message_type",
     .schedule_value = "ScheduledNotification"},
    {.type = "AWS::Config::ConfigRule", .kind = InboundKind::Other, .service = "config",
     .function = "Source/SourceIdentifier", .schedule = "Source/SourceDetails/MessageType",
     .schedule_value = "ScheduledNotification"},
    {.type = "aws_ses_receipt_rule", .kind = InboundKind::Other, .service = "ses", .function = "lambda_action/function_arn"},
    {.type = "AWS::SES::ReceiptRule", .kind = InboundKind::Other, .service = "ses",
     .function = "Rule/Actions/LambdaAction/FunctionArn"},
    {.type = "aws_vpclattice_target_group_attachment", .kind = InboundKind::Other, .service = "vpc-lattice",
     .function = "target/id"},
    {.type = "AWS::VpcLattice::TargetGroup", .kind = InboundKind::Other, .service = "vpc-lattice",
     .function = "Targets/Id"},
    {.type = "aws_cloudwatch_metric_alarm", .kind = InboundKind::Other, .service = "cloudwatch",
     .function = "alarm_actions"},
    {.type = "AWS::CloudWatch::Alarm", .kind = InboundKind::Other, .service = "cloudwatch", .function = "AlarmActions"},
    {.type = "aws_lambda_function_event_invoke_config", .kind = InboundKind::Other, .service = "lambda-destination",
     .function = "destination_config"},
    {.type = "AWS::Lambda::EventInvokeConfig", .kind = InboundKind::Other, .service = "lambda-destination",
     .function = "DestinationConfig"},
    // Rotation runs on the secret's schedule.
    {.type = "aws_secretsmanager_secret_rotation", .kind = InboundKind::Schedule, .service = "secretsmanager",
     .function = "rotation_lambda_arn"},
    {.type = "AWS::SecretsManager::RotationSchedule", .kind = InboundKind::Schedule, .service = "secretsmanager",
     .function = "RotationLambdaARN"},
    // Deployment time only.
    {.type = "AWS::CloudFormation::Macro", .kind = InboundKind::Macro, .service = "cloudformation",
     .function = "FunctionName"},
    {.type = "AWS::CloudFormation::CustomResource", .kind = InboundKind::CustomResource, .service = "cloudformation",
     .function = "ServiceToken"},
    {.type = "aws_lambda_invocation", .kind = InboundKind::CustomResource, .service = "terraform",
     .function = "function_name"},
};
// Custom resources also come as `Custom::Anything`.
constexpr std::string_view kCustomResourcePrefix = "Custom::";
constexpr std::string_view kCustomResourceToken = "ServiceToken";

// SAM `Events` of pushed sources.
struct SamPushRow {
  std::string_view event_type;
  InboundKind kind;
  std::string_view service, source;
};
constexpr SamPushRow kSamPushed[] = {
    {.event_type = "SNS", .kind = InboundKind::Topic, .service = "sns", .source = "Topic"},
    {.event_type = "S3", .kind = InboundKind::Storage, .service = "s3", .source = "Bucket"},
    {.event_type = "Schedule", .kind = InboundKind::Schedule, .service = "events", .source = "Schedule"},
    {.event_type = "ScheduleV2", .kind = InboundKind::Schedule, .service = "scheduler", .source = "ScheduleExpression"},
    {.event_type = "EventBridgeRule", .kind = InboundKind::EventRule, .service = "events", .source = "EventBusName"},
    {.event_type = "CloudWatchEvent", .kind = InboundKind::EventRule, .service = "events", .source = "EventBusName"},
    {.event_type = "IoTRule", .kind = InboundKind::IotRule, .service = "iot", .source = "Sql"},
    {.event_type = "Cognito", .kind = InboundKind::Cognito, .service = "cognito-idp", .source = "UserPool"},
    {.event_type = "CloudWatchLogs", .kind = InboundKind::Other, .service = "logs", .source = "LogGroupName"},
    {.event_type = "AlexaSkill", .kind = InboundKind::Other, .service = "alexa", .source = "SkillId"},
};
constexpr std::string_view kSamFunction = "AWS::Serverless::Function";
constexpr std::string_view kSamDestinations = "EventInvokeConfig/DestinationConfig";

// Events pushed by services the InboundKind list has no name for: the noun by service.
constexpr std::pair<std::string_view, std::string_view> kOtherSources[] = {
    {"s3-object-lambda", "S3 Object Lambda access point"},
    {"transfer", "Transfer Family workflow"},
    {"firehose", "Firehose data transformation"},
    {"config", "AWS Config rule"},
    {"ses", "SES receipt rule"},
    {"vpc-lattice", "VPC Lattice target group"},
    {"cloudwatch", "CloudWatch alarm"},
    {"lambda-destination", "Lambda asynchronous destination"},
    {"lambda", "Lambda function"},
    {"logs", "CloudWatch Logs subscription"},
    {"alexa", "Alexa skill"},
    {"sam-event", "SAM event"},
};

// A function that calls another: the callee's ARN or name in its environment, or
// lambda:InvokeFunction granted on it.
constexpr std::string_view kInvokeActions[] = {"lambda:invokefunction", "lambda:invokeasync", "lambda:*", "*"};

// ------------------------------------------------------------ permissions, URLs

struct PermissionRow {
  std::string_view type, function, principal, source_arn, source_account, org_id, action, url_auth, token;
};
constexpr PermissionRow kPermissions[] = {
    {.type = "aws_lambda_permission", .function = "function_name", .principal = "principal", .source_arn = "source_arn",
     .source_account = "source_account", .org_id = "principal_org_id", .action = "action",
     .url_auth = "function_url_auth_type", .token = "event_source_token"},
    {.type = "AWS::Lambda::Permission", .function = "FunctionName", .principal = "Principal", .source_arn = "SourceArn",
     .source_account = "SourceAccount", .org_id = "PrincipalOrgID", .action = "Action",
     .url_auth = "FunctionUrlAuthType", .token = "EventSourceToken"},
};
// An invoke permission stands for a trigger of this kind when nothing else in the code
// declares one from the same service (the caller is configured outside the code).
struct PrincipalRow {
  std::string_view principal;
  InboundKind kind;
  std::string_view service;
};
constexpr PrincipalRow kPrincipals[] = {
    {"apigateway.amazonaws.com", InboundKind::ApiRoute, "execute-api"},
    {"sns.amazonaws.com", InboundKind::Topic, "sns"},
    {"s3.amazonaws.com", InboundKind::Storage, "s3"},
    {"events.amazonaws.com", InboundKind::EventRule, "events"},
    {"scheduler.amazonaws.com", InboundKind::Schedule, "scheduler"},
    {"pipes.amazonaws.com", InboundKind::Pipe, "pipes"},
    {"iot.amazonaws.com", InboundKind::IotRule, "iot"},
    {"cognito-idp.amazonaws.com", InboundKind::Cognito, "cognito-idp"},
    {"appsync.amazonaws.com", InboundKind::AppSync, "appsync"},
    {"states.amazonaws.com", InboundKind::StateMachine, "states"},
    {"logs.amazonaws.com", InboundKind::Other, "logs"},
    {"elasticloadbalancing.amazonaws.com", InboundKind::LoadBalancer, "elasticloadbalancing"},
    {"edgelambda.amazonaws.com", InboundKind::Edge, "cloudfront"},
};

struct UrlRow {
  std::string_view type, function, auth;
};
constexpr UrlRow kUrls[] = {
    {.type = "aws_lambda_function_url", .function = "function_name", .auth = "authorization_type"},
    {.type = "AWS::Lambda::Url", .function = "TargetFunctionArn", .auth = "AuthType"},
};
// Aliases and versions stand for their function (a URL may be on an alias).
constexpr std::pair<std::string_view, std::string_view> kFunctionQualifiers[] = {
    {"aws_lambda_alias", "function_name"},
    {"AWS::Lambda::Alias", "FunctionName"},
    {"AWS::Lambda::Version", "FunctionName"},
};
// Terraform data sources read things declared elsewhere.
constexpr std::string_view kDataSourcePrefix = "data.";

// ------------------------------------------------------------ helpers

std::string_view service_of_source(const Model& model, const Value* source) {
  for (const NativeResource* r : model.referenced(source)) {
    std::string_view service = service_of_type(r->type);
    if (!service.empty()) return service;
  }
  return service_of_arn(string_of(source));
}

InboundKind kind_of_polled(std::string_view service) {
  if (service == "kafka") return InboundKind::Kafka;
  if (service == "kinesis" || service == "dynamodb" || service == "docdb") return InboundKind::Stream;
  return InboundKind::Queue;
}

bool is_number(const Value* v) { return v && v->kind == Kind::Number; }

std::string number_text(const Value* v) {
  double n = v->number;
  return n == static_cast<long long>(n) ? std::to_string(static_cast<long long>(n)) : std::to_string(n);
}

// The shard count of the Kinesis stream `source` designates: null when not in the code,
// on demand, or not knowable.
const Value* shard_count(const Model& model, const Value* source) {
  for (const NativeResource* r : model.referenced(source))
    for (const auto& row : kShards) {
      if (row.type != r->type) continue;
      if (string_of(at_path(r->body, row.mode)) == kOnDemand) return nullptr;
      const Value* count = at_path(r->body, row.shard_count);
      return is_number(count) ? count : nullptr;
    }
  return nullptr;
}

// The largest declared partition count of the topics a Kafka mapping reads: null unless
// every topic is declared in the code with a known count.
const Value* partitions(const Model& model, const Value* topics) {
  const Value* found = nullptr;
  std::vector<const Value*> names = list_items(topics);
  if (names.empty()) return nullptr;
  for (const Value* name : names) {
    const Value* count = nullptr;
    for (const auto& r : model.unit->resources)
      for (const auto& row : kKafkaTopics) {
        const Value* declared = at_path(r.body, row.partitions);
        if (row.type == r.type && is_known_string(name) && string_of(at_path(r.body, row.name)) == name->text &&
            is_number(declared))
          count = declared;
      }
    if (!count) return nullptr;
    if (!found || count->number > found->number) found = count;
  }
  return found;
}

// How a polled source's concurrency is bounded.
void classify_polled(const Model& model, Inbound& in, const Value* source, const Value* topics) {
  if (in.enabled && in.enabled->kind == Kind::Bool && !in.enabled->boolean) {
    in.burst = Burst::Capped;
    in.why = "the mapping is disabled";
    return;
  }
  in.burst = Burst::Bursting;
  switch (in.kind) {
    case InboundKind::Queue:
      if (in.service != "sqs") {
        in.why.clear();  // a broker: Lambda scales its consumers with the backlog
      } else if (in.max_concurrency && !in.max_concurrency->is_null()) {
        in.burst = Burst::Capped;  // also when not knowable: it is set
        in.why = is_number(in.max_concurrency) ? "maximum concurrency " + number_text(in.max_concurrency)
                                                : "a maximum concurrency is set";
      } else {
        in.why = "no maximum concurrency";
      }
      return;
    case InboundKind::Stream: {
      in.shard_count = in.service == "kinesis" ? shard_count(model, source) : nullptr;
      const Value* factor = in.parallelization_factor;
      bool factor_known = !factor || factor->is_null() || is_number(factor);
      if (in.shard_count && factor_known) {
        long long shards = static_cast<long long>(in.shard_count->number);
        long long per = is_number(factor) ? static_cast<long long>(factor->number) : 1;
        in.burst = Burst::Capped;
        in.why = std::to_string(shards) + (shards == 1 ? " shard" : " shards") + " x parallelization factor " +
                 std::to_string(per) + " = at most " + std::to_string(shards * per) + " concurrent invocations";
      } else {
        in.why = in.service == "kinesis" ? "its shard count is not known from the code"
                                         : "its shard count is set by the service, not the code";
      }
      return;
    }
    case InboundKind::Kafka:
      in.partitions = partitions(model, topics);
      if (in.partitions) {
        in.burst = Burst::Capped;
        in.why = "at most " + number_text(in.partitions) + " partitions";
      } else {
        in.why = "its topics' partition counts are not in the code";
      }
      return;
    default:
      return;
  }
}

// Where a polled source's failing records go (Inbound::failure_destination).
void read_failure_destination(const Model& model, Inbound& in, const Value* source, const Value* on_failure) {
  if (on_failure && !on_failure->is_null()) {
    in.failure_destination = on_failure;
    return;
  }
  if (in.service != "sqs") return;  // streams and Kafka: only the mapping has one
  std::vector<const NativeResource*> queues;
  for (const NativeResource* r : model.referenced(source))
    for (auto type : kSqsQueueTypes)
      if (r->type == type) queues.push_back(r);
  if (queues.empty()) {
    in.failure_destination_known = false;  // a queue from outside the code
    return;
  }
  for (const NativeResource* queue : queues) {
    for (const auto& row : kQueueRedrive) {
      if (row.queue.empty()) {
        const Value* policy = row.type == queue->type ? at_path(queue->body, row.policy) : nullptr;
        if (policy && !policy->is_null()) in.failure_destination = policy;
        continue;
      }
      for (const auto& r : model.unit->resources) {
        if (r.type != row.type) continue;
        for (const NativeResource* named : model.referenced(at_path(r.body, row.queue)))
          if (named == queue) in.failure_destination = at_path(r.body, row.policy);
      }
    }
  }
}

std::string source_name(const Model& model, const Value* v, const NativeResource& fallback) {
  for (const NativeResource* r : model.referenced(v)) return r->address;
  if (is_known_string(v)) return v->text;
  return fallback.address;
}

void lower_mappings(const LoadedUnit& unit, Model& model) {
  for (const auto& r : unit.resources) {
    for (const auto& row : kMappings) {
      if (row.type != r.type) continue;
      Function* fn = mutable_function(model, at_path(r.body, row.function));
      if (!fn) continue;
      Inbound in;
      in.resource = &r;
      in.range = r.declaration;
      const Value* source = at_path(r.body, row.source);
      const Value* self_managed = at_path(r.body, row.self_managed);
      in.service = self_managed && !self_managed->is_null() ? "kafka" : service_of_source(model, source);
      in.kind = kind_of_polled(in.service);
      in.source = source_name(model, source, r);
      in.max_concurrency = at_path(r.body, row.max_concurrency);
      in.batch_size = at_path(r.body, row.batch_size);
      in.parallelization_factor = at_path(r.body, row.parallelization);
      in.enabled = at_path(r.body, row.enabled);
      classify_polled(model, in, source, at_path(r.body, row.topics));
      read_failure_destination(model, in, source, at_path(r.body, row.on_failure));
      fn->inbound.push_back(std::move(in));
    }
  }
}

void add_invoker(Model& model, const Value& at, const NativeResource& r, InboundKind kind, std::string_view service,
                 std::vector<const Function*>& seen) {
  Function* fn = mutable_function(model, &at);
  if (!fn || std::find(seen.begin(), seen.end(), fn) != seen.end()) return;
  seen.push_back(fn);
  Inbound in;
  in.kind = kind;
  in.resource = &r;
  in.range = r.declaration;
  in.service = service;
  in.source = r.address;
  classify_pushed(in);
  fn->inbound.push_back(std::move(in));
}

// Every value inside `v` (decoded documents included) that may name a function.
void each_value(const Value& v, const std::function<void(const Value&)>& visit) {
  visit(v);
  for (const auto& item : v.items) each_value(item, visit);
  for (const auto& f : v.fields) each_value(f.value, visit);
  if (v.decoded) each_value(*v.decoded, visit);
}

bool scheduled(const Model& model, const NativeResource& r, const InvokerRow& row) {
  auto written = [](const Value* v) { return v && !v->is_null(); };
  if (row.schedule.empty()) return false;
  if (!row.schedule_value.empty()) {
    bool any = false, all = true;
    each_at_path(r.body, row.schedule, [&](const Value& v) {
      any = true;
      all = all && is_known_string(&v) && v.text == row.schedule_value;
    });
    return any && all;
  }
  if (row.rule.empty()) return written(at_path(r.body, row.schedule));
  for (const NativeResource* rule : model.referenced(at_path(r.body, row.rule)))
    if (written(at_path(rule->body, row.schedule))) return true;
  return false;
}

void lower_invokers(const LoadedUnit& unit, Model& model) {
  for (const auto& r : unit.resources) {
    for (const auto& row : kInvokers) {
      if (row.type != r.type) continue;
      InboundKind kind = scheduled(model, r, row) ? InboundKind::Schedule : row.kind;
      std::vector<const Function*> seen;
      if (row.function.empty()) {
        // A whole definition: only references and function ARNs name a function there (a
        // state called like a function is not one).
        each_value(r.body, [&](const Value& v) {
          std::string_view text = v.is_unknown() ? known_pattern(v) : string_of(&v);
          if (!v.refs.empty() || text.find(":function:") != std::string_view::npos)
            add_invoker(model, v, r, kind, row.service, seen);
        });
      } else {
        each_at_path(r.body, row.function, [&](const Value& v) {
          each_value(v, [&](const Value& inner) { add_invoker(model, inner, r, kind, row.service, seen); });
        });
      }
    }
    if (r.type.rfind(kCustomResourcePrefix, 0) == 0) {
      std::vector<const Function*> seen;
      if (const Value* token = at_path(r.body, kCustomResourceToken))
        add_invoker(model, *token, r, InboundKind::CustomResource, "cloudformation", seen);
    }
  }
}

void lower_sam_events(Model& model) {
  for (auto& fn : model.functions) {
    if (fn.resource->type != kSamFunction) continue;
    const Value* events = at_path(fn.resource->body, "Events");
    if (!events || !events->is_map()) continue;
    for (const auto& event : events->fields) {
      std::string_view type = string_of(event.value.get("Type"));
      const Value* props = event.value.get("Properties");
      Inbound in;
      in.resource = fn.resource;
      in.range = event.key_range.valid() ? event.key_range : event.value.where;
      for (const auto& row : kSamPolled) {
        if (row.event_type != type) continue;
        in.service = row.service;
        in.kind = kind_of_polled(row.service);
        const Value* source = at_path(props, row.source);
        in.source = source_name(model, source, *fn.resource);
        in.max_concurrency = at_path(props, kSamMappingFields.max_concurrency);
        in.batch_size = at_path(props, kSamMappingFields.batch_size);
        in.parallelization_factor = at_path(props, kSamMappingFields.parallelization);
        in.enabled = at_path(props, kSamMappingFields.enabled);
        classify_polled(model, in, source, at_path(props, kSamMappingFields.topics));
        read_failure_destination(model, in, source, at_path(props, kSamMappingFields.on_failure));
        fn.inbound.push_back(std::move(in));
      }
      bool known = type == "Api" || type == "HttpApi";  // API routes: lower_api_routes
      for (const auto& row : kSamPolled) known = known || row.event_type == type;
      for (const auto& row : kSamPushed) {
        if (row.event_type != type) continue;
        known = true;
        in.kind = row.kind;
        in.service = row.service;
        const Value* source = at_path(props, row.source);
        in.source = source ? source_name(model, source, *fn.resource) : "from SAM event " + event.key;
        classify_pushed(in);
        fn.inbound.push_back(in);
      }
      if (!known) {  // an event type this table does not list still invokes the function
        in.kind = InboundKind::Other;
        in.service = "sam-event";
        in.source = event.key + (type.empty() ? "" : " (" + std::string(type) + ")");
        classify_pushed(in);
        fn.inbound.push_back(std::move(in));
      }
    }
  }
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void add_caller(Model& model, const Value& at, const Function& caller, Range where) {
  Function* callee = mutable_function(model, &at);
  if (!callee || callee == &caller) return;
  for (const Inbound& in : callee->inbound)
    if (in.service == "lambda" && in.resource == caller.resource) return;
  Inbound in;
  in.kind = InboundKind::Other;
  in.resource = caller.resource;
  in.range = where.valid() ? where : caller.resource->declaration;
  in.service = "lambda";
  in.source = caller.address();
  classify_pushed(in);
  callee->inbound.push_back(std::move(in));
}

// Functions that call functions of the code: through their environment or a grant to invoke.
void lower_function_callers(Model& model) {
  for (const Function& caller : model.functions) {
    for (const EnvVar& env : caller.environment)  // a reference or an ARN, not a bare name (TABLE=orders)
      if (env.value && (!env.value->refs.empty() || string_of(env.value).find(":function:") != std::string_view::npos))
        add_caller(model, *env.value, caller, env.name_range);
    for (const Policy* policy : caller.policies)
      for (const PolicyStatement& st : policy->statements) {
        if (!st.allows() || st.not_action || st.not_resource) continue;
        bool invokes = false;
        for (const Value* action : st.actions)
          for (auto a : kInvokeActions) invokes = invokes || lower_ascii(string_of(action)) == a;
        if (!invokes) continue;
        for (const Value* resource : st.resources)
          if (resource && string_of(resource) != "*") add_caller(model, *resource, caller, caller.resource->declaration);
      }
  }
  // SAM: asynchronous destinations declared on the function.
  for (auto& fn : model.functions) {
    if (fn.resource->type != kSamFunction) continue;
    if (const Value* destinations = at_path(fn.resource->body, kSamDestinations)) {
      std::vector<const Function*> seen{&fn};
      each_value(*destinations, [&](const Value& v) {
        add_invoker(model, v, *fn.resource, InboundKind::Other, "lambda-destination", seen);
      });
    }
  }
}

void lower_permissions(const LoadedUnit& unit, Model& model) {
  for (const auto& r : unit.resources) {
    for (const auto& row : kPermissions) {
      if (row.type != r.type) continue;
      InvokePermission p;
      p.resource = &r;
      p.function_ref = at_path(r.body, row.function);
      p.principal = at_path(r.body, row.principal);
      p.source_arn = at_path(r.body, row.source_arn);
      p.source_account = at_path(r.body, row.source_account);
      p.principal_org_id = at_path(r.body, row.org_id);
      p.action = at_path(r.body, row.action);
      p.function_url_auth_type = at_path(r.body, row.url_auth);
      p.event_source_token = at_path(r.body, row.token);
      p.function = model.function_for(p.function_ref);
      model.invoke_permissions.push_back(p);
    }
  }
}

// The function a value designates directly or through an alias or version of it.
Function* qualified_function(Model& model, const Value* designation) {
  if (Function* fn = mutable_function(model, designation)) return fn;
  for (const NativeResource* r : model.referenced(designation))
    for (const auto& [type, path] : kFunctionQualifiers)
      if (type == r->type)
        if (Function* fn = mutable_function(model, at_path(r->body, path))) return fn;
  return nullptr;
}

// Whether a URL's function reference leads outside the unit: a literal name or ARN, a
// variable or parameter, a data source, a reference the unit cannot resolve. A reference to
// something declared that is not a function says nothing.
bool names_foreign_function(const Model& model, const Value* designation) {
  if (!designation) return false;
  for (const Ref& ref : designation->refs) {
    const NativeResource* target = model.resource(ref.address);
    if (target && target->type.rfind(kDataSourcePrefix, 0) != 0) return false;
  }
  return true;
}

// The function as the URL writes it: the expression after the attribute's key on its line
// ("var.function_name", "!Ref FunctionArn", "data.aws_lambda_function.legacy.arn"), kept as
// an Unknown value positioned there with the references of what it evaluated to.
const Value* as_written(Model& model, const Value& body, std::string_view key, const Value* designation) {
  const Field* field = body.field(key);
  if (!field || !field->key_range.valid()) return designation;
  std::string_view text = field->key_range.file->text();
  size_t begin = field->key_range.end, end = text.find('\n', begin);
  if (end == std::string_view::npos) end = text.size();
  auto blank = [&](size_t i) { return text[i] == ' ' || text[i] == '\t' || text[i] == '"' || text[i] == '\r'; };
  while (begin < end && (blank(begin) || text[begin] == '=' || text[begin] == ':')) ++begin;
  for (std::string_view comment : {" #", " //"})
    if (size_t at = text.substr(begin, end - begin).find(comment); at != std::string_view::npos) end = begin + at;
  while (end > begin && (blank(end - 1) || text[end - 1] == ',')) --end;
  if (begin >= end) return designation;
  Value& named = model.synthesized.emplace_back(
      Value::unknown(Range{field->key_range.file, static_cast<uint32_t>(begin), static_cast<uint32_t>(end)},
                     "the function as the URL names it"));
  if (designation) named.refs = designation->refs;
  return &named;
}

void lower_urls(const LoadedUnit& unit, Model& model) {
  for (const auto& r : unit.resources) {
    for (const auto& row : kUrls) {
      if (row.type != r.type) continue;
      const Value* designation = at_path(r.body, row.function);
      FunctionUrl url{&r, at_path(r.body, row.auth), r.declaration, designation};
      if (Function* fn = qualified_function(model, designation)) {
        fn->urls.push_back(url);
      } else if (names_foreign_function(model, designation)) {
        url.function_ref = as_written(model, r.body, row.function, designation);
        model.foreign_function_urls.push_back(url);
      }
    }
  }
  for (auto& fn : model.functions) {
    for (const auto& url : fn.urls) {
      Inbound in;
      in.kind = InboundKind::FunctionUrl;
      in.resource = url.resource;
      in.range = url.range;
      in.service = "lambda";
      in.source = url.resource->address;
      in.authorization = url.auth_type;
      std::string_view auth = string_of(url.auth_type);
      if (auth == "NONE") {
        in.burst = Burst::PublicOpen;
        in.why = "authorization NONE, and function URLs have no throttling";
      } else {
        in.authenticated = true;
        in.burst = Burst::PublicLimited;
        in.why = auth.empty() ? "its authorization is not known from the code" : "authorization " + std::string(auth);
      }
      fn.inbound.push_back(std::move(in));
    }
  }
}

}  // namespace

Function* mutable_function(Model& model, const Value* designation) {
  return const_cast<Function*>(model.function_for(designation));
}

void classify_pushed(Inbound& in) {
  switch (in.kind) {
    case InboundKind::Macro:
    case InboundKind::CustomResource:
      in.burst = Burst::Deployment;
      in.why = "it runs only while the stack is deployed";
      return;
    case InboundKind::Schedule:
      // One invocation per tick: a schedule cannot burst.
      in.burst = Burst::Capped;
      in.why = "a schedule starts one invocation per tick";
      return;
    default:
      in.burst = Burst::Bursting;
      return;
  }
}

// Invoke permissions for callers the code declares nowhere else: the caller is configured
// outside the code (or in a form ephemera does not read), so the facts that bound it are not
// known; such an API or load balancer counts as an entry point whose authorization is unknown.
void lower_permission_inbound(Model& model) {
  for (const InvokePermission& p : model.invoke_permissions) {
    Function* fn = const_cast<Function*>(p.function);
    if (!fn) continue;
    for (const auto& row : kPrincipals) {
      if (string_of(p.principal) != row.principal) continue;
      bool declared = false;
      for (const Inbound& in : fn->inbound) declared = declared || in.service == row.service;
      if (declared) continue;
      Inbound in;
      in.kind = row.kind;
      in.resource = p.resource;
      in.range = p.resource->declaration;
      in.service = row.service;
      in.source = p.source_arn && !model.referenced(p.source_arn).empty() ? model.referenced(p.source_arn).front()->address
                                                                         : p.resource->address;
      if (in.public_entry()) {
        in.burst = Burst::PublicLimited;
        in.why = "its authorization and throttling are not in this code";
      } else {
        classify_pushed(in);
      }
      fn->inbound.push_back(std::move(in));
    }
  }
}

std::string_view to_string(InboundKind k) {
  switch (k) {
    case InboundKind::ApiRoute: return "API route";
    case InboundKind::WebSocketRoute: return "WebSocket route";
    case InboundKind::FunctionUrl: return "function URL";
    case InboundKind::LoadBalancer: return "load balancer target group";
    case InboundKind::AppSync: return "AppSync data source";
    case InboundKind::Authorizer: return "API authorizer";
    case InboundKind::EventRule: return "EventBridge rule";
    case InboundKind::Schedule: return "schedule";
    case InboundKind::Pipe: return "EventBridge pipe";
    case InboundKind::Topic: return "SNS subscription";
    case InboundKind::Storage: return "S3 notification";
    case InboundKind::IotRule: return "IoT rule";
    case InboundKind::Cognito: return "Cognito trigger";
    case InboundKind::Edge: return "CloudFront Lambda@Edge association";
    case InboundKind::StateMachine: return "Step Functions state machine";
    case InboundKind::Queue: return "queue";
    case InboundKind::Stream: return "stream";
    case InboundKind::Kafka: return "Kafka topic";
    case InboundKind::Macro: return "CloudFormation macro";
    case InboundKind::CustomResource: return "custom resource";
    case InboundKind::Other: return "event source";
  }
  return "event source";
}

std::string describe(const Inbound& in) {
  std::string_view noun = to_string(in.kind);
  if (in.kind == InboundKind::Other)
    for (const auto& [service, name] : kOtherSources)
      if (service == in.service) noun = name;
  if (in.kind == InboundKind::Queue) noun = in.service == "sqs" ? "SQS queue" : in.service == "mq" ? "Amazon MQ broker" : noun;
  if (in.kind == InboundKind::Stream)
    noun = in.service == "kinesis"    ? "Kinesis stream"
           : in.service == "dynamodb" ? "DynamoDB stream"
           : in.service == "docdb"    ? "DocumentDB change stream"
                                      : noun;
  return std::string(noun) + (in.source.empty() ? "" : " " + in.source);
}

std::string with_article(std::string_view phrase) {
  std::string_view word = phrase.substr(0, phrase.find(' '));
  bool an = !word.empty() && std::string_view("AEIOUaeiou").find(word.front()) != std::string_view::npos;
  bool acronym = word.size() >= 2 && std::all_of(word.begin(), word.end(), [](char c) {
                   return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
                 });
  // Letters read with a leading vowel sound: "an SQS queue", "an HTTP API", "an S3 notification".
  if (acronym && std::string_view("FHLMNRSX").find(word.front()) != std::string_view::npos) an = true;
  return (an ? "an " : "a ") + std::string(phrase);
}

void lower_triggers(const LoadedUnit& unit, Model& model) {
  lower_mappings(unit, model);
  lower_sam_events(model);
  lower_invokers(unit, model);
  lower_function_callers(model);
  lower_permissions(unit, model);
  lower_urls(unit, model);
  lower_load_balancers(unit, model);
}

}  // namespace eph
