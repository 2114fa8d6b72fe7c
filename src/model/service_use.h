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
//  - grants for an asynchronous destination or dead-letter target (when nothing else shows
//    the function calling that service): Lambda delivers there itself;
//  - kms when the function also uses a service that calls KMS itself (S3, SQS, SNS,
//    DynamoDB, Secrets Manager, SSM, Kinesis, Firehose, Step Functions): the grant is
//    for that service's server-side encryption.
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "core/value.h"

namespace eph {

struct Function;
struct EnvVar;
struct NatGateway;

struct ServiceUse {
  std::string service;                    // IAM service prefix: "s3", "dynamodb", "sqs"
  std::vector<RelatedLocation> evidence;  // role statement, managed policy, environment reference, code
  bool from_grant_only = true;            // false once an environment reference, inline code or destination shows it
};

// A host outside AWS the function calls, and where the code says so.
struct ExternalHostUse {
  std::string host;                       // lower-cased: "api.stripe.com"
  Range where;                            // the value (environment, inline code, API destination endpoint)
  std::string via;                        // "environment variable PAYMENT_URL", "inline code", "API destination x"
  bool outside_aws = true;                // false: an AWS host reachable only over the internet (a function URL...)
};

// The one egress verdict every rule reads: how the function's traffic leaves for the internet.
enum class EgressVerdict {
  NoVpc,            // no VPC configuration: Lambda's own network reaches the internet
  VpcNoInternet,    // VPC-attached with no default route out (or only to the VPC)
  VpcViaIgw,        // VPC-attached with a default route to an internet gateway: Lambda ENIs have no
                    // public address, so nothing gets out
  VpcViaNat,        // VPC-attached, out through public NAT gateway(s) (`nats`)
  VpcOtherNetwork,  // a transit gateway, peering, VPN or appliance: may or may not reach the internet
  Unknown,          // part of the path cannot be resolved from the code
};
std::string_view to_string(EgressVerdict v);
// One phrase per verdict for messages: "reaches the internet through NAT gateway aws_nat_gateway.a".
std::string describe_egress(EgressVerdict v, const std::vector<const NatGateway*>& nats);

// The outbound half of the traffic view.
struct FunctionServices {
  const Function* function = nullptr;
  std::vector<ServiceUse> services;       // sorted by service
  // False when some grant cannot be read: a role from outside the code, an Unknown
  // action, a wildcard over all services, a managed policy ephemera does not know.
  bool services_complete = true;
  // Data stores the function reaches inside its network (RDS, ElastiCache, DocumentDB,
  // Neptune, MemoryDB, DAX, MSK, OpenSearch...), read from environment references and
  // data-plane grants: finite downstreams that bursts can overwhelm.
  std::vector<ServiceUse> data_stores;
  // Services its results go to as asynchronous destinations or dead-letter targets: Lambda
  // delivers them itself, outside the function's network, so no endpoint or NAT is needed.
  std::vector<ServiceUse> destinations;
  // Hosts that need the internet (outside AWS, or AWS hosts with no VPC endpoint), from the
  // environment, inline code and API destinations.
  std::vector<ExternalHostUse> external_hosts;
  bool hosts_complete = true;             // false: an environment value is not knowable
  const Value* internet_tag = nullptr;    // a tag saying the function needs internet egress

  EgressVerdict egress = EgressVerdict::Unknown;
  std::vector<const NatGateway*> nats;    // when egress == VpcViaNat
  bool reaches_internet() const { return egress == EgressVerdict::NoVpc || egress == EgressVerdict::VpcViaNat; }

  const ServiceUse* find(std::string_view service) const;
};

}  // namespace eph
