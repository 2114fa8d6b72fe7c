// What each AWS function talks to: services from its role's grants and its environment's
// references, outside hosts named in its environment, and an internet-egress tag.
// Why some grants are left out is explained in service_use.h.
#include <algorithm>
#include <cctype>

#include "model/endpoint_services.h"
#include "model/external_hosts.h"
#include "model/inline_code.h"
#include "model/lowering.h"
#include "model/network_evidence.h"
#include "model/network_lowering.h"
#include "model/ref_resolver.h"
#include "model/service_table.h"
#include "model/value_paths.h"

namespace eph {
namespace {

// Services whose resources, referenced from the environment, mean the code calls their API.
// (A database, cache or file system reached inside the VPC is not an API call.)
constexpr std::string_view kEnvironmentCallServices[] = {
    "athena", "bedrock", "dynamodb", "es", "events", "execute-api", "firehose", "glue", "kinesis", "kms", "lambda",
    "s3", "secretsmanager", "ses", "sns", "sqs", "ssm", "states", "appsync",
};

// Services that call KMS themselves for their server-side encryption.
constexpr std::string_view kKmsCallers[] = {"dynamodb", "firehose", "kinesis", "s3", "secretsmanager",
                                            "sns", "sqs", "ssm", "states"};
constexpr std::string_view kKms = "kms";

// Tags on a function that say it needs internet egress (names compared without case and
// punctuation): `egress = "internet"`, `needs-internet = "true"`...
constexpr std::string_view kEgressTagNames[] = {"egress", "internetegress", "needsinternet", "internetaccess"};
constexpr std::string_view kTruthy[] = {"true", "yes", "1", "required", "enabled", "internet"};

// Data stores reached inside the network (not API calls): finite downstreams. By the
// service of a resource the environment refers to, and by data-plane grants.
constexpr std::string_view kDataStoreServices[] = {"rds", "elasticache", "docdb-elastic", "neptune-db", "memorydb",
                                                   "dax", "kafka", "redshift", "es"};
constexpr std::string_view kDataStoreGrants[] = {"rds-db", "dax", "elasticache", "memorydb", "neptune-db",
                                                 "kafka-cluster"};

// Asynchronous destinations and dead-letter targets: `function` names the function (empty:
// the row is the function itself), `targets` the destination ARNs.
struct DestinationConfigRow {
  std::string_view type, function, targets;
};
constexpr DestinationConfigRow kDestinationConfigs[] = {
    {.type = "aws_lambda_function_event_invoke_config", .function = "function_name",
     .targets = "destination_config/*/destination"},
    {.type = "AWS::Lambda::EventInvokeConfig", .function = "FunctionName", .targets = "DestinationConfig/*/Destination"},
    {.type = "AWS::Serverless::Function", .function = "", .targets = "EventInvokeConfig/DestinationConfig/*/Destination"},
    {.type = "aws_lambda_function", .function = "", .targets = "dead_letter_config/target_arn"},
    {.type = "AWS::Lambda::Function", .function = "", .targets = "DeadLetterConfig/TargetArn"},
    {.type = "AWS::Serverless::Function", .function = "", .targets = "DeadLetterQueue/TargetArn"},
};

// EventBridge API destinations and connections: a function that refers to one calls the
// destination's endpoint itself (with the connection's credentials).
struct DestinationRow {
  std::string_view type, endpoint, connection;
};
constexpr DestinationRow kDestinations[] = {
    {.type = "aws_cloudwatch_event_api_destination", .endpoint = "invocation_endpoint", .connection = "connection_arn"},
    {.type = "AWS::Events::ApiDestination", .endpoint = "InvocationEndpoint", .connection = "ConnectionArn"},
};
constexpr std::string_view kConnectionTypes[] = {"aws_cloudwatch_event_connection", "AWS::Events::Connection"};

std::string normalised(std::string_view s) {
  std::string out;
  for (char c : s)
    if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

class ServiceCollector {
 public:
  explicit ServiceCollector(FunctionServices& out) : out_(out) {}

  // `grant`: known only from the execution role (not from the code or its environment).
  void add(std::string_view service, Range where, std::string message, bool grant) {
    if (service.empty() || reach_of(service) == ServiceReach::Ignored) return;
    for (auto& use : out_.services) {
      if (use.service == service) {
        if (!grant) use.from_grant_only = false;
        if (use.evidence.size() < 3) use.evidence.push_back(RelatedLocation{where, std::move(message)});
        return;
      }
    }
    out_.services.push_back(ServiceUse{std::string(service), {RelatedLocation{where, std::move(message)}}, grant});
  }

  void add_data_store(std::string_view service, Range where, std::string message) {
    for (auto& use : out_.data_stores)
      if (use.service == service) return;
    out_.data_stores.push_back(ServiceUse{std::string(service), {RelatedLocation{where, std::move(message)}}, false});
  }

  void finish() {
    bool kms_for_others = false;
    for (const auto& use : out_.services)
      for (auto caller : kKmsCallers) kms_for_others = kms_for_others || use.service == caller;
    if (kms_for_others)
      std::erase_if(out_.services, [](const ServiceUse& u) { return u.service == kKms; });
    std::sort(out_.services.begin(), out_.services.end(),
              [](const ServiceUse& a, const ServiceUse& b) { return a.service < b.service; });
  }

 private:
  FunctionServices& out_;
};

bool polled_by_lambda(const Function& fn) {
  for (const auto& in : fn.inbound)
    if (in.polled()) return true;
  return false;
}

bool consumes_kafka(const Function& fn) {
  for (const auto& in : fn.inbound)
    if (in.kind == InboundKind::Kafka) return true;
  return false;
}

void read_role_grants(const Function& fn, FunctionServices& out, ServiceCollector& collect) {
  if (!fn.role_known) out.services_complete = false;
  bool polled = polled_by_lambda(fn);
  for (const Policy* policy : fn.policies) {
    for (const PolicyStatement& st : policy->statements) {
      if (!st.effect || !st.effect->is_string()) {
        out.services_complete = false;
        continue;
      }
      if (!st.allows()) continue;
      if (st.not_action) {
        out.services_complete = false;
        continue;
      }
      for (const Value* action : st.actions) {
        std::string_view text = string_of(action);
        size_t colon = text.find(':');
        if (text.empty() || colon == std::string_view::npos || colon == 0) {
          out.services_complete = false;  // Unknown, "*", or not an action
          continue;
        }
        if (is_platform_action(text, polled)) continue;
        std::string service(text.substr(0, colon));
        std::transform(service.begin(), service.end(), service.begin(), [](unsigned char c) { return std::tolower(c); });
        Range where = action->where.valid() ? action->where : st.range;
        // kafka-cluster grants of a Kafka consumer authorise Lambda's poller, not a call.
        bool poller_grant = service == "kafka-cluster" && consumes_kafka(fn);
        for (auto store : kDataStoreGrants)
          if (service == store && !poller_grant)
            collect.add_data_store(service, where, "the execution role grants " + std::string(text));
        collect.add(service, where, "the execution role grants " + std::string(text), true);
      }
    }
  }
  for (const Value* arn : fn.managed_policy_arns) {
    std::string text = arn->is_string() ? arn->text : written_literal_tail(arn);
    std::string_view services;
    if (text.empty() || !managed_policy_services(text, services)) {
      out.services_complete = false;
      continue;
    }
    std::string name = text.substr(text.rfind('/') == std::string::npos ? 0 : text.rfind('/') + 1);
    while (!services.empty()) {
      size_t sp = services.find(' ');
      std::string_view service = services.substr(0, sp);
      if (service == "*") out.services_complete = false;
      else collect.add(service, arn->where, "the execution role has the AWS managed policy " + name, true);
      services = sp == std::string_view::npos ? std::string_view{} : services.substr(sp + 1);
    }
  }
}

bool needs_internet(const std::string& host) {
  HostReach reach = reach_of_host(host);
  return reach == HostReach::Outside || reach == HostReach::AwsPublic;
}
bool is_outside(const std::string& host) { return reach_of_host(host) == HostReach::Outside; }

// An API destination (or the connection of one) the environment refers to: its endpoint's
// host. False when `r` is neither.
bool read_destination(const NativeResource& r, const LoadedUnit& unit, const RefResolver& refs, const EnvVar& env,
                      FunctionServices& out) {
  bool connection = false, destination_type = false;
  for (auto t : kConnectionTypes) connection = connection || r.type == t;
  for (const auto& row : kDestinations) destination_type = destination_type || r.type == row.type;
  if (!connection && !destination_type) return false;
  for (const auto& row : kDestinations) {
    const NativeResource* destination = nullptr;
    if (r.type == row.type) {
      destination = &r;
    } else if (connection) {
      // The destinations that use this connection.
      for (const auto& other : unit.resources)
        if (other.type == row.type)
          for (const RefTarget& t : refs.targets(at_path(other.body, row.connection)))
            if (t.resource == &r) destination = &other;
    }
    if (!destination) continue;
    const Value* endpoint = at_path(destination->body, row.endpoint);
    if (!is_known_string(endpoint)) {
      if (endpoint) out.hosts_complete = false;
      continue;
    }
    std::string host = host_of(endpoint->text, false);
    if (needs_internet(host))
      out.external_hosts.push_back(ExternalHostUse{host, endpoint->where.valid() ? endpoint->where : destination->declaration,
                                                   "API destination " + destination->address + " (environment variable " +
                                                       env.name + ")",
                                                   is_outside(host)});
  }
  return true;
}

// SDK clients and URLs in the function's inline code.
void read_inline_code(const Function& fn, FunctionServices& out, ServiceCollector& collect) {
  const Value* code = fn.inline_code;
  if (!code) return;
  if (!code->is_string()) {
    // Code assembled from values the code does not know (Fn::Sub over parameters...).
    if (code->is_unknown()) out.hosts_complete = false;
    return;
  }
  Range where = code->where;
  InlineCodeUse use = eph::read_inline_code(code->text);
  for (const auto& call : use.services) collect.add(call.service, where, "its inline code calls " + call.how, false);
  for (const auto& host : use.hosts)
    if (needs_internet(host)) out.external_hosts.push_back(ExternalHostUse{host, where, "inline code", is_outside(host)});
}

void read_environment(const Function& fn, const LoadedUnit& unit, const RefResolver& refs, FunctionServices& out,
                      ServiceCollector& collect) {
  if (!fn.environment_known) out.hosts_complete = false;
  for (const EnvVar& env : fn.environment) {
    const Value* v = env.value;
    if (!v) continue;
    for (const RefTarget& t : refs.targets(v)) {
      if (read_destination(*t.resource, unit, refs, env, out)) continue;  // its endpoint, not EventBridge's API
      std::string_view service = service_of_type(t.resource->type);
      std::string refers = "environment variable " + env.name + " refers to " + t.resource->address;
      bool calls = false;
      for (auto s : kEnvironmentCallServices) calls = calls || s == service;
      if (calls) collect.add(service, env.name_range, refers, false);
      for (auto store : kDataStoreServices)
        if (service == store) collect.add_data_store(service, env.name_range, refers);
    }
    if (v->is_string()) {
      std::string host = host_in_value(v->text, env.name);
      if (needs_internet(host))
        out.external_hosts.push_back(ExternalHostUse{host, v->where.valid() ? v->where : env.name_range,
                                                     "environment variable " + env.name, is_outside(host)});
    } else if (v->is_unknown() && v->refs.empty()) {
      out.hosts_complete = false;  // a value from outside the code may be any host
    }
  }
}

const Value* internet_tag(const Function& fn) {
  for (const Tag& tag : fn.tags) {
    std::string k = normalised(tag.key);
    bool named = false;
    for (auto n : kEgressTagNames) named = named || k == n;
    if (!named) continue;
    std::string v = normalised(string_of(tag.value));
    for (auto t : kTruthy)
      if (v == t) return tag.value;
  }
  return nullptr;
}

// Where Lambda sends the function's results (destinations, dead-letter targets).
void read_destinations(const Model& model, const Function& fn, FunctionServices& out) {
  for (const auto& r : model.unit->resources) {
    for (const auto& row : kDestinationConfigs) {
      if (row.type != r.type) continue;
      if (row.function.empty() ? &r != fn.resource : model.function_for(at_path(r.body, row.function)) != &fn) continue;
      each_at_path(r.body, row.targets, [&](const Value& target) {
        std::string_view service;
        for (const NativeResource* t : model.referenced(&target))
          if (service.empty()) service = service_of_type(t->type);
        if (service.empty()) service = service_of_arn(string_of(&target));
        if (service.empty()) return;
        for (const auto& use : out.destinations)
          if (use.service == service) return;
        out.destinations.push_back(ServiceUse{std::string(service),
                                              {RelatedLocation{target.where.valid() ? target.where : r.declaration,
                                                               "Lambda delivers its results here (" + r.address + ")"}},
                                              false});
      });
    }
  }
}

// The one egress verdict, from the function's network path.
void read_egress(const Model& model, const Function& fn, FunctionServices& out) {
  if (!fn.in_vpc) {
    out.egress = EgressVerdict::NoVpc;
    return;
  }
  const FunctionNetwork* net = model.network_of(fn);
  if (!net) return;
  switch (net->egress) {
    case Egress::None: {
      out.egress = EgressVerdict::VpcNoInternet;
      for (const auto& path : net->subnets)
        if (path.default_route && path.default_route->target == RouteTarget::InternetGateway)
          out.egress = EgressVerdict::VpcViaIgw;
      return;
    }
    case Egress::Nat:
      out.egress = EgressVerdict::VpcViaNat;
      out.nats = net->nats;
      return;
    case Egress::Other: out.egress = EgressVerdict::VpcOtherNetwork; return;
    case Egress::Unknown: out.egress = EgressVerdict::Unknown; return;
  }
}

}  // namespace

std::string_view to_string(EgressVerdict v) {
  switch (v) {
    case EgressVerdict::NoVpc: return "no-vpc";
    case EgressVerdict::VpcNoInternet: return "vpc-no-internet";
    case EgressVerdict::VpcViaIgw: return "vpc-via-internet-gateway";
    case EgressVerdict::VpcViaNat: return "vpc-via-nat";
    case EgressVerdict::VpcOtherNetwork: return "vpc-other-network";
    case EgressVerdict::Unknown: return "unknown";
  }
  return "unknown";
}

std::string describe_egress(EgressVerdict v, const std::vector<const NatGateway*>& nats) {
  switch (v) {
    case EgressVerdict::NoVpc: return "reaches the internet directly (it is not attached to a VPC)";
    case EgressVerdict::VpcNoInternet: return "cannot reach the internet (its subnets have no route out of the VPC)";
    case EgressVerdict::VpcViaIgw:
      return "cannot reach the internet (its subnets route to an internet gateway, which a function's network "
             "interfaces cannot use without public addresses)";
    case EgressVerdict::VpcViaNat: {
      std::vector<std::string> names;
      for (const NatGateway* n : nats) names.push_back(n->resource->address);
      return "reaches the internet through " + std::string(names.size() == 1 ? "NAT gateway " : "NAT gateways ") +
             join_names(names);
    }
    case EgressVerdict::VpcOtherNetwork:
      return "leaves its VPC through another network (transit gateway, peering, VPN or appliance)";
    case EgressVerdict::Unknown: return "has a network path that is not known from the code";
  }
  return "";
}

const ServiceUse* FunctionServices::find(std::string_view service) const {
  for (const auto& use : services)
    if (use.service == service) return &use;
  return nullptr;
}

void lower_service_use(const RefResolver& refs, Model& model) {
  for (const Function& fn : model.functions) {
    if (fn.cloud != Cloud::Aws) continue;
    FunctionServices& out = model.function_services.emplace_back();
    out.function = &fn;
    ServiceCollector collect(out);
    read_role_grants(fn, out, collect);
    read_environment(fn, *model.unit, refs, out, collect);
    read_inline_code(fn, out, collect);
    read_destinations(model, fn, out);
    collect.finish();
    // A grant that only lets Lambda deliver to a destination is not a call from the function.
    std::erase_if(out.services, [&](const ServiceUse& use) {
      if (!use.from_grant_only) return false;
      for (const auto& d : out.destinations)
        if (d.service == use.service) return true;
      return false;
    });
    out.internet_tag = internet_tag(fn);
    read_egress(model, fn, out);
  }
}

}  // namespace eph
