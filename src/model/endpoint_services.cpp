#include "model/endpoint_services.h"

#include <algorithm>
#include <cctype>

#include "core/partly_known.h"

namespace eph {
namespace {

// Services with VPC endpoints, by IAM prefix. `endpoint` is what a fix creates.
constexpr EndpointService kEndpointServices[] = {
    {"appconfig", "appconfigdata", false, "appconfig"},
    {"athena", "athena", false, ""},
    {"autoscaling", "autoscaling", false, ""},
    {"bedrock", "bedrock-runtime", false, "bedrock bedrock-agent-runtime bedrock-agent"},
    {"cloudformation", "cloudformation", false, ""},
    {"cloudwatch", "monitoring", false, ""},
    {"codebuild", "codebuild", false, ""},
    {"codecommit", "git-codecommit", false, "codecommit"},
    {"cognito-idp", "cognito-idp", false, ""},
    {"comprehend", "comprehend", false, ""},
    {"dynamodb", "dynamodb", true, ""},
    {"ebs", "ebs", false, ""},
    {"ec2", "ec2", false, ""},
    {"ecs", "ecs", false, ""},
    {"elasticloadbalancing", "elasticloadbalancing", false, ""},
    {"events", "events", false, ""},
    {"firehose", "kinesis-firehose", false, ""},
    {"glue", "glue", false, ""},
    {"kinesis", "kinesis-streams", false, ""},
    {"kms", "kms", false, "kms-fips"},
    {"lambda", "lambda", false, ""},
    {"polly", "polly", false, ""},
    {"rds", "rds", false, ""},
    {"rds-data", "rds-data", false, ""},
    {"redshift-data", "redshift-data", false, ""},
    {"rekognition", "rekognition", false, ""},
    {"s3", "s3", true, ""},
    {"sagemaker", "sagemaker.runtime", false, "sagemaker.api"},
    {"secretsmanager", "secretsmanager", false, ""},
    {"servicediscovery", "data-servicediscovery", false, "servicediscovery"},
    {"sns", "sns", false, ""},
    {"sqs", "sqs", false, ""},
    {"ssm", "ssm", false, ""},
    {"states", "states", false, "sync-states"},
    {"sts", "sts", false, ""},
    {"textract", "textract", false, ""},
    {"translate", "translate", false, ""},
};

// Grants that never lead to a call from the function's network interface.
constexpr std::string_view kIgnoredServices[] = {
    "dax", "ecr", "elasticache", "elasticfilesystem", "kafka-cluster", "logs", "memorydb", "neptune-db", "rds-db", "xray",
};

// ec2 actions Lambda needs to attach the function to its subnets.
constexpr std::string_view kEniActions[] = {
    "ec2:assignprivateipaddresses", "ec2:createnetworkinterface", "ec2:deletenetworkinterface",
    "ec2:describenetworkinterfaces", "ec2:describesecuritygroups", "ec2:describesubnets",
    "ec2:describevpcs", "ec2:detachnetworkinterface", "ec2:unassignprivateipaddresses",
};

// Actions of event source mappings, which poll from the Lambda service.
constexpr std::string_view kPollerActions[] = {
    "dynamodb:describestream", "dynamodb:getrecords", "dynamodb:getsharditerator", "dynamodb:liststreams",
    "kinesis:describestream", "kinesis:describestreamconsumer", "kinesis:describestreamsummary",
    "kinesis:getrecords", "kinesis:getsharditerator", "kinesis:listshards", "kinesis:liststreams",
    "kinesis:registerstreamconsumer", "kinesis:subscribetoshard", "sqs:changemessagevisibility",
    "sqs:deletemessage", "sqs:getqueueattributes", "sqs:receivemessage",
};

struct ManagedPolicyRow {
  std::string_view name;
  std::string_view services;
};
constexpr ManagedPolicyRow kManagedPolicies[] = {
    {"AWSLambdaBasicExecutionRole", ""},
    {"AWSLambdaVPCAccessExecutionRole", ""},
    {"AWSLambdaENIManagementAccess", ""},
    {"AWSXRayDaemonWriteAccess", ""},
    {"AWSXrayWriteOnlyAccess", ""},
    {"CloudWatchLambdaInsightsExecutionRolePolicy", ""},
    {"AWSLambdaSQSQueueExecutionRole", ""},
    {"AWSLambdaKinesisExecutionRole", ""},
    {"AWSLambdaDynamoDBExecutionRole", ""},
    {"AWSLambdaMSKExecutionRole", ""},
    {"AmazonElasticFileSystemClientReadOnlyAccess", ""},
    {"AmazonElasticFileSystemClientReadWriteAccess", ""},
    {"AmazonElasticFileSystemClientFullAccess", ""},
    {"AmazonEC2ContainerRegistryReadOnly", ""},
    {"AWSLambdaExecute", "s3"},
    {"AWSLambdaRole", "lambda"},
    {"AmazonS3ReadOnlyAccess", "s3"},
    {"AmazonS3FullAccess", "s3"},
    {"AmazonDynamoDBReadOnlyAccess", "dynamodb"},
    {"AmazonDynamoDBFullAccess", "dynamodb"},
    {"AmazonSQSReadOnlyAccess", "sqs"},
    {"AmazonSQSFullAccess", "sqs"},
    {"AmazonSNSReadOnlyAccess", "sns"},
    {"AmazonSNSFullAccess", "sns"},
    {"AmazonKinesisReadOnlyAccess", "kinesis"},
    {"AmazonKinesisFullAccess", "kinesis"},
    {"AmazonKinesisFirehoseFullAccess", "firehose"},
    {"SecretsManagerReadWrite", "secretsmanager"},
    {"AmazonSSMReadOnlyAccess", "ssm"},
    {"AmazonSSMFullAccess", "ssm"},
    {"AWSStepFunctionsReadOnlyAccess", "states"},
    {"AWSStepFunctionsFullAccess", "states"},
    {"AmazonEventBridgeFullAccess", "events"},
    {"CloudWatchEventsFullAccess", "events"},
    {"AmazonRDSDataFullAccess", "rds-data secretsmanager"},
    {"AmazonAthenaFullAccess", "athena glue s3"},
    {"AmazonBedrockFullAccess", "bedrock"},
    {"AmazonTextractFullAccess", "textract"},
    {"ComprehendFullAccess", "comprehend"},
    {"AmazonRekognitionReadOnlyAccess", "rekognition"},
    {"AmazonRekognitionFullAccess", "rekognition"},
    {"TranslateReadOnly", "translate"},
    {"AmazonPollyReadOnlyAccess", "polly"},
    {"AmazonPollyFullAccess", "polly"},
    {"AmazonSESFullAccess", "ses"},
    {"AmazonAPIGatewayInvokeFullAccess", "execute-api"},
    {"AWSAppSyncInvokeFullAccess", "appsync"},
    {"AWSIoTDataAccess", "iot"},
    {"AmazonEC2ReadOnlyAccess", "ec2"},
    {"AWSLambda_FullAccess", "*"},
    {"AWSLambda_ReadOnlyAccess", "*"},
    {"CloudWatchFullAccess", "*"},
    {"AdministratorAccess", "*"},
    {"PowerUserAccess", "*"},
    {"ReadOnlyAccess", "*"},
};

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

bool contains_word(std::string_view list, std::string_view word) {
  while (!list.empty()) {
    size_t sp = list.find(' ');
    if (list.substr(0, sp) == word) return true;
    if (sp == std::string_view::npos) break;
    list.remove_prefix(sp + 1);
  }
  return false;
}

bool is_region(std::string_view s) {
  // "eu-west-1", "us-gov-west-1", "cn-north-1": letters and dashes ending in a number.
  if (s.empty() || !std::isdigit(static_cast<unsigned char>(s.back()))) return false;
  return std::count(s.begin(), s.end(), '-') >= 2;
}

bool service_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_'; }

}  // namespace

ServiceReach reach_of(std::string_view iam_prefix) {
  for (auto s : kIgnoredServices)
    if (s == iam_prefix) return ServiceReach::Ignored;
  return endpoint_for_service(iam_prefix) ? ServiceReach::Endpoint : ServiceReach::NoEndpoint;
}

const EndpointService* endpoint_for_service(std::string_view iam_prefix) {
  for (const auto& row : kEndpointServices)
    if (row.iam_prefix == iam_prefix) return &row;
  return nullptr;
}

bool endpoint_serves_service(std::string_view suffix, std::string_view iam_prefix) {
  const EndpointService* row = endpoint_for_service(iam_prefix);
  if (!row) return false;
  return suffix == row->endpoint || contains_word(row->also, suffix);
}

bool is_platform_action(std::string_view action, bool polled_by_lambda) {
  std::string a = lower(action);
  for (auto x : kEniActions)
    if (a == x) return true;
  // "ec2:*NetworkInterface*" and the like: still only ENI management.
  if (a.rfind("ec2:", 0) == 0 && a.find("networkinterface") != std::string::npos) return true;
  if (a == "iam:passrole") return true;
  if (polled_by_lambda)
    for (auto x : kPollerActions)
      if (a == x) return true;
  return false;
}

bool managed_policy_services(std::string_view arn, std::string_view& services) {
  std::string_view name = arn;
  if (arn.rfind("arn:", 0) == 0 || arn.find(":iam::") != std::string_view::npos) {
    // Only AWS managed policies (account "aws") are in the table.
    if (arn.find(":iam::aws:policy/") == std::string_view::npos) return false;
    name = arn.substr(arn.rfind('/') + 1);
  }
  for (const auto& row : kManagedPolicies) {
    if (row.name == name) {
      services = row.services;
      return true;
    }
  }
  return false;
}

std::string written_literal_tail(const Value* v) {
  if (!v || v->is_string()) return {};
  if (std::string_view pattern = known_pattern(*v); !pattern.empty()) {
    // The front-end kept the literal parts: the ending is what follows the last unknown part.
    size_t hole = pattern.rfind("${");
    size_t close = hole == std::string_view::npos ? std::string_view::npos : pattern.find('}', hole);
    return close == std::string_view::npos ? std::string() : std::string(pattern.substr(close + 1));
  }
  if (!v->where.valid()) return {};
  std::string_view text = v->where.text();
  // After the end of the last interpolation ("${...}", or a Ref map inside Fn::Join); the
  // closing braces of a JSON or flow-style intrinsic map come after it, so look back a few.
  // A list-form join (`!Join ["", ["com.amazonaws.", !Ref "AWS::Region", ".s3"]]`) ends
  // with its last quoted piece.
  size_t last = text.find_last_not_of(" \t\r\n]})");
  if (last != std::string_view::npos && (text[last] == '"' || text[last] == '\'')) {
    size_t open = text.rfind(text[last], last == 0 ? 0 : last - 1);
    if (open != std::string_view::npos && open < last) {
      std::string_view piece = text.substr(open + 1, last - open - 1);
      bool plain = !piece.empty() && piece.find("${") == std::string_view::npos;
      for (char c : piece) plain = plain && (service_char(c) || c == ':' || c == '/');
      if (plain && (piece[0] == '.' || piece[0] == ':' || piece[0] == '/')) return std::string(piece);
    }
  }
  size_t close = text.size();
  for (int tries = 0; tries < 4; ++tries) {
    close = close == 0 ? std::string_view::npos : text.rfind('}', close - 1);
    if (close == std::string_view::npos) return {};
    std::string_view tail = text.substr(close + 1);
    size_t start = 0;
    while (start < tail.size() && (tail[start] == ' ' || tail[start] == ',' || tail[start] == '"' ||
                                   tail[start] == '\'' || tail[start] == '\n' || tail[start] == '\r' ||
                                   tail[start] == '\t'))
      ++start;
    size_t end = start;
    while (end < tail.size() && (service_char(tail[end]) || tail[end] == ':' || tail[end] == '/')) ++end;
    if (end < tail.size() && tail[end] == '$') return {};  // another interpolation follows
    std::string_view literal = tail.substr(start, end - start);
    // A literal ending continues the template: it starts with a separator.
    if (!literal.empty() && (literal[0] == '.' || literal[0] == ':' || literal[0] == '/')) return std::string(literal);
  }
  return {};
}

std::string endpoint_service_suffix(const Value* service_name) {
  if (!service_name) return {};
  if (service_name->is_string()) {
    std::string_view s = service_name->text;
    // com.amazonaws.<region>.<service...>, cn.com.amazonaws.<region>.<service...>,
    // aws.sagemaker.<region>.<service>, com.amazonaws.vpce.<region>.vpce-svc-... (PrivateLink).
    std::vector<std::string_view> parts;
    while (true) {
      size_t dot = s.find('.');
      parts.push_back(s.substr(0, dot));
      if (dot == std::string_view::npos) break;
      s.remove_prefix(dot + 1);
    }
    for (size_t i = 0; i + 1 < parts.size(); ++i) {
      if (!is_region(parts[i])) continue;
      std::string out;
      for (size_t j = i + 1; j < parts.size(); ++j) {
        if (!out.empty()) out += '.';
        out += parts[j];
      }
      return out;
    }
    return {};
  }
  std::string tail = written_literal_tail(service_name);
  if (tail.size() < 2 || tail[0] != '.') return {};
  std::string out = tail.substr(1);
  for (char c : out)
    if (!service_char(c)) return {};
  return out;
}

}  // namespace eph
