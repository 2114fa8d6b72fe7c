// The entity table of custom rules. Each field reads one thing of the semantic model;
// nothing here knows a source format. Derived facts (a trigger's kind, an egress verdict)
// are positioned where the entity is declared; values are positioned where they were written.
#include "custom/entity_schema.h"

#include <algorithm>

namespace eph::custom {
namespace {

template <class T>
const T& obj(const Item& item) {
  return *static_cast<const T*>(item.object);
}

Item value_item(const Value* v) {
  Item i;
  i.value = v;
  i.range = v->where;
  return i;
}

FieldValue single(const Value* v) {
  FieldValue f;
  if (v) {
    f.present = true;
    f.items.push_back(value_item(v));
  }
  return f;
}

FieldValue derived(Value v, const Range& where) {
  FieldValue f;
  f.present = true;
  Item i;
  v.where = where;
  i.owned = std::make_shared<const Value>(std::move(v));
  i.value = i.owned.get();
  i.range = where;
  f.items.push_back(std::move(i));
  return f;
}
FieldValue text(std::string s, const Range& where) { return derived(Value::string_of(std::move(s)), where); }
FieldValue number(double n, const Range& where) { return derived(Value::number_of(n), where); }
FieldValue boolean(bool b, const Range& where) { return derived(Value::boolean_of(b), where); }
FieldValue unknown(const Range& where) { return derived(Value::unknown(), where); }
FieldValue absent() { return {}; }

FieldValue values(const std::vector<const Value*>& list, bool known = true) {
  FieldValue f;
  f.present = true;
  f.known = known;
  for (const Value* v : list)
    if (v) f.items.push_back(value_item(v));
  return f;
}

// Entities are created by name so that the table can refer to entities defined after it.
Item entity(std::string_view kind, const void* object, const void* parent, const Range& where, std::string label) {
  Item i;
  i.entity = find_entity(kind);
  i.object = object;
  i.parent = parent;
  i.range = where;
  i.label = std::move(label);
  return i;
}
FieldValue one(Item i) {
  FieldValue f;
  f.present = true;
  f.items.push_back(std::move(i));
  return f;
}

const Range& declared(const NativeResource* r) {
  static const Range none;
  return r ? r->declaration : none;
}
std::string address(const NativeResource* r) { return r ? r->address : std::string(); }

// ---------------------------------------------------------------- entity constructors

Item function_item(const Function& fn) { return entity("function", &fn, nullptr, fn.resource->declaration, fn.address()); }
Item trigger_item(const Function& fn, const Inbound& in) {
  return entity("trigger", &in, &fn, in.range.valid() ? in.range : declared(in.resource), describe(in));
}
Item url_item(const FunctionUrl& url, const Function* fn) {
  return entity("function_url", &url, fn, url.range.valid() ? url.range : declared(url.resource), address(url.resource));
}
Item statement_item(const Policy& p, const PolicyStatement& s) {
  return entity("statement", &s, &p, s.range.valid() ? s.range : p.range, "statement of " + address(p.owner));
}
Item policy_item(const Policy& p) { return entity("policy", &p, nullptr, p.range.valid() ? p.range : declared(p.owner), address(p.owner)); }
Item vpc_item(const Vpc& v) { return entity("vpc", &v, nullptr, declared(v.resource), address(v.resource)); }
Item subnet_item(const Subnet& s) { return entity("subnet", &s, nullptr, declared(s.resource), address(s.resource)); }
Item route_table_item(const RouteTable& t) { return entity("route_table", &t, nullptr, t.range, t.name()); }
Item route_item(const RouteTable& t, const Route& r) { return entity("route", &r, &t, r.range, "route of " + t.name()); }
Item nat_item(const NatGateway& n) { return entity("nat_gateway", &n, nullptr, declared(n.resource), address(n.resource)); }
Item endpoint_item(const VpcEndpoint& e) { return entity("vpc_endpoint", &e, nullptr, declared(e.resource), address(e.resource)); }
Item flow_log_item(const FlowLog& l) { return entity("flow_log", &l, nullptr, declared(l.resource), address(l.resource)); }

FieldValue map_of(const std::vector<Item>& entries, bool known, bool present = true) {
  FieldValue f;
  f.present = present;
  f.known = known;
  f.items = entries;
  return f;
}
Item entry(std::string key, const Range& key_range, const Value* value) {
  Item i;
  i.entity = &map_entry_entity();
  i.key = std::move(key);
  i.value = value;
  i.range = key_range.valid() || !value ? key_range : value->where;
  i.label = i.key;
  return i;
}

// ---------------------------------------------------------------- enumerations

std::string_view trigger_kind(InboundKind k) {
  switch (k) {
    case InboundKind::ApiRoute: return "api-route";
    case InboundKind::WebSocketRoute: return "websocket-route";
    case InboundKind::FunctionUrl: return "function-url";
    case InboundKind::LoadBalancer: return "load-balancer";
    case InboundKind::AppSync: return "appsync";
    case InboundKind::Authorizer: return "authorizer";
    case InboundKind::EventRule: return "event-rule";
    case InboundKind::Schedule: return "schedule";
    case InboundKind::Pipe: return "pipe";
    case InboundKind::Topic: return "topic";
    case InboundKind::Storage: return "storage";
    case InboundKind::IotRule: return "iot-rule";
    case InboundKind::Cognito: return "cognito";
    case InboundKind::Edge: return "edge";
    case InboundKind::StateMachine: return "state-machine";
    case InboundKind::Queue: return "queue";
    case InboundKind::Stream: return "stream";
    case InboundKind::Kafka: return "kafka";
    case InboundKind::Macro: return "macro";
    case InboundKind::CustomResource: return "custom-resource";
    case InboundKind::Other: return "other";
  }
  return "other";
}

std::string_view burst_name(Burst b) {
  switch (b) {
    case Burst::PublicOpen: return "public-open";
    case Burst::PublicLimited: return "public-limited";
    case Burst::Bursting: return "bursting";
    case Burst::Capped: return "capped";
    case Burst::Deployment: return "deployment";
  }
  return "bursting";
}

std::string_view cloud_name(Cloud c) { return to_string(c); }

FieldValue protocol_of(const CidrRule& r) {
  switch (r.ip_protocol) {
    case IpProtocol::All: return text("all", r.range);
    case IpProtocol::Tcp: return text("tcp", r.range);
    case IpProtocol::Udp: return text("udp", r.range);
    case IpProtocol::Icmp: return text("icmp", r.range);
    case IpProtocol::Other: return text("other", r.range);
    case IpProtocol::Unknown: return unknown(r.range);
  }
  return unknown(r.range);
}

std::string_view route_target(RouteTarget t) {
  switch (t) {
    case RouteTarget::Local: return "local";
    case RouteTarget::InternetGateway: return "internet-gateway";
    case RouteTarget::NatGateway: return "nat-gateway";
    case RouteTarget::OtherNetwork: return "other-network";
    case RouteTarget::Unknown: return "unknown";
  }
  return "unknown";
}

std::string_view endpoint_type(EndpointType t) {
  switch (t) {
    case EndpointType::Gateway: return "gateway";
    case EndpointType::Interface: return "interface";
    case EndpointType::GatewayLoadBalancer: return "gateway-load-balancer";
    case EndpointType::Unknown: return "unknown";
  }
  return "unknown";
}

std::string_view flow_log_target(FlowLogTarget t) {
  switch (t) {
    case FlowLogTarget::Vpc: return "vpc";
    case FlowLogTarget::Subnet: return "subnet";
    case FlowLogTarget::NetworkInterface: return "network-interface";
    case FlowLogTarget::Other: return "other";
    case FlowLogTarget::Unknown: return "unknown";
  }
  return "unknown";
}

FieldValue service_list(const Model& m, const Item& o, std::vector<ServiceUse> FunctionServices::*member) {
  const Function& fn = obj<Function>(o);
  const FunctionServices* s = m.services_of(fn);
  if (!s) return absent();
  FieldValue f;
  f.present = true;
  f.known = s->services_complete;
  for (const auto& use : s->*member) {
    Range where = use.evidence.empty() ? fn.resource->declaration : use.evidence.front().range;
    f.items.push_back(text(use.service, where).items.front());
  }
  return f;
}

FieldValue statements_of(const std::vector<const Policy*>& policies) {
  FieldValue f;
  f.present = true;
  for (const Policy* p : policies)
    for (const auto& s : p->statements) f.items.push_back(statement_item(*p, s));
  return f;
}

// ---------------------------------------------------------------- the table

std::vector<EntityDef> build() {
  using F = FieldType;
  std::vector<EntityDef> t;

  t.push_back({"function", "A function of any platform (Lambda, Cloud Functions, Cloud Run, Azure Functions).",
               {
                   {"address", F::String, false, "", "the Terraform address or CloudFormation logical id",
                    [](const Model&, const Item& o) { return text(obj<Function>(o).address(), obj<Function>(o).resource->declaration); }},
                   {"name", F::String, false, "", "the configured function name, when written",
                    [](const Model&, const Item& o) { return single(obj<Function>(o).name); }},
                   {"kind", F::String, false, "", "what it is: \"Lambda function\", \"Cloud Run service\", \"Function App\"...",
                    [](const Model&, const Item& o) { return text(std::string(obj<Function>(o).label), obj<Function>(o).resource->declaration); }},
                   {"cloud", F::String, false, "", "aws, gcp, azure or cloudflare",
                    [](const Model&, const Item& o) { return text(std::string(cloud_name(obj<Function>(o).cloud)), obj<Function>(o).resource->declaration); }},
                   {"runtime", F::String, false, "", "the runtime as written (python3.12, nodejs20.x); absent for container images",
                    [](const Model&, const Item& o) { return single(obj<Function>(o).runtime); }},
                   {"tags", F::Map, false, "", "tags (Google Cloud: labels) as written on the function: `tags.team`",
                    [](const Model&, const Item& o) {
                      const Function& fn = obj<Function>(o);
                      std::vector<Item> entries;
                      for (const auto& tag : fn.tags) entries.push_back(entry(tag.key, tag.key_range, tag.value));
                      return map_of(entries, fn.tags_known, !entries.empty() || !fn.tags_known);
                    }},
                   {"environment", F::Map, false, "", "environment variables (Azure: app settings): `environment.TABLE_NAME`",
                    [](const Model&, const Item& o) {
                      const Function& fn = obj<Function>(o);
                      std::vector<Item> entries;
                      for (const auto& e : fn.environment) entries.push_back(entry(e.name, e.name_range, e.value));
                      return map_of(entries, fn.environment_known, !entries.empty() || !fn.environment_known);
                    }},
                   {"reserved_concurrency", F::Number, false, "", "AWS reserved concurrency, when set",
                    [](const Model&, const Item& o) { return single(obj<Function>(o).reserved_concurrency); }},
                   {"max_instances", F::Number, false, "", "Google Cloud / Azure instance ceiling, when set",
                    [](const Model&, const Item& o) { return single(obj<Function>(o).max_instances); }},
                   {"in_vpc", F::Bool, false, "", "whether it declares a VPC configuration",
                    [](const Model&, const Item& o) { return boolean(obj<Function>(o).in_vpc, obj<Function>(o).resource->declaration); }},
                   {"subnet_ids", F::String, true, "", "the subnets of its VPC configuration, as written",
                    [](const Model&, const Item& o) {
                      const Function& fn = obj<Function>(o);
                      return fn.in_vpc ? values(fn.subnets, fn.subnets_known) : absent();
                    }},
                   {"security_groups", F::String, true, "", "the security groups of its VPC configuration, as written",
                    [](const Model&, const Item& o) {
                      const Function& fn = obj<Function>(o);
                      return fn.in_vpc ? values(fn.security_groups) : absent();
                    }},
                   {"subnets", F::Entity, true, "subnet", "function to its subnets (those declared in the code)",
                    [](const Model& m, const Item& o) {
                      const FunctionNetwork* net = m.network_of(obj<Function>(o));
                      if (!net) return absent();
                      FieldValue f;
                      f.present = true;
                      f.known = net->known;
                      for (const auto& p : net->subnets)
                        if (p.subnet) f.items.push_back(subnet_item(*p.subnet));
                      return f;
                    }},
                   {"vpc", F::Entity, false, "vpc", "function to its VPC, when declared in the code",
                    [](const Model& m, const Item& o) {
                      const FunctionNetwork* net = m.network_of(obj<Function>(o));
                      return net && net->vpc ? one(vpc_item(*net->vpc)) : absent();
                    }},
                   {"egress", F::String, false, "",
                    "the egress verdict: no-vpc, vpc-no-internet, vpc-via-internet-gateway, vpc-via-nat, vpc-other-network (unknown when the path cannot be resolved)",
                    [](const Model& m, const Item& o) {
                      const Function& fn = obj<Function>(o);
                      const FunctionServices* s = m.services_of(fn);
                      if (!s) return absent();
                      if (s->egress == EgressVerdict::Unknown) return unknown(fn.vpc_range.valid() ? fn.vpc_range : fn.resource->declaration);
                      return text(std::string(to_string(s->egress)), fn.in_vpc ? fn.vpc_range : fn.resource->declaration);
                    }},
                   {"nat_gateways", F::Entity, true, "nat_gateway", "function to the NAT gateways its default routes lead to",
                    [](const Model& m, const Item& o) {
                      const FunctionServices* s = m.services_of(obj<Function>(o));
                      if (!s) return absent();
                      FieldValue f;
                      f.present = true;
                      f.known = s->egress != EgressVerdict::Unknown;
                      for (const NatGateway* n : s->nats) f.items.push_back(nat_item(*n));
                      return f;
                    }},
                   {"endpoints", F::Entity, true, "vpc_endpoint", "function to the VPC endpoints that serve it",
                    [](const Model& m, const Item& o) {
                      const FunctionNetwork* net = m.network_of(obj<Function>(o));
                      if (!net) return absent();
                      FieldValue f;
                      f.present = true;
                      f.known = net->known;
                      for (const VpcEndpoint* e : net->endpoints) f.items.push_back(endpoint_item(*e));
                      return f;
                    }},
                   {"role", F::String, false, "", "the execution role as written",
                    [](const Model& m, const Item& o) {
                      const Function& fn = obj<Function>(o);
                      if (!fn.role && !fn.role_known) return unknown(fn.resource->declaration);
                      return single(fn.role);
                    }},
                   {"statements", F::Entity, true, "statement", "function to role to the statements of its identity policies",
                    [](const Model&, const Item& o) {
                      const Function& fn = obj<Function>(o);
                      FieldValue f = statements_of(fn.policies);
                      f.known = fn.role_known;
                      return f;
                    }},
                   {"managed_policies", F::String, true, "", "managed policies attached to its role (ARN or SAM name, as written)",
                    [](const Model&, const Item& o) { return values(obj<Function>(o).managed_policy_arns, obj<Function>(o).role_known); }},
                   {"triggers", F::Entity, true, "trigger", "function to its inbound triggers (the traffic view)",
                    [](const Model&, const Item& o) {
                      const Function& fn = obj<Function>(o);
                      FieldValue f;
                      f.present = true;
                      for (const auto& in : fn.inbound) f.items.push_back(trigger_item(fn, in));
                      return f;
                    }},
                   {"urls", F::Entity, true, "function_url", "function to its function URLs",
                    [](const Model&, const Item& o) {
                      const Function& fn = obj<Function>(o);
                      FieldValue f;
                      f.present = true;
                      for (const auto& u : fn.urls) f.items.push_back(url_item(u, &fn));
                      return f;
                    }},
                   {"services", F::String, true, "", "AWS services it calls (IAM prefixes: s3, dynamodb...), from grants, references and code",
                    [](const Model& m, const Item& o) { return service_list(m, o, &FunctionServices::services); }},
                   {"data_stores", F::String, true, "", "data stores it reaches inside its network (rds, elasticache...)",
                    [](const Model& m, const Item& o) { return service_list(m, o, &FunctionServices::data_stores); }},
                   {"destinations", F::String, true, "", "services its results go to: asynchronous destinations and dead-letter targets",
                    [](const Model& m, const Item& o) {
                      FieldValue f = service_list(m, o, &FunctionServices::destinations);
                      f.known = true;  // destinations are read from the code, not from grants
                      return f;
                    }},
                   {"external_hosts", F::String, true, "", "hosts outside AWS it calls (environment, inline code, API destinations)",
                    [](const Model& m, const Item& o) {
                      const FunctionServices* s = m.services_of(obj<Function>(o));
                      if (!s) return absent();
                      FieldValue f;
                      f.present = true;
                      f.known = s->hosts_complete;
                      for (const auto& h : s->external_hosts) f.items.push_back(text(h.host, h.where).items.front());
                      return f;
                    }},
               },
               [](const Model& m, std::vector<Item>& out) {
                 for (const auto& fn : m.functions) out.push_back(function_item(fn));
               }});

  t.push_back({"trigger", "One way requests or events reach a function (the traffic view's inbound half).",
               {
                   {"kind", F::String, false, "",
                    "api-route, websocket-route, function-url, load-balancer, appsync, authorizer, event-rule, schedule, pipe, topic, storage, iot-rule, cognito, edge, state-machine, queue, stream, kafka, macro, custom-resource, other",
                    [](const Model&, const Item& o) { return text(std::string(trigger_kind(obj<Inbound>(o).kind)), o.range); }},
                   {"address", F::String, false, "", "the resource that declares it (mapping, route, subscription...)",
                    [](const Model&, const Item& o) { return obj<Inbound>(o).resource ? text(obj<Inbound>(o).resource->address, o.range) : absent(); }},
                   {"source", F::String, false, "", "what sends it: \"SQS queue orders\", \"GET /items\"",
                    [](const Model&, const Item& o) { return text(describe(obj<Inbound>(o)), o.range); }},
                   {"service", F::String, false, "", "the sending service (sqs, kinesis, execute-api, events...), when known",
                    [](const Model&, const Item& o) {
                      std::string_view s = obj<Inbound>(o).service;
                      return s.empty() ? absent() : text(std::string(s), o.range);
                    }},
                   {"burst", F::String, false, "", "public-open, public-limited, bursting, capped or deployment",
                    [](const Model&, const Item& o) { return text(std::string(burst_name(obj<Inbound>(o).burst)), o.range); }},
                   {"public", F::Bool, false, "", "a public entry point (API route, WebSocket route, URL, load balancer)",
                    [](const Model&, const Item& o) { return boolean(obj<Inbound>(o).public_entry(), o.range); }},
                   {"polled", F::Bool, false, "", "polled by Lambda (queue, stream, Kafka)",
                    [](const Model&, const Item& o) { return boolean(obj<Inbound>(o).polled(), o.range); }},
                   {"authorization", F::String, false, "", "the authorization as written (NONE, AWS_IAM, an authorizer)",
                    [](const Model&, const Item& o) { return single(obj<Inbound>(o).authorization); }},
                   {"authenticated", F::Bool, false, "", "authorization, an API key or a private endpoint applies",
                    [](const Model&, const Item& o) { return boolean(obj<Inbound>(o).authenticated, o.range); }},
                   {"throttle", F::Number, false, "", "the rate limit that applies, when written",
                    [](const Model&, const Item& o) { return single(obj<Inbound>(o).throttle); }},
                   {"batch_size", F::Number, false, "", "pollers: the batch size, when written",
                    [](const Model&, const Item& o) { return single(obj<Inbound>(o).batch_size); }},
                   {"max_concurrency", F::Number, false, "", "SQS pollers: the maximum concurrency, when written",
                    [](const Model&, const Item& o) { return single(obj<Inbound>(o).max_concurrency); }},
                   {"shard_count", F::Number, false, "", "Kinesis: the stream's shard count, when declared",
                    [](const Model&, const Item& o) { return single(obj<Inbound>(o).shard_count); }},
                   {"parallelization_factor", F::Number, false, "", "streams: the parallelization factor, when written",
                    [](const Model&, const Item& o) { return single(obj<Inbound>(o).parallelization_factor); }},
                   {"partitions", F::Number, false, "", "Kafka: the topic's partitions, when declared",
                    [](const Model&, const Item& o) { return single(obj<Inbound>(o).partitions); }},
                   {"enabled", F::Bool, false, "", "pollers: `enabled` as written",
                    [](const Model&, const Item& o) { return single(obj<Inbound>(o).enabled); }},
                   {"failure_destination", F::Any, false, "",
                    "pollers: where failing records go (the mapping's on-failure destination, else the SQS queue's redrive policy); unknown for a queue outside the code",
                    [](const Model&, const Item& o) {
                      const Inbound& in = obj<Inbound>(o);
                      if (!in.failure_destination_known) return unknown(o.range);
                      return single(in.failure_destination);
                    }},
                   {"function", F::Entity, false, "function", "trigger to the function it invokes",
                    [](const Model&, const Item& o) { return one(function_item(*static_cast<const Function*>(o.parent))); }},
               },
               [](const Model& m, std::vector<Item>& out) {
                 for (const auto& fn : m.functions)
                   for (const auto& in : fn.inbound) out.push_back(trigger_item(fn, in));
               }});

  t.push_back({"function_url", "A Lambda function URL, also of functions not declared in the scanned code.",
               {
                   {"address", F::String, false, "", "the URL resource (or the function, for SAM FunctionUrlConfig)",
                    [](const Model&, const Item& o) { return text(address(obj<FunctionUrl>(o).resource), o.range); }},
                   {"auth_type", F::String, false, "", "NONE or AWS_IAM, as written",
                    [](const Model&, const Item& o) { return single(obj<FunctionUrl>(o).auth_type); }},
                   {"function", F::Entity, false, "function", "URL to its function, when declared in the scanned code",
                    [](const Model&, const Item& o) {
                      return o.parent ? one(function_item(*static_cast<const Function*>(o.parent))) : absent();
                    }},
                   {"function_ref", F::String, false, "", "the function as the URL names it (a name, an ARN, a reference)",
                    [](const Model&, const Item& o) { return single(obj<FunctionUrl>(o).function_ref); }},
               },
               [](const Model& m, std::vector<Item>& out) {
                 for (const auto& fn : m.functions)
                   for (const auto& u : fn.urls) out.push_back(url_item(u, &fn));
                 for (const auto& u : m.foreign_function_urls) out.push_back(url_item(u, nullptr));
               }});

  t.push_back({"invoke_permission", "A Lambda permission: who may invoke a function.",
               {
                   {"address", F::String, false, "", "the permission resource",
                    [](const Model&, const Item& o) { return text(address(obj<InvokePermission>(o).resource), o.range); }},
                   {"principal", F::String, false, "", "the principal as written (*, a service, an account)",
                    [](const Model&, const Item& o) { return single(obj<InvokePermission>(o).principal); }},
                   {"source_arn", F::String, false, "", "the source ARN, when written",
                    [](const Model&, const Item& o) { return single(obj<InvokePermission>(o).source_arn); }},
                   {"source_account", F::String, false, "", "the source account, when written",
                    [](const Model&, const Item& o) { return single(obj<InvokePermission>(o).source_account); }},
                   {"principal_org_id", F::String, false, "", "the organization id, when written",
                    [](const Model&, const Item& o) { return single(obj<InvokePermission>(o).principal_org_id); }},
                   {"action", F::String, false, "", "the action (lambda:InvokeFunction...)",
                    [](const Model&, const Item& o) { return single(obj<InvokePermission>(o).action); }},
                   {"event_source_token", F::String, false, "", "the event source token, when written",
                    [](const Model&, const Item& o) { return single(obj<InvokePermission>(o).event_source_token); }},
                   {"function_url_auth_type", F::String, false, "", "for lambda:InvokeFunctionUrl: NONE or AWS_IAM",
                    [](const Model&, const Item& o) { return single(obj<InvokePermission>(o).function_url_auth_type); }},
                   {"function_ref", F::String, false, "", "the function as the permission names it",
                    [](const Model&, const Item& o) { return single(obj<InvokePermission>(o).function_ref); }},
                   {"function", F::Entity, false, "function", "permission to the function it opens, when resolvable",
                    [](const Model&, const Item& o) {
                      const Function* fn = obj<InvokePermission>(o).function;
                      return fn ? one(function_item(*fn)) : absent();
                    }},
               },
               [](const Model& m, std::vector<Item>& out) {
                 for (const auto& p : m.invoke_permissions)
                   out.push_back(entity("invoke_permission", &p, nullptr, declared(p.resource), address(p.resource)));
               }});

  t.push_back({"firewall_rule", "One CIDR of a security-group, network-ACL or VPC firewall rule (inline or standalone).",
               {
                   {"address", F::String, false, "", "the rule resource, or the group or ACL holding the inline rule",
                    [](const Model&, const Item& o) { return text(address(obj<CidrRule>(o).resource), o.range); }},
                   {"firewall", F::String, false, "", "security-group, network-acl, vpc-firewall or network-security-group",
                    [](const Model&, const Item& o) {
                      Firewall fw = obj<CidrRule>(o).firewall;
                      return text(fw == Firewall::SecurityGroup          ? "security-group"
                                  : fw == Firewall::VpcFirewall          ? "vpc-firewall"
                                  : fw == Firewall::NetworkSecurityGroup ? "network-security-group"
                                                                         : "network-acl",
                                  o.range);
                    }},
                   {"direction", F::String, false, "", "ingress or egress",
                    [](const Model&, const Item& o) {
                      return text(obj<CidrRule>(o).direction == Direction::Ingress ? "ingress" : "egress", o.range);
                    }},
                   {"cidr", F::String, false, "", "the CIDR as written (IPv4 or IPv6)",
                    [](const Model&, const Item& o) { return single(obj<CidrRule>(o).cidr); }},
                   {"protocol", F::String, false, "", "all, tcp, udp, icmp or other (unknown when it cannot be read)",
                    [](const Model&, const Item& o) { return protocol_of(obj<CidrRule>(o)); }},
                   {"from_port", F::Number, false, "", "the first port as written",
                    [](const Model&, const Item& o) { return single(obj<CidrRule>(o).from_port); }},
                   {"to_port", F::Number, false, "", "the last port as written",
                    [](const Model&, const Item& o) { return single(obj<CidrRule>(o).to_port); }},
                   {"first_port", F::Number, false, "", "the first port admitted (0 for all protocols); unknown when the ports cannot be known or the protocol has none",
                    [](const Model&, const Item& o) {
                      const CidrRule& r = obj<CidrRule>(o);
                      return r.ports_known ? number(r.first_port, r.range) : unknown(r.range);
                    }},
                   {"last_port", F::Number, false, "", "the last port admitted (65535 for all protocols); unknown like first_port",
                    [](const Model&, const Item& o) {
                      const CidrRule& r = obj<CidrRule>(o);
                      return r.ports_known ? number(r.last_port, r.range) : unknown(r.range);
                    }},
                   {"action", F::String, false, "", "network ACLs: allow or deny, as written",
                    [](const Model&, const Item& o) { return single(obj<CidrRule>(o).action); }},
                   {"allows", F::Bool, false, "", "security groups always; ACL rules whose action is a known allow",
                    [](const Model&, const Item& o) { return boolean(obj<CidrRule>(o).allows(), o.range); }},
               },
               [](const Model& m, std::vector<Item>& out) {
                 for (const auto& r : m.cidr_rules)
                   out.push_back(entity("firewall_rule", &r, nullptr, r.range.valid() ? r.range : declared(r.resource), address(r.resource)));
               }});

  t.push_back({"ip_set_entry", "One address of a WAF IP set.",
               {
                   {"address", F::String, false, "", "the IP set resource",
                    [](const Model&, const Item& o) { return text(address(obj<IpSetEntry>(o).resource), o.range); }},
                   {"cidr", F::String, false, "", "the address as written",
                    [](const Model&, const Item& o) { return single(obj<IpSetEntry>(o).cidr); }},
                   {"block_only", F::Bool, false, "", "every use of the set blocks what it matches",
                    [](const Model&, const Item& o) { return boolean(obj<IpSetEntry>(o).block_only, o.range); }},
               },
               [](const Model& m, std::vector<Item>& out) {
                 for (const auto& e : m.ip_set_entries) {
                   Range where = e.cidr ? e.cidr->where : declared(e.resource);
                   out.push_back(entity("ip_set_entry", &e, nullptr, where, address(e.resource)));
                 }
               }});

  t.push_back({"api_route", "An API Gateway method or route (REST, HTTP, WebSocket, SAM events, OpenAPI operations) that reaches a function.",
               {
                   {"address", F::String, false, "", "the method, route, SAM function or API that declares it",
                    [](const Model&, const Item& o) { return text(address(obj<ApiRoute>(o).resource), o.range); }},
                   {"kind", F::String, false, "", "\"REST API method\", \"HTTP API route\", \"SAM Api event\"...",
                    [](const Model&, const Item& o) { return text(std::string(obj<ApiRoute>(o).label), o.range); }},
                   {"method", F::String, false, "", "the HTTP method or route key, as written",
                    [](const Model&, const Item& o) { return single(obj<ApiRoute>(o).method); }},
                   {"authorization", F::String, false, "", "the authorization in force (NONE, AWS_IAM, CUSTOM, JWT, an authorizer); unknown when decided elsewhere",
                    [](const Model&, const Item& o) {
                      const ApiRoute& r = obj<ApiRoute>(o);
                      if (r.authorization_unknown) return unknown(r.range);
                      return single(r.authorization);
                    }},
                   {"api_key_required", F::Bool, false, "", "whether an API key is required, as written",
                    [](const Model&, const Item& o) { return single(obj<ApiRoute>(o).api_key_required); }},
                   {"websocket", F::Bool, false, "", "a WebSocket route (authorized at $connect)",
                    [](const Model&, const Item& o) { return boolean(obj<ApiRoute>(o).websocket, o.range); }},
                   {"private_endpoint", F::Bool, false, "", "a PRIVATE REST API",
                    [](const Model&, const Item& o) { return boolean(obj<ApiRoute>(o).private_endpoint, o.range); }},
                   {"vpc_only", F::Bool, false, "", "a resource policy admits calls only from a VPC or VPC endpoint",
                    [](const Model&, const Item& o) { return boolean(obj<ApiRoute>(o).vpc_only_policy != nullptr, o.range); }},
                   {"mutual_tls", F::Bool, false, "", "every custom domain requires mutual TLS and the default endpoint is off",
                    [](const Model&, const Item& o) { return boolean(obj<ApiRoute>(o).mutual_tls_domain != nullptr, o.range); }},
                   {"api", F::String, false, "", "the API it belongs to, when declared in the code",
                    [](const Model&, const Item& o) {
                      const ApiRoute& r = obj<ApiRoute>(o);
                      return r.api ? text(r.api->address, r.api->declaration) : absent();
                    }},
                   {"function", F::Entity, false, "function", "route to the function it reaches",
                    [](const Model&, const Item& o) {
                      const Function* fn = obj<ApiRoute>(o).function;
                      return fn ? one(function_item(*fn)) : absent();
                    }},
               },
               [](const Model& m, std::vector<Item>& out) {
                 for (const auto& r : m.api_routes)
                   out.push_back(entity("api_route", &r, nullptr, r.range.valid() ? r.range : declared(r.resource), address(r.resource)));
               }});

  t.push_back({"policy", "An identity or resource policy document.",
               {
                   {"address", F::String, false, "", "the resource that holds or attaches the document",
                    [](const Model&, const Item& o) { return text(address(obj<Policy>(o).owner), o.range); }},
                   {"kind", F::String, false, "", "identity or resource",
                    [](const Model&, const Item& o) { return text(obj<Policy>(o).kind == PolicyKind::Identity ? "identity" : "resource", o.range); }},
                   {"subject", F::String, false, "", "resource policies: what it protects (\"S3 bucket\", \"SQS queue\")",
                    [](const Model&, const Item& o) {
                      const Policy& p = obj<Policy>(o);
                      return p.subject.empty() ? absent() : text(p.subject, o.range);
                    }},
                   {"statements", F::Entity, true, "statement", "policy to its statements",
                    [](const Model&, const Item& o) { return statements_of({&obj<Policy>(o)}); }},
               },
               [](const Model& m, std::vector<Item>& out) {
                 for (const auto& p : m.policies) out.push_back(policy_item(p));
               }});

  t.push_back({"statement", "A statement of a policy, normalised (every way a document can be written).",
               {
                   {"effect", F::String, false, "", "Allow or Deny",
                    [](const Model&, const Item& o) { return single(obj<PolicyStatement>(o).effect); }},
                   {"principals", F::Entity, true, "principal", "statement to its principals",
                    [](const Model&, const Item& o) {
                      const PolicyStatement& s = obj<PolicyStatement>(o);
                      FieldValue f;
                      f.present = !s.principals.empty() || s.principal_unknown;
                      f.known = !s.principal_unknown;
                      for (const auto& p : s.principals) {
                        Range where = p.id ? p.id->where : s.range;
                        f.items.push_back(entity("principal", &p, &s, where, p.type));
                      }
                      return f;
                    }},
                   {"not_principal", F::Bool, false, "", "the principals are a NotPrincipal",
                    [](const Model&, const Item& o) { return boolean(obj<PolicyStatement>(o).not_principal, o.range); }},
                   {"actions", F::String, true, "", "the actions (or NotActions), each as written",
                    [](const Model&, const Item& o) { return values(obj<PolicyStatement>(o).actions); }},
                   {"not_action", F::Bool, false, "", "the actions are a NotAction",
                    [](const Model&, const Item& o) { return boolean(obj<PolicyStatement>(o).not_action, o.range); }},
                   {"resources", F::String, true, "", "the resources (or NotResources), each as written",
                    [](const Model&, const Item& o) { return values(obj<PolicyStatement>(o).resources); }},
                   {"not_resource", F::Bool, false, "", "the resources are a NotResource",
                    [](const Model&, const Item& o) { return boolean(obj<PolicyStatement>(o).not_resource, o.range); }},
                   {"conditions", F::Entity, true, "condition", "statement to its conditions",
                    [](const Model&, const Item& o) {
                      const PolicyStatement& s = obj<PolicyStatement>(o);
                      FieldValue f;
                      f.present = true;
                      f.known = !s.conditions_unknown;
                      for (const auto& c : s.conditions) f.items.push_back(entity("condition", &c, &s, c.range, c.key));
                      return f;
                    }},
                   {"policy", F::Entity, false, "policy", "statement to its policy",
                    [](const Model&, const Item& o) { return one(policy_item(*static_cast<const Policy*>(o.parent))); }},
               },
               [](const Model& m, std::vector<Item>& out) {
                 for (const auto& p : m.policies)
                   for (const auto& s : p.statements) out.push_back(statement_item(p, s));
               }});

  t.push_back({"principal", "A principal of a statement.",
               {
                   {"type", F::String, false, "", "*, AWS, Service, Federated or CanonicalUser",
                    [](const Model&, const Item& o) { return text(obj<PolicyPrincipal>(o).type, o.range); }},
                   {"id", F::String, false, "", "the identifier as written (\"*\", an ARN, a service)",
                    [](const Model&, const Item& o) { return single(obj<PolicyPrincipal>(o).id); }},
               },
               nullptr});

  t.push_back({"condition", "A condition of a statement.",
               {
                   {"operator", F::String, false, "", "IpAddress, StringEquals, ForAnyValue:StringLike...",
                    [](const Model&, const Item& o) { return text(obj<PolicyCondition>(o).op, o.range); }},
                   {"key", F::String, false, "", "the condition key as written (aws:SourceIp)",
                    [](const Model&, const Item& o) { return text(obj<PolicyCondition>(o).key, o.range); }},
                   {"values", F::String, true, "", "the values, each as written",
                    [](const Model&, const Item& o) { return values(obj<PolicyCondition>(o).values); }},
               },
               nullptr});

  t.push_back({"vpc", "A VPC declared in the code.",
               {
                   {"address", F::String, false, "", "the VPC resource",
                    [](const Model&, const Item& o) { return text(address(obj<Vpc>(o).resource), o.range); }},
                   {"subnets", F::Entity, true, "subnet", "VPC to its subnets",
                    [](const Model&, const Item& o) {
                      FieldValue f;
                      f.present = true;
                      for (const Subnet* s : obj<Vpc>(o).subnets) f.items.push_back(subnet_item(*s));
                      return f;
                    }},
                   {"endpoints", F::Entity, true, "vpc_endpoint", "VPC to its endpoints",
                    [](const Model&, const Item& o) {
                      FieldValue f;
                      f.present = true;
                      f.known = obj<Vpc>(o).endpoints_known;
                      for (const VpcEndpoint* e : obj<Vpc>(o).endpoints) f.items.push_back(endpoint_item(*e));
                      return f;
                    }},
                   {"flow_logs", F::Entity, true, "flow_log", "VPC to the flow logs on it",
                    [](const Model&, const Item& o) {
                      FieldValue f;
                      f.present = true;
                      f.known = obj<Vpc>(o).flow_logs_known;
                      for (const FlowLog* l : obj<Vpc>(o).flow_logs) f.items.push_back(flow_log_item(*l));
                      return f;
                    }},
                   {"functions", F::Entity, true, "function", "VPC to the functions attached to it",
                    [](const Model& m, const Item& o) {
                      FieldValue f;
                      f.present = true;
                      for (const auto& net : m.network.functions)
                        if (net.vpc == &obj<Vpc>(o)) f.items.push_back(function_item(*net.function));
                      return f;
                    }},
               },
               [](const Model& m, std::vector<Item>& out) {
                 for (const auto& v : m.network.vpcs) out.push_back(vpc_item(v));
               }});

  t.push_back({"subnet", "A subnet declared in the code.",
               {
                   {"address", F::String, false, "", "the subnet resource",
                    [](const Model&, const Item& o) { return text(address(obj<Subnet>(o).resource), o.range); }},
                   {"vpc", F::Entity, false, "vpc", "subnet to its VPC",
                    [](const Model&, const Item& o) { return obj<Subnet>(o).vpc ? one(vpc_item(*obj<Subnet>(o).vpc)) : absent(); }},
                   {"route_table", F::Entity, false, "route_table", "subnet to its route table (explicit, else the VPC's main table)",
                    [](const Model&, const Item& o) {
                      const Subnet& s = obj<Subnet>(o);
                      if (!s.route_table_known) return unknown(o.range);
                      return s.route_table ? one(route_table_item(*s.route_table)) : absent();
                    }},
               },
               [](const Model& m, std::vector<Item>& out) {
                 for (const auto& s : m.network.subnets) out.push_back(subnet_item(s));
               }});

  t.push_back({"route_table", "A route table (declared, or a VPC's implicit main table).",
               {
                   {"address", F::String, false, "", "the table's address, or \"the main route table of <vpc>\"",
                    [](const Model&, const Item& o) { return text(obj<RouteTable>(o).name(), o.range); }},
                   {"routes", F::Entity, true, "route", "route table to its routes",
                    [](const Model&, const Item& o) {
                      const RouteTable& t = obj<RouteTable>(o);
                      FieldValue f;
                      f.present = true;
                      f.known = t.routes_known;
                      for (const auto& r : t.routes) f.items.push_back(route_item(t, r));
                      return f;
                    }},
                   {"vpc", F::Entity, false, "vpc", "route table to its VPC",
                    [](const Model&, const Item& o) { return obj<RouteTable>(o).vpc ? one(vpc_item(*obj<RouteTable>(o).vpc)) : absent(); }},
               },
               [](const Model& m, std::vector<Item>& out) {
                 for (const auto& t : m.network.route_tables) out.push_back(route_table_item(t));
               }});

  t.push_back({"route", "A route of a route table.",
               {
                   {"default", F::Bool, false, "", "the destination is 0.0.0.0/0 (unknown when the destination is)",
                    [](const Model&, const Item& o) {
                      const Route& r = obj<Route>(o);
                      return r.destination_known ? boolean(r.default_ipv4, r.range) : unknown(r.range);
                    }},
                   {"target", F::String, false, "", "local, internet-gateway, nat-gateway or other-network (unknown when unresolvable)",
                    [](const Model&, const Item& o) {
                      const Route& r = obj<Route>(o);
                      return r.target == RouteTarget::Unknown ? unknown(r.range) : text(std::string(route_target(r.target)), r.range);
                    }},
                   {"nat_gateway", F::Entity, false, "nat_gateway", "route to its NAT gateway",
                    [](const Model&, const Item& o) { return obj<Route>(o).nat ? one(nat_item(*obj<Route>(o).nat)) : absent(); }},
               },
               [](const Model& m, std::vector<Item>& out) {
                 for (const auto& t : m.network.route_tables)
                   for (const auto& r : t.routes) out.push_back(route_item(t, r));
               }});

  t.push_back({"nat_gateway", "A NAT gateway.",
               {
                   {"address", F::String, false, "", "the NAT gateway resource",
                    [](const Model&, const Item& o) { return text(address(obj<NatGateway>(o).resource), o.range); }},
                   {"public", F::Bool, false, "", "a public NAT (unknown when its connectivity type is)",
                    [](const Model&, const Item& o) {
                      const NatGateway& n = obj<NatGateway>(o);
                      return n.connectivity_known ? boolean(n.is_public, o.range) : unknown(o.range);
                    }},
                   {"published", F::Bool, false, "", "an output or export publishes its public address",
                    [](const Model&, const Item& o) { return boolean(obj<NatGateway>(o).published_address != nullptr, o.range); }},
                   {"subnet", F::Entity, false, "subnet", "NAT gateway to the subnet it lives in",
                    [](const Model&, const Item& o) { return obj<NatGateway>(o).subnet ? one(subnet_item(*obj<NatGateway>(o).subnet)) : absent(); }},
                   {"vpc", F::Entity, false, "vpc", "NAT gateway to its VPC",
                    [](const Model&, const Item& o) { return obj<NatGateway>(o).vpc ? one(vpc_item(*obj<NatGateway>(o).vpc)) : absent(); }},
                   {"clients", F::Entity, true, "function", "NAT gateway to the functions whose default route leads to it",
                    [](const Model& m, const Item& o) {
                      FieldValue f;
                      f.present = true;
                      for (const auto& net : m.network.functions)
                        if (std::find(net.nats.begin(), net.nats.end(), &obj<NatGateway>(o)) != net.nats.end())
                          f.items.push_back(function_item(*net.function));
                      return f;
                    }},
               },
               [](const Model& m, std::vector<Item>& out) {
                 for (const auto& n : m.network.nat_gateways) out.push_back(nat_item(n));
               }});

  t.push_back({"vpc_endpoint", "A VPC endpoint.",
               {
                   {"address", F::String, false, "", "the endpoint resource",
                    [](const Model&, const Item& o) { return text(address(obj<VpcEndpoint>(o).resource), o.range); }},
                   {"service", F::String, false, "", "the service after the region (s3, ecr.dkr, execute-api)",
                    [](const Model&, const Item& o) {
                      const VpcEndpoint& e = obj<VpcEndpoint>(o);
                      return e.service_known ? text(e.service, o.range) : unknown(o.range);
                    }},
                   {"type", F::String, false, "", "gateway, interface or gateway-load-balancer",
                    [](const Model&, const Item& o) {
                      const VpcEndpoint& e = obj<VpcEndpoint>(o);
                      return e.type == EndpointType::Unknown ? unknown(o.range) : text(std::string(endpoint_type(e.type)), o.range);
                    }},
                   {"vpc", F::Entity, false, "vpc", "endpoint to its VPC",
                    [](const Model&, const Item& o) {
                      const VpcEndpoint& e = obj<VpcEndpoint>(o);
                      if (!e.vpc_known) return unknown(o.range);
                      return e.vpc ? one(vpc_item(*e.vpc)) : absent();
                    }},
               },
               [](const Model& m, std::vector<Item>& out) {
                 for (const auto& e : m.network.endpoints) out.push_back(endpoint_item(e));
               }});

  t.push_back({"flow_log", "A flow log.",
               {
                   {"address", F::String, false, "", "the flow log resource",
                    [](const Model&, const Item& o) { return text(address(obj<FlowLog>(o).resource), o.range); }},
                   {"target", F::String, false, "", "vpc, subnet, network-interface or other (unknown when unresolvable)",
                    [](const Model&, const Item& o) {
                      const FlowLog& l = obj<FlowLog>(o);
                      return l.target == FlowLogTarget::Unknown ? unknown(o.range) : text(std::string(flow_log_target(l.target)), o.range);
                    }},
                   {"vpc", F::Entity, false, "vpc", "flow log to the VPC it watches",
                    [](const Model&, const Item& o) { return obj<FlowLog>(o).vpc ? one(vpc_item(*obj<FlowLog>(o).vpc)) : absent(); }},
               },
               [](const Model& m, std::vector<Item>& out) {
                 for (const auto& l : m.network.flow_logs) out.push_back(flow_log_item(l));
               }});

  t.push_back({"security_group", "A security group.",
               {
                   {"address", F::String, false, "", "the security group resource",
                    [](const Model&, const Item& o) { return text(address(obj<SecurityGroup>(o).resource), o.range); }},
                   {"vpc", F::Entity, false, "vpc", "security group to its VPC",
                    [](const Model&, const Item& o) { return obj<SecurityGroup>(o).vpc ? one(vpc_item(*obj<SecurityGroup>(o).vpc)) : absent(); }},
               },
               [](const Model& m, std::vector<Item>& out) {
                 for (const auto& g : m.network.security_groups)
                   out.push_back(entity("security_group", &g, nullptr, declared(g.resource), address(g.resource)));
               }});

  t.push_back({"resource", "Any resource, by type and attribute path: the last resort for what the model does not have.",
               {
                   {"type", F::String, false, "", "the resource type as written (aws_s3_bucket, AWS::S3::Bucket)",
                    [](const Model&, const Item& o) { return text(obj<NativeResource>(o).type, o.range); }},
                   {"address", F::String, false, "", "the Terraform address or CloudFormation logical id",
                    [](const Model&, const Item& o) { return text(obj<NativeResource>(o).address, o.range); }},
                   {"attributes", F::Map, false, "", "the evaluated attributes (CloudFormation: Properties): `attributes.versioning.enabled`",
                    [](const Model&, const Item& o) {
                      const NativeResource& r = obj<NativeResource>(o);
                      std::vector<Item> entries;
                      if (r.body.is_map())
                        for (const auto& f : r.body.fields) entries.push_back(entry(f.key, f.key_range, &f.value));
                      return map_of(entries, r.body.is_map() || r.body.is_null());
                    }},
               },
               [](const Model& m, std::vector<Item>& out) {
                 for (const auto& r : m.unit->resources) out.push_back(entity("resource", &r, nullptr, r.declaration, r.address));
               }});
  return t;
}

}  // namespace

std::string_view to_string(FieldType type) {
  switch (type) {
    case FieldType::String: return "string";
    case FieldType::Number: return "number";
    case FieldType::Bool: return "bool";
    case FieldType::Map: return "map";
    case FieldType::Entity: return "entity";
    case FieldType::Any: return "any";
  }
  return "any";
}

const EntityDef& map_entry_entity() {
  static const EntityDef def{"entry",
                             "An entry of a map field (tags, environment, attributes), for any/all/none over a map.",
                             {
                                 {"key", FieldType::String, false, "", "the entry's key",
                                  [](const Model&, const Item& o) { return text(o.key, o.range); }},
                                 {"value", FieldType::Any, false, "", "the entry's value as written",
                                  [](const Model&, const Item& o) { return single(o.value); }},
                             },
                             nullptr};
  return def;
}

const std::vector<EntityDef>& entities() {
  static const std::vector<EntityDef> table = build();
  return table;
}

const EntityDef* find_entity(std::string_view name) {
  if (name == "entry") return &map_entry_entity();
  for (const auto& e : entities())
    if (e.name == name) return &e;
  return nullptr;
}

const FieldDef* find_field(const EntityDef& entity, std::string_view name) {
  for (const auto& f : entity.fields)
    if (f.name == name) return &f;
  return nullptr;
}

std::string display(const Item& item) {
  if (item.entity && !item.value) return item.label;
  if (!item.value) return "(not set)";
  const Value& v = *item.value;
  switch (v.kind) {
    case Kind::Unknown: return "(unknown)";
    case Kind::String: return v.text;
    case Kind::Null: return "null";
    default: return v.display();
  }
}

}  // namespace eph::custom
