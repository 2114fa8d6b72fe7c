#include "serverless/generated_template.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace eph::serverless {
namespace {

constexpr std::string_view kSamTransform = "AWS::Serverless-2016-10-31";
constexpr std::string_view kRole = "IamRoleLambdaExecution";
constexpr std::string_view kRestApi = "ApiGatewayRestApi";
constexpr std::string_view kHttpApi = "HttpApi";
constexpr std::string_view kWebsocketApi = "WebsocketsApi";
constexpr std::string_view kVpcAccessPolicy = "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole";
constexpr std::string_view kBasicPolicy = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";

Value text(std::string_view s, Range where) { return Value::string_of(std::string(s), where); }

Value ref(std::string_view id, Range where) {
  Value m = Value::map(where);
  m.set("Ref", text(id, where), where);
  return m;
}

Value get_att(std::string_view id, std::string_view attribute, Range where) {
  Value list = Value::list(where);
  list.items = {text(id, where), text(attribute, where)};
  Value m = Value::map(where);
  m.set("Fn::GetAtt", std::move(list), where);
  return m;
}

Value list_of(Value item) {
  Value list = Value::list(item.where);
  list.items.push_back(std::move(item));
  return list;
}

// A value that is a list stays one; anything else becomes a one-item list.
Value as_list(const Value& v) { return v.is_list() ? v : list_of(v); }

const Value* get(const Value* map, std::string_view key) { return map && map->is_map() ? map->get(key) : nullptr; }

// Copies `from[key]` to `to[as]` with its key's position, when present.
void copy(Value& to, std::string_view as, const Value* from, std::string_view key) {
  if (!from || !from->is_map()) return;
  if (const Field* f = from->field(key); f && !f->value.is_null()) to.set(std::string(as), f->value, f->key_range);
}

bool truthy(const Value* v) { return v && v->kind == Kind::Bool && v->boolean; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The framework's normalised name: first letter upper, '-' -> Dash, '_' -> Underscore.
std::string normalized(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c == '-') out += "Dash";
    else if (c == '_') out += "Underscore";
    else if (std::isalnum(static_cast<unsigned char>(c))) out += c;
  }
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

struct Generator {
  Generator(const Value& c, std::string s) : config(c), stage(std::move(s)) {}

  const Value& config;
  std::string stage;
  const Value* provider = nullptr;
  std::string service;
  Value resources = Value::map();
  Range rest_api_at, http_api_at, websocket_at;  // the first event that makes the framework create each
  Value websocket_routes = Value::map();
  const Value* websocket_auth = nullptr;
  size_t counter = 0;
  std::vector<ShownName> names;
  Range cloudfront_at;  // the first cloudFront event: the framework then creates CloudFrontDistribution
  Value edge_default = Value::list();  // Lambda@Edge associations of the default cache behaviour
  Value edge_behaviors = Value::list();  // cache behaviours of events with a pathPattern

  void shown(std::string generated, std::string written) { names.push_back({std::move(generated), std::move(written)}); }

  void add(std::string_view id, std::string_view type, Value properties, Range declaration) {
    Value r = Value::map(declaration);
    r.set("Type", text(type, declaration), declaration);
    r.set("Properties", std::move(properties), declaration);
    resources.set(std::string(id), std::move(r), declaration);
  }

  // How a function reads in messages: "function hello", however a rule spells its id.
  void name_function(const std::string& id, const std::string& key) {
    std::string written = "function " + key;
    for (std::string generated : {"Lambda function '" + id + "'", "Lambda function " + id, "function " + id, "'" + id + "'", id})
      shown(std::move(generated), written);
  }

  // How an event reads in messages: "http event 2 of function hello (GET /users)", where 2 is
  // its place in the function's `events:` list. `event` (the generated SAM event key) is
  // unique in the service, so every phrase naming it can be replaced.
  void name_event(const std::string& event, const std::string& sam_type, const std::string& function_id,
                  const Field& fn, const Field& e, size_t position, const Value* props) {
    std::string written = e.key + " event " + std::to_string(position) + " of function " + fn.key;
    const Value* method = props ? props->get("Method") : nullptr;
    const Value* path = props ? props->get("Path") : nullptr;
    std::string of = "event " + event + " of " + function_id;
    if (method && method->is_string()) {
      std::string route = method->text;
      for (char& c : route) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (path && path->is_string()) route += " " + path->text;
      shown("SAM " + sam_type + " " + of + " (" + method->text + ")", written + " (" + route + ")");
      shown(of + " (" + method->text + ")", written + " (" + route + ")");
      written += " (" + route + ")";
    }
    for (std::string generated : {"SAM " + sam_type + " " + of, of, "SAM event " + event, event + " (" + sam_type + ")", event})
      shown(std::move(generated), written);
  }

  // ---------------------------------------------------------------- the execution roles

  static void add_statements(Value& to, const Value* statements) {
    if (!statements || !statements->is_list()) return;
    for (const Value& s : statements->items) to.items.push_back(s);
  }

  Value role_properties(const Value& statements, const Value& managed, bool vpc, Range where) {
    Value props = Value::map(where);
    Value trust = Value::map(where);
    trust.set("Version", text("2012-10-17", where));
    Value statement = Value::map(where);
    statement.set("Effect", text("Allow", where));
    Value principal = Value::map(where);
    principal.set("Service", list_of(text("lambda.amazonaws.com", where)));
    statement.set("Principal", std::move(principal));
    statement.set("Action", list_of(text("sts:AssumeRole", where)));
    trust.set("Statement", list_of(std::move(statement)));
    props.set("AssumeRolePolicyDocument", std::move(trust), where);
    Value arns = managed.is_list() ? managed : Value::list(where);
    arns.items.push_back(text(vpc ? kVpcAccessPolicy : kBasicPolicy, where));
    props.set("ManagedPolicyArns", std::move(arns), where);
    if (!statements.items.empty()) {
      Value document = Value::map(statements.where);
      document.set("Version", text("2012-10-17", statements.where));
      document.set("Statement", statements, statements.where);
      Value policy = Value::map(statements.where);
      policy.set("PolicyName", text(service + "-" + stage + "-lambda", statements.where));
      policy.set("PolicyDocument", std::move(document));
      props.set("Policies", list_of(std::move(policy)), statements.where);
    }
    return props;
  }

  // provider.iam.role: a role's ARN (used as is), or statements and managed policies.
  const Value* provider_role_arn() const {
    const Value* role = get(get(provider, "iam"), "role");
    if (role && (role->is_string() || (role->is_map() && !role->get("statements") && !role->get("managedPolicies") &&
                                       (role->get("Fn::GetAtt") || role->get("Ref") || role->get("Fn::Sub")))))
      return role;
    if (const Value* legacy = get(provider, "role"); legacy && !legacy->is_null()) return legacy;
    return nullptr;
  }

  Value provider_statements() const {
    const Value* role = get(get(provider, "iam"), "role");
    const Field* at = provider && provider->is_map() ? provider->field("iamRoleStatements") : nullptr;
    Value out = Value::list(at ? at->value.where : provider ? provider->where : config.where);
    add_statements(out, get(role, "statements"));
    if (at) add_statements(out, &at->value);
    return out;
  }

  Value provider_managed() const {
    Value out = Value::list(provider ? provider->where : config.where);
    add_statements(out, get(get(get(provider, "iam"), "role"), "managedPolicies"));
    add_statements(out, get(provider, "iamManagedPolicies"));
    return out;
  }

  Range provider_role_at() const {
    for (std::string_view key : {"iam", "iamRoleStatements", "iamManagedPolicies"})
      if (const Field* f = provider && provider->is_map() ? provider->field(key) : nullptr) return f->key_range;
    return provider ? provider->where : config.where;
  }

  // The role a function runs with: its own `role`, the provider's, a per-function role of
  // serverless-iam-roles-per-function, or the shared IamRoleLambdaExecution.
  Value function_role(const std::string& id, const Field& fn, bool vpc, bool& shared_role_needed) {
    const Value* role = get(&fn.value, "role");
    if (role && !role->is_null()) {
      if (role->is_string() && role->text.rfind("arn:", 0) != 0) return get_att(role->text, "Arn", role->where);
      return *role;
    }
    if (const Field* own = fn.value.field("iamRoleStatements")) {
      Value statements = Value::list(own->value.where);
      add_statements(statements, &own->value);
      if (truthy(get(&fn.value, "iamRoleStatementsInherit"))) {
        Value inherited = provider_statements();
        add_statements(statements, &inherited);
      }
      std::string role_id = normalized(fn.key) + std::string(kRole);
      shown("IAM role inline policy " + role_id, "the iamRoleStatements of function " + fn.key);
      add(role_id, "AWS::IAM::Role", role_properties(statements, Value::list(own->key_range), vpc, own->key_range),
          own->key_range);
      return get_att(role_id, "Arn", own->key_range);
    }
    if (const Value* arn = provider_role_arn()) {
      if (arn->is_string() && arn->text.rfind("arn:", 0) != 0) return get_att(arn->text, "Arn", arn->where);
      return *arn;
    }
    shared_role_needed = true;
    (void)id;
    return get_att(kRole, "Arn", fn.key_range);
  }

  // ---------------------------------------------------------------- events

  // `authorizer:` of an http event: aws_iam, a function name, an ARN, or {name, type, arn}.
  static std::optional<Value> rest_authorizer(const Value* a) {
    if (!a || a->is_null()) return std::nullopt;
    if (a->is_string()) return lower(a->text) == "aws_iam" ? text("AWS_IAM", a->where) : *a;
    if (a->is_map()) {
      const Value* type = a->get("type");
      if (type && type->is_string() && lower(type->text) == "aws_iam") return text("AWS_IAM", type->where);
      for (std::string_view key : {"name", "arn", "authorizerId"})
        if (const Value* v = a->get(key); v && !v->is_null()) return v->is_string() ? *v : text("CUSTOM", v->where);
      if (type && type->is_string()) return *type;
      return text("CUSTOM", a->where);
    }
    return a->is_unknown() ? std::optional<Value>(*a) : std::nullopt;
  }

  // "GET /path" (the short forms of http and httpApi events) into method and path.
  static void method_and_path(const Value& v, Value& props, bool http_api) {
    if (v.is_string()) {
      std::string_view s = v.text;
      if (http_api && s == "*") {
        props.set("Method", text("ANY", v.where));
        props.set("Path", text("$default", v.where));
        return;
      }
      size_t space = s.find(' ');
      props.set("Method", text(space == std::string_view::npos ? s : s.substr(0, space), v.where));
      std::string path(space == std::string_view::npos ? "/" : s.substr(space + 1));
      if (path.empty() || path[0] != '/') path = "/" + path;
      props.set("Path", text(path, v.where));
      return;
    }
    if (const Value* method = get(&v, "method")) props.set("Method", *method);
    if (const Value* path = get(&v, "path"); path && path->is_string()) {
      std::string p = path->text.empty() || path->text[0] != '/' ? "/" + path->text : path->text;
      props.set("Path", text(p, path->where));
    }
  }

  Value http_event(const Field& e) {
    const Value& v = e.value;
    Value props = Value::map(v.where);
    method_and_path(v, props, false);
    if (const Value* shared = get(get(provider, "apiGateway"), "restApiId"))
      props.set("RestApiId", *shared);
    else
      props.set("RestApiId", ref(kRestApi, e.key_range));
    if (!rest_api_at.valid()) rest_api_at = e.key_range;
    Value auth = Value::map(v.where);
    if (auto a = rest_authorizer(get(&v, "authorizer"))) auth.set("Authorizer", *a);
    if (const Field* f = v.is_map() ? v.field("private") : nullptr) auth.set("ApiKeyRequired", f->value, f->key_range);
    if (!auth.fields.empty()) props.set("Auth", std::move(auth));
    return sam_event("Api", std::move(props), v.where);
  }

  Value http_api_event(const Field& e) {
    const Value& v = e.value;
    Value props = Value::map(v.where);
    method_and_path(v, props, true);
    props.set("ApiId", ref(kHttpApi, e.key_range));
    if (!http_api_at.valid()) http_api_at = e.key_range;
    if (const Value* a = get(&v, "authorizer"); a && !a->is_null()) {
      Value auth = Value::map(a->where);
      const Value* type = get(a, "type");
      if (type && type->is_string() && lower(type->text) == "aws_iam") auth.set("Authorizer", text("AWS_IAM", type->where));
      else if (a->is_string()) auth.set("Authorizer", *a);
      else if (const Value* name = get(a, "name")) auth.set("Authorizer", *name);
      else if (const Value* id = get(a, "id")) auth.set("Authorizer", *id);
      else auth.set("Authorizer", text("CUSTOM", a->where));
      props.set("Auth", std::move(auth));
    }
    return sam_event("HttpApi", std::move(props), v.where);
  }

  void websocket_event(const Field& e, const std::string& function_id) {
    const Value& v = e.value;
    const Value* route = v.is_string() ? &v : get(&v, "route");
    if (!route || !route->is_string()) return;
    Value entry = Value::map(v.where);
    entry.set("FunctionArn", get_att(function_id, "Arn", e.key_range));
    websocket_routes.set(route->text, std::move(entry), e.key_range);
    if (!websocket_at.valid()) websocket_at = e.key_range;
    if (route->text == "$connect")
      if (const Value* a = get(&v, "authorizer"); a && !a->is_null()) websocket_auth = a;
  }

  static Value sam_event(std::string_view type, Value props, Range where) {
    Value event = Value::map(where);
    event.set("Type", text(type, where));
    event.set("Properties", std::move(props));
    return event;
  }

  // `sqs: arn` or {arn, batchSize, maximumConcurrency, enabled}.
  static Value polled_event(std::string_view type, std::string_view source_key, const Value& v) {
    Value props = Value::map(v.where);
    if (!v.is_map()) {
      props.set(std::string(source_key), v);
    } else {
      copy(props, source_key, &v, "arn");
      copy(props, "BatchSize", &v, "batchSize");
      copy(props, "Enabled", &v, "enabled");
      copy(props, "ParallelizationFactor", &v, "parallelizationFactor");
      copy(props, "MaximumBatchingWindowInSeconds", &v, "maximumBatchingWindow");
      if (const Field* f = v.field("maximumConcurrency")) {
        Value scaling = Value::map(f->key_range);
        scaling.set("MaximumConcurrency", f->value, f->key_range);
        props.set("ScalingConfig", std::move(scaling), f->key_range);
      }
      if (const Field* f = v.field("topic")) props.set("Topics", as_list(f->value), f->key_range);
      copy(props, "KafkaBootstrapServers", &v, "bootstrapServers");
    }
    return sam_event(type, std::move(props), v.where);
  }

  // A stream's type: written, or told by its ARN (DynamoDB table streams have StreamArn).
  static std::string_view stream_type(const Value& v) {
    const Value* type = get(&v, "type");
    if (type && type->is_string()) return lower(type->text) == "dynamodb" ? "DynamoDB" : "Kinesis";
    const Value* arn = v.is_map() ? v.get("arn") : &v;
    if (arn && arn->is_string()) return arn->text.find(":dynamodb:") != std::string::npos ? "DynamoDB" : "Kinesis";
    if (const Value* att = get(arn, "Fn::GetAtt"); att && att->is_list() && att->items.size() == 2 &&
                                                    att->items[1].is_string() && att->items[1].text == "StreamArn")
      return "DynamoDB";
    return "Kinesis";
  }

  // A pushed event whose source is `v` itself or one of its keys.
  static Value pushed_event(std::string_view type, std::string_view source_key, const Value& v,
                            std::initializer_list<std::string_view> keys) {
    Value props = Value::map(v.where);
    if (!v.is_map()) {
      props.set(std::string(source_key), v);
    } else {
      for (std::string_view key : keys) {
        if (props.get(source_key)) break;
        copy(props, source_key, &v, key);
      }
    }
    return sam_event(type, std::move(props), v.where);
  }

  void alb_event(const Field& e, const std::string& function_id) {
    const Value& v = e.value;
    std::string group = function_id + "AlbTargetGroup" + std::to_string(counter++);
    Value target = Value::map(v.where);
    target.set("Id", get_att(function_id, "Arn", e.key_range));
    Value tg = Value::map(v.where);
    tg.set("TargetType", text("lambda", e.key_range));
    tg.set("Targets", list_of(std::move(target)));
    add(group, "AWS::ElasticLoadBalancingV2::TargetGroup", std::move(tg), e.key_range);
    Value actions = Value::list(v.where);
    if (const Value* a = get(&v, "authorizer"); a && !a->is_null()) {
      Value authenticate = Value::map(a->where);
      authenticate.set("Type", text("authenticate-oidc", a->where));
      actions.items.push_back(std::move(authenticate));
    }
    Value forward = Value::map(e.key_range);
    forward.set("Type", text("forward", e.key_range));
    forward.set("TargetGroupArn", ref(group, e.key_range));
    actions.items.push_back(std::move(forward));
    Value rule = Value::map(v.where);
    copy(rule, "ListenerArn", &v, "listenerArn");
    copy(rule, "Priority", &v, "priority");
    rule.set("Actions", std::move(actions));
    add(group + "Rule", "AWS::ElasticLoadBalancingV2::ListenerRule", std::move(rule), e.key_range);
  }

  // `cloudFront`: a Lambda@Edge association of the distribution the framework creates.
  void cloudfront_event(const Field& e, const std::string& function_id) {
    const Value& v = e.value;
    Value association = Value::map(v.where);
    copy(association, "EventType", &v, "eventType");
    association.set("LambdaFunctionARN", get_att(function_id, "Arn", e.key_range), e.key_range);
    if (const Field* pattern = v.is_map() ? v.field("pathPattern") : nullptr) {
      Value behavior = Value::map(v.where);
      behavior.set("PathPattern", pattern->value, pattern->key_range);
      behavior.set("LambdaFunctionAssociations", list_of(std::move(association)));
      edge_behaviors.items.push_back(std::move(behavior));
    } else {
      edge_default.items.push_back(std::move(association));
    }
    if (!cloudfront_at.valid()) cloudfront_at = e.key_range;
  }

  void add_distribution() {
    if (!cloudfront_at.valid()) return;
    shown("CloudFront Lambda@Edge association CloudFrontDistribution", "Lambda@Edge association (cloudFront event)");
    Value config = Value::map(cloudfront_at);
    config.set("Enabled", Value::boolean_of(true, cloudfront_at));
    Value default_behavior = Value::map(cloudfront_at);
    if (!edge_default.items.empty()) default_behavior.set("LambdaFunctionAssociations", edge_default);
    config.set("DefaultCacheBehavior", std::move(default_behavior));
    if (!edge_behaviors.items.empty()) config.set("CacheBehaviors", edge_behaviors);
    Value props = Value::map(cloudfront_at);
    props.set("DistributionConfig", std::move(config));
    add("CloudFrontDistribution", "AWS::CloudFront::Distribution", std::move(props), cloudfront_at);
  }

  // One item of a function's `events:` list, as a SAM event (or generated resources).
  void add_event(Value& events, const Field& e, const std::string& function_id, const Field& fn, size_t position) {
    const Value& v = e.value;
    // Unique in the service (prefixed by the function), so that messages can name it back.
    std::string event_name = normalized(fn.key) + normalized(e.key) + "Event" + std::to_string(events.fields.size());
    auto put = [&](Value event) {
      const Value* type = event.get("Type");
      name_event(event_name, type && type->is_string() ? type->text : e.key, function_id, fn, e, position,
                 event.get("Properties"));
      events.set(event_name, std::move(event), e.key_range);
    };
    const std::string& type = e.key;
    if (type == "http") put(http_event(e));
    else if (type == "httpApi") put(http_api_event(e));
    else if (type == "websocket") websocket_event(e, function_id);
    else if (type == "sqs") put(polled_event("SQS", "Queue", v));
    else if (type == "stream") put(polled_event(stream_type(v), "Stream", v));
    else if (type == "msk") put(polled_event("MSK", "Stream", v));
    else if (type == "kafka") put(polled_event("SelfManagedKafka", "KafkaBootstrapServers", v));
    else if (type == "activemq" || type == "rabbitmq") put(polled_event("MQ", "Broker", v));
    else if (type == "s3") put(pushed_event("S3", "Bucket", v, {"bucket"}));
    else if (type == "sns") put(pushed_event("SNS", "Topic", v, {"arn", "topicName"}));
    else if (type == "schedule") {
      Value props = Value::map(v.where);
      const Value* rate = v.is_map() ? v.get("rate") : &v;
      if (rate) props.set("Schedule", rate->is_list() && !rate->items.empty() ? rate->items[0] : *rate);
      copy(props, "Enabled", &v, "enabled");
      put(sam_event("Schedule", std::move(props), v.where));
    } else if (type == "eventBridge") {
      Value props = Value::map(v.where);
      copy(props, "EventBusName", &v, "eventBus");
      copy(props, "Pattern", &v, "pattern");
      put(sam_event(get(&v, "schedule") ? "Schedule" : "EventBridgeRule", std::move(props), v.where));
    } else if (type == "cloudwatchEvent") put(pushed_event("CloudWatchEvent", "Pattern", v, {"event"}));
    else if (type == "cloudwatchLog") put(pushed_event("CloudWatchLogs", "LogGroupName", v, {"logGroup"}));
    else if (type == "iot") put(pushed_event("IoTRule", "Sql", v, {"sql"}));
    else if (type == "cognitoUserPool") put(pushed_event("Cognito", "UserPool", v, {"pool"}));
    else if (type == "alexaSkill") put(pushed_event("AlexaSkill", "SkillId", v, {"appId"}));
    else if (type == "alb") alb_event(e, function_id);
    else if (type == "cloudFront") cloudfront_event(e, function_id);
    else put(sam_event(type, Value::map(v.where), v.where));  // still invokes it
  }

  // ---------------------------------------------------------------- functions

  static Value merged_environment(const Value* provider_env, const Value* own_env, Range where) {
    Value vars = Value::map(own_env ? own_env->where : provider_env ? provider_env->where : where);
    if (provider_env && provider_env->is_map())
      for (const Field& f : provider_env->fields)
        if (!(own_env && own_env->is_map() && own_env->get(f.key))) vars.fields.push_back(f);
    if (own_env && own_env->is_map())
      for (const Field& f : own_env->fields) vars.fields.push_back(f);
    if (provider_env && provider_env->is_unknown()) return *provider_env;
    if (own_env && own_env->is_unknown()) return *own_env;
    return vars;
  }

  // Placed at the `vpc` key: findings about the function's network point at the line to change.
  static Value vpc_config(const Value& vpc, Range key) {
    Value out = Value::map(key);
    copy(out, "SecurityGroupIds", &vpc, "securityGroupIds");
    copy(out, "SubnetIds", &vpc, "subnetIds");
    return vpc.is_map() ? out : vpc;
  }

  void add_function(const Field& fn, bool& shared_role_needed, bool& shared_role_vpc) {
    const Value& f = fn.value;
    if (!f.is_map()) return;
    std::string id = normalized(fn.key) + "LambdaFunction";
    name_function(id, fn.key);
    Value props = Value::map(f.where);
    copy(props, "Handler", &f, "handler");
    if (const Value* image = f.get("image"); image && !image->is_null()) {
      props.set("PackageType", text("Image", image->where));
      props.set("ImageUri", *image);
    }
    if (f.get("runtime")) copy(props, "Runtime", &f, "runtime");
    else copy(props, "Runtime", provider, "runtime");
    if (f.get("name")) copy(props, "FunctionName", &f, "name");
    else props.set("FunctionName", text(service + "-" + stage + "-" + fn.key, fn.key_range), fn.key_range);
    for (auto [as, key] : {std::pair{"MemorySize", "memorySize"}, {"Timeout", "timeout"}, {"KmsKeyArn", "kmsKeyArn"},
                           {"Layers", "layers"}}) {
      if (f.get(key)) copy(props, as, &f, key);
      else copy(props, as, provider, key);
    }
    const Value* own_env = f.get("environment");
    const Value* provider_env = get(provider, "environment");
    if (own_env || provider_env) {
      Value env = Value::map(own_env ? own_env->where : provider_env->where);
      env.set("Variables", merged_environment(provider_env, own_env, f.where));
      props.set("Environment", std::move(env));
    }
    const Field* vpc = f.field("vpc");
    if (!vpc && provider && provider->is_map()) vpc = provider->field("vpc");
    bool in_vpc = vpc && !vpc->value.is_null();
    if (in_vpc) props.set("VpcConfig", vpc_config(vpc->value, vpc->key_range), vpc->key_range);
    copy(props, "ReservedConcurrentExecutions", &f, "reservedConcurrency");
    if (const Field* pc = f.field("provisionedConcurrency")) {
      Value config = Value::map(pc->key_range);
      config.set("ProvisionedConcurrentExecutions", pc->value, pc->key_range);
      props.set("ProvisionedConcurrencyConfig", std::move(config), pc->key_range);
    }
    if (const Field* url = f.field("url"); url && !(url->value.kind == Kind::Bool && !url->value.boolean) &&
                                           !url->value.is_null()) {
      Value config = Value::map(url->value.where);
      const Value* authorizer = get(&url->value, "authorizer");
      if (authorizer && authorizer->is_string() && lower(authorizer->text) == "aws_iam")
        config.set("AuthType", text("AWS_IAM", authorizer->where));
      else if (url->value.is_unknown())
        config.set("AuthType", url->value);
      else  // `url: true`, or a map without an authorizer: the `url` line is what to change
        config.set("AuthType", text("NONE", url->value.is_map() ? url->key_range : url->value.where));
      copy(config, "Cors", &url->value, "cors");
      props.set("FunctionUrlConfig", std::move(config), url->key_range);
    }
    bool needs_shared = false;
    props.set("Role", function_role(id, fn, in_vpc, needs_shared), fn.key_range);
    if (needs_shared) {
      shared_role_needed = true;
      shared_role_vpc = shared_role_vpc || in_vpc;
    }
    if (const Value* tracing = f.get("tracing") ? f.get("tracing") : get(get(provider, "tracing"), "lambda")) {
      if (tracing->kind == Kind::Bool) {
        if (tracing->boolean) props.set("Tracing", text("Active", tracing->where));
      } else {
        props.set("Tracing", *tracing);
      }
    }
    copy(props, "Tags", &f, "tags");
    Value events = Value::map(f.where);
    if (const Value* list = f.get("events"); list && list->is_list()) {
      size_t position = 0;
      for (const Value& item : list->items) {
        ++position;
        if (item.is_map() && !item.fields.empty()) add_event(events, item.fields.front(), id, fn, position);
      }
    }
    if (!events.fields.empty()) props.set("Events", std::move(events));
    add(id, "AWS::Serverless::Function", std::move(props), fn.key_range);
  }

  // ---------------------------------------------------------------- APIs

  void add_apis() {
    const Value* gateway = get(provider, "apiGateway");
    if (rest_api_at.valid()) {
      Value props = Value::map(rest_api_at);
      props.set("StageName", text(stage, rest_api_at));
      Value auth = Value::map(rest_api_at);
      if (const Field* policy = gateway && gateway->is_map() ? gateway->field("resourcePolicy") : nullptr) {
        Value resource_policy = Value::map(policy->value.where);
        resource_policy.set("CustomStatements", policy->value, policy->key_range);
        auth.set("ResourcePolicy", std::move(resource_policy), policy->key_range);
      }
      if (!auth.fields.empty()) props.set("Auth", std::move(auth));
      const Value* endpoint = get(provider, "endpointType");
      if (!endpoint) endpoint = get(gateway, "endpointType");
      if (endpoint) {
        Value config = Value::map(endpoint->where);
        config.set("Type", *endpoint);
        props.set("EndpointConfiguration", std::move(config));
      }
      add(kRestApi, "AWS::Serverless::Api", std::move(props), rest_api_at);
      shown(" or set a default authorizer on " + std::string(kRestApi), "");  // the framework has none
    }
    const Value* keys = get(gateway, "apiKeys");
    if (!keys) keys = get(provider, "apiKeys");
    if (keys && keys->is_list()) {
      size_t n = 0;
      for (const Value& key : keys->items) {
        Value props = Value::map(key.where);
        props.set("Enabled", Value::boolean_of(true, key.where));
        if (key.is_string()) props.set("Name", key);
        else copy(props, "Name", &key, "name");
        add("ApiGatewayApiKey" + std::to_string(++n), "AWS::ApiGateway::ApiKey", std::move(props), key.where);
      }
    }
    if (http_api_at.valid()) {
      Value props = Value::map(http_api_at);
      const Value* authorizers = get(get(provider, "httpApi"), "authorizers");
      if (authorizers && authorizers->is_map()) {
        Value auth = Value::map(authorizers->where);
        auth.set("Authorizers", *authorizers);
        props.set("Auth", std::move(auth));
      }
      add(kHttpApi, "AWS::Serverless::HttpApi", std::move(props), http_api_at);
      shown(" or set a default authorizer on " + std::string(kHttpApi), "");
    }
    if (websocket_at.valid()) {
      Value props = Value::map(websocket_at);
      props.set("Routes", websocket_routes);
      if (websocket_auth) {
        Value auth = Value::map(websocket_auth->where);
        auth.set("AuthType", text("CUSTOM", websocket_auth->where));
        props.set("Auth", std::move(auth));
      }
      add(kWebsocketApi, "AWS::Serverless::WebSocketApi", std::move(props), websocket_at);
      shown("WebSocket API " + std::string(kWebsocketApi), "The service's WebSocket API (" + std::string(kWebsocketApi) + ")");
      shown("(it declares no Auth for $connect)", "(no websocket event for $connect has an authorizer)");
    }
  }

  // ---------------------------------------------------------------- resources:

  // A resource of `resources:` replaces the generated one of its logical id key by key, and
  // its Properties replace the generated properties key by key (as the framework merges them).
  void merge_resource(const Field& r) {
    Value* existing = resources.get(r.key);
    if (!existing || !existing->is_map() || !r.value.is_map()) {
      resources.set(r.key, r.value, r.key_range);
      return;
    }
    for (const Field& f : r.value.fields) {
      Value* props = existing->get("Properties");
      if (f.key == "Properties" && props && props->is_map() && f.value.is_map()) {
        for (const Field& p : f.value.fields) props->set(p.key, p.value, p.key_range);
      } else {
        existing->set(f.key, f.value, f.key_range);
      }
    }
  }

  void merge_section(Value& root, const Value& part, std::string_view section) {
    const Value* s = part.get(section);
    if (!s || !s->is_map()) return;
    Value* into = root.get(section);
    if (!into) into = &root.set(std::string(section), Value::map(s->where), part.field(section)->key_range);
    for (const Field& f : s->fields) into->set(f.key, f.value, f.key_range);
  }

  Value build() {
    provider = config.get("provider");
    const Value* name = config.get("service");
    if (name && name->is_map()) name = name->get("name");
    service = name && name->is_string() ? name->text : "service";

    bool shared_role_needed = false, shared_role_vpc = false;
    const Value* functions = config.get("functions");
    auto each_function = [&](const Value& map) {
      if (map.is_map())
        for (const Field& fn : map.fields) add_function(fn, shared_role_needed, shared_role_vpc);
    };
    if (functions && functions->is_list()) {
      for (const Value& part : functions->items) each_function(part);
    } else if (functions) {
      each_function(*functions);
    }
    if (shared_role_needed) {
      shown("IAM role inline policy " + std::string(kRole), "provider.iam.role.statements");
      add(kRole, "AWS::IAM::Role", role_properties(provider_statements(), provider_managed(), shared_role_vpc, provider_role_at()),
          provider_role_at());
    }
    add_apis();
    add_distribution();
    // The settings rules name in Terraform and CloudFormation words, in the framework's.
    shown("(reserved_concurrent_executions / ReservedConcurrentExecutions)", "(reservedConcurrency)");
    shown("(scaling_config.maximum_concurrency / ScalingConfig.MaximumConcurrency)", "(maximumConcurrency of the sqs event)");

    Value root = Value::map(config.where);
    root.set("Transform", text(kSamTransform, config.where));
    const Value* custom = config.get("resources");
    std::vector<const Value*> parts;
    if (custom && custom->is_list()) {
      for (const Value& item : custom->items) parts.push_back(&item);
    } else if (custom) {
      parts.push_back(custom);
    }
    for (const Value* part : parts) {
      if (!part->is_map()) continue;
      if (const Value* rs = part->get("Resources"); rs && rs->is_map())
        for (const Field& r : rs->fields) merge_resource(r);
      if (const Value* ext = part->get("extensions"); ext && ext->is_map())
        for (const Field& r : ext->fields)
          if (resources.get(r.key)) merge_resource(r);
      for (std::string_view section : {"Conditions", "Outputs", "Mappings", "Parameters"}) merge_section(root, *part, section);
    }
    root.set("Resources", std::move(resources), config.where);
    return root;
  }
};

}  // namespace

Value generated_template(const Value& config, const std::string& stage, std::vector<ShownName>& names) {
  if (!config.is_map()) return Value::null(config.where);
  const Value* provider = config.get("provider");
  const Value* name = provider && provider->is_map() ? provider->get("name") : nullptr;
  if (!name || !name->is_string() || name->text != "aws") return Value::null(config.where);
  Generator g(config, stage);
  Value out = g.build();
  // Longest first: "Lambda function HelloLambdaFunction" before "HelloLambdaFunction".
  std::stable_sort(g.names.begin(), g.names.end(),
                   [](const ShownName& a, const ShownName& b) { return a.generated.size() > b.generated.size(); });
  names = std::move(g.names);
  return out;
}

}  // namespace eph::serverless
