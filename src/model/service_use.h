#pragma once
// What a function talks to, read from the code: the AWS services its execution role lets
// it call (inline, attached and AWS managed policies, SAM policy templates) and the
// services of the resources its environment refers to; the hosts outside AWS its
// environment names; whether a tag says it needs internet egress.
//
// Only calls made from the function's own network interface count. Grants the Lambda
// service uses on the function's behalf are left out on purpose:
//  - logs and xray: Lambda ships logs and traces itself (AWSLambdaBasicExecutionRole);
//  - ec2 network-interface actions: Lambda creates the VPC ENIs (AWSLambdaVPCAccessExecutionRole);
//  - ecr: Lambda pulls container images; elasticfilesystem: NFS mount authorisation;
//  - rds-db, dax, elasticache, memorydb, kafka-cluster, neptune-db: authorisation for
//    data planes that live inside the VPC;
//  - iam:PassRole: an authorisation check, not a call;
//  - poller actions (sqs:ReceiveMessage, kinesis:GetRecords...) when a queue or stream
//    triggers the function: the event source mapping polls from the Lambda service;
//  - kms when the function also uses a service that calls KMS itself (S3, SQS, SNS,
//    DynamoDB, Secrets Manager, SSM, Kinesis, Firehose, Step Functions): the grant is
//    for that service's server-side encryption.
#include <string>
#include <vector>

#include "core/finding.h"
#include "core/value.h"

namespace eph {

struct Function;
struct EnvVar;

struct ServiceUse {
  std::string service;                    // IAM service prefix: "s3", "dynamodb", "sqs"
  std::vector<RelatedLocation> evidence;  // role statement, managed policy or environment reference
};

struct FunctionServices {
  const Function* function = nullptr;
  std::vector<ServiceUse> services;       // sorted by service
  // False when some grant cannot be read: a role from outside the code, an Unknown
  // action, a wildcard over all services, a managed policy ephemera does not know.
  bool services_complete = true;
  std::vector<const EnvVar*> external_hosts;  // environment values naming a host outside AWS
  bool hosts_complete = true;             // false: an environment value is not knowable
  const Value* internet_tag = nullptr;    // a tag saying the function needs internet egress

  const ServiceUse* find(std::string_view service) const;
};

}  // namespace eph
