// What invokes each function: event source mappings, SAM events, invoke permissions,
// function URLs and API integrations.
#include "model/lowering.h"
#include "model/service_table.h"
#include "model/value_paths.h"

namespace eph {
namespace {

struct MappingRow {
  std::string_view type;
  std::string_view function;
  std::string_view source;
  std::string_view self_managed;    // a self-managed Kafka source instead of an ARN
  std::string_view max_concurrency;
};
constexpr MappingRow kMappings[] = {
    {"aws_lambda_event_source_mapping", "function_name", "event_source_arn", "self_managed_event_source",
     "scaling_config/maximum_concurrency"},
    {"AWS::Lambda::EventSourceMapping", "FunctionName", "EventSourceArn", "SelfManagedEventSource",
     "ScalingConfig/MaximumConcurrency"},
};

struct PermissionRow {
  std::string_view type, function, principal, source_arn, source_account, org_id, action, url_auth, token;
};
constexpr PermissionRow kPermissions[] = {
    {"aws_lambda_permission", "function_name", "principal", "source_arn", "source_account", "principal_org_id", "action",
     "function_url_auth_type", "event_source_token"},
    {"AWS::Lambda::Permission", "FunctionName", "Principal", "SourceArn", "SourceAccount", "PrincipalOrgID", "Action",
     "FunctionUrlAuthType", "EventSourceToken"},
};

struct UrlRow {
  std::string_view type, function, auth;
};
constexpr UrlRow kUrls[] = {
    {"aws_lambda_function_url", "function_name", "authorization_type"},
    {"AWS::Lambda::Url", "TargetFunctionArn", "AuthType"},
};

struct IntegrationRow {
  std::string_view type, uri;
};
constexpr IntegrationRow kIntegrations[] = {
    {"aws_apigatewayv2_integration", "integration_uri"},
    {"aws_api_gateway_integration", "uri"},
    {"AWS::ApiGatewayV2::Integration", "IntegrationUri"},
    {"AWS::ApiGateway::Method", "Integration/Uri"},
};

// Aliases and versions stand for their function (a URL may be on an alias).
constexpr std::pair<std::string_view, std::string_view> kFunctionQualifiers[] = {
    {"aws_lambda_alias", "function_name"},
    {"AWS::Lambda::Alias", "FunctionName"},
    {"AWS::Lambda::Version", "FunctionName"},
};

// Terraform data sources read things declared elsewhere.
constexpr std::string_view kDataSourcePrefix = "data.";

// Custom resources: the function that backs them runs during deployments.
constexpr std::string_view kCustomResourcePrefix = "Custom::";
constexpr std::string_view kCustomResourceType = "AWS::CloudFormation::CustomResource";
constexpr std::string_view kCustomResourceToken = "ServiceToken";
// Terraform invokes a function at apply time through an invocation resource.
constexpr std::string_view kInvocationType = "aws_lambda_invocation";
constexpr std::string_view kInvocationFunction = "function_name";

// SAM `Events` entries: the event type and the functions it is declared on.
struct SamEventRow {
  std::string_view type;
  TriggerKind kind;
  std::string_view service;
};
constexpr SamEventRow kSamEvents[] = {
    {"SQS", TriggerKind::Queue, "sqs"},
    {"MQ", TriggerKind::Queue, "mq"},
    {"Kinesis", TriggerKind::Stream, "kinesis"},
    {"DynamoDB", TriggerKind::Stream, "dynamodb"},
    {"MSK", TriggerKind::Stream, "kafka"},
    {"SelfManagedKafka", TriggerKind::Stream, "kafka"},
    {"DocumentDB", TriggerKind::Stream, "docdb"},
    {"Api", TriggerKind::HttpApi, "execute-api"},
    {"HttpApi", TriggerKind::HttpApi, "execute-api"},
    {"SNS", TriggerKind::Topic, "sns"},
    {"S3", TriggerKind::Storage, "s3"},
    {"Schedule", TriggerKind::Schedule, "events"},
    {"ScheduleV2", TriggerKind::Schedule, "scheduler"},
    {"EventBridgeRule", TriggerKind::EventBus, "events"},
    {"CloudWatchEvent", TriggerKind::EventBus, "events"},
};
constexpr std::string_view kSamEventsPath = "Events";
constexpr std::string_view kSamEventsOwner = "AWS::Serverless::Function";
constexpr std::string_view kSamQueueMaxConcurrency = "ScalingConfig/MaximumConcurrency";

// Invoke permissions by principal: which kind of trigger they open the function to.
constexpr std::pair<std::string_view, TriggerKind> kPrincipalTriggers[] = {
    {"apigateway.amazonaws.com", TriggerKind::HttpApi}, {"sns.amazonaws.com", TriggerKind::Topic},
    {"s3.amazonaws.com", TriggerKind::Storage},         {"events.amazonaws.com", TriggerKind::EventBus},
    {"scheduler.amazonaws.com", TriggerKind::Schedule}, {"sqs.amazonaws.com", TriggerKind::Queue},
    {"elasticloadbalancing.amazonaws.com", TriggerKind::HttpApi},
};

TriggerKind kind_of_service(std::string_view service) {
  if (service == "sqs" || service == "mq") return TriggerKind::Queue;
  if (service == "kinesis" || service == "dynamodb" || service == "kafka") return TriggerKind::Stream;
  return TriggerKind::Other;
}

std::string_view service_of_source(const Model& model, const Value* source) {
  for (const NativeResource* r : model.referenced(source)) {
    std::string_view service = service_of_type(r->type);
    if (!service.empty()) return service;
  }
  return service_of_arn(string_of(source));
}

Function* mutable_function(Model& model, const Value* designation) {
  return const_cast<Function*>(model.function_for(designation));
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

void lower_mappings(const LoadedUnit& unit, Model& model) {
  for (const auto& r : unit.resources) {
    for (const auto& row : kMappings) {
      if (row.type != r.type) continue;
      Function* fn = mutable_function(model, at_path(r.body, row.function));
      if (!fn) continue;
      Trigger t;
      t.resource = &r;
      t.range = r.declaration;
      const Value* self_managed = at_path(r.body, row.self_managed);
      if (self_managed && !self_managed->is_null()) {
        t.kind = TriggerKind::Stream;
        t.source_service = "kafka";
      } else {
        t.source_service = service_of_source(model, at_path(r.body, row.source));
        t.kind = kind_of_service(t.source_service);
      }
      t.max_concurrency = at_path(r.body, row.max_concurrency);
      fn->triggers.push_back(t);
    }
  }
}

void lower_sam_events(Model& model) {
  for (auto& fn : model.functions) {
    if (fn.resource->type != kSamEventsOwner) continue;
    const Value* events = at_path(fn.resource->body, kSamEventsPath);
    if (!events || !events->is_map()) continue;
    for (const auto& event : events->fields) {
      std::string_view type = string_of(event.value.get("Type"));
      Trigger t;
      t.resource = fn.resource;
      t.range = event.key_range.valid() ? event.key_range : event.value.where;
      for (const auto& row : kSamEvents) {
        if (row.type != type) continue;
        t.kind = row.kind;
        t.source_service = row.service;
      }
      if (t.kind == TriggerKind::Queue) t.max_concurrency = at_path(event.value.get("Properties"), kSamQueueMaxConcurrency);
      fn.triggers.push_back(t);
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
      if (Function* fn = const_cast<Function*>(p.function)) {
        for (const auto& [principal, kind] : kPrincipalTriggers) {
          if (string_of(p.principal) == principal) fn->triggers.push_back(Trigger{kind, &r, r.declaration, {}, nullptr, false});
        }
      }
      model.invoke_permissions.push_back(p);
    }
  }
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
      bool open = string_of(url.auth_type) == "NONE";
      fn.triggers.push_back(Trigger{TriggerKind::FunctionUrl, url.resource, url.range, {}, nullptr, open});
    }
  }
}

void lower_integrations(const LoadedUnit& unit, Model& model) {
  for (const auto& r : unit.resources) {
    for (const auto& row : kIntegrations) {
      if (row.type != r.type) continue;
      Function* fn = mutable_function(model, at_path(r.body, row.uri));
      if (fn) fn->triggers.push_back(Trigger{TriggerKind::HttpApi, &r, r.declaration, "execute-api", nullptr, false});
    }
  }
}

void lower_deployment_invocations(const LoadedUnit& unit, Model& model) {
  for (const auto& r : unit.resources) {
    const Value* target = nullptr;
    if (r.type.rfind(kCustomResourcePrefix, 0) == 0 || r.type == kCustomResourceType) {
      target = at_path(r.body, kCustomResourceToken);
    } else if (r.type == kInvocationType) {
      target = at_path(r.body, kInvocationFunction);
    }
    if (Function* fn = mutable_function(model, target))
      fn->triggers.push_back(Trigger{TriggerKind::Deployment, &r, r.declaration, {}, nullptr, false});
  }
}

}  // namespace

std::string_view to_string(TriggerKind k) {
  switch (k) {
    case TriggerKind::Queue: return "queue";
    case TriggerKind::Stream: return "stream";
    case TriggerKind::HttpApi: return "HTTP API";
    case TriggerKind::FunctionUrl: return "function URL";
    case TriggerKind::Topic: return "SNS topic";
    case TriggerKind::Storage: return "S3 event";
    case TriggerKind::Schedule: return "schedule";
    case TriggerKind::EventBus: return "EventBridge rule";
    case TriggerKind::Deployment: return "custom resource";
    case TriggerKind::Other: return "event";
  }
  return "event";
}

bool is_bursty(TriggerKind k) {
  return k == TriggerKind::Queue || k == TriggerKind::Stream || k == TriggerKind::HttpApi ||
         k == TriggerKind::FunctionUrl;
}

void lower_triggers(const LoadedUnit& unit, Model& model) {
  lower_mappings(unit, model);
  lower_sam_events(model);
  lower_permissions(unit, model);
  lower_urls(unit, model);
  lower_integrations(unit, model);
  lower_deployment_invocations(unit, model);
}

}  // namespace eph
