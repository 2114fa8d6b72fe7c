#pragma once
// The semantic model: cloud concepts that rules read without knowing the source format.
// Built once per unit by lowering its native resources through tables (lower_*.cpp).
// Everything points into the unit's values (`const Value*`), so positions are exact and
// nothing is copied; a null pointer means "not written", an Unknown value "not knowable".
#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "core/resource.h"
#include "model/network.h"
#include "model/service_use.h"

namespace eph {

// ---------------------------------------------------------------- policies

struct PolicyCondition {
  std::string op;                    // "IpAddress", "ForAnyValue:StringEquals", "NotIpAddressIfExists"
  std::string key;                   // as written: "aws:SourceIp"
  std::string key_lower;             // for comparisons: "aws:sourceip"
  std::vector<const Value*> values;  // each value as written (a list is flattened)
  Range range;                       // the key's entry (best place to point at)
};

struct PolicyPrincipal {
  std::string type;   // "*" (Principal: "*"), "AWS", "Service", "Federated", "CanonicalUser"
  const Value* id;    // the identifier as written; for type "*", the "*" itself
};

struct PolicyStatement {
  const Value* node = nullptr;       // the statement map
  Range range;
  const Value* effect = nullptr;     // null: absent (invalid), Unknown: not knowable
  bool allows() const { return effect && effect->is_string() && effect->text == "Allow"; }
  std::vector<PolicyPrincipal> principals;
  bool not_principal = false;
  bool principal_unknown = false;    // the Principal block could not be read
  std::vector<const Value*> actions;  // flattened strings (or Unknown)
  bool not_action = false;
  std::vector<const Value*> resources;
  bool not_resource = false;
  std::vector<PolicyCondition> conditions;
  bool conditions_unknown = false;
};

enum class PolicyKind { Identity, Resource };

struct Policy {
  const NativeResource* owner = nullptr;  // the resource that holds or attaches the document
  PolicyKind kind = PolicyKind::Identity;
  const Value* document = nullptr;        // the decoded document (map with Statement)
  Range range;                            // where the document is written
  std::string subject;                    // for resource policies: what it protects ("S3 bucket", "SQS queue"...)
  std::vector<PolicyStatement> statements;
};

// ---------------------------------------------------------------- functions

// A value the function reads at run time: an environment variable, an Azure app setting or
// connection string, a Workers text binding, or a setting that holds a credential.
struct EnvVar {
  std::string name;
  Range name_range;
  const Value* value = nullptr;
  std::string_view holder = "environment variable";  // what holds it, in the platform's words
  std::string_view secret_fix;  // the platform's fix for a secret held here; empty: the cloud's usual store
};

// A tag (AWS, Azure) or label (Google Cloud), from a map or a CloudFormation list of {Key, Value}.
struct Tag {
  std::string key;
  Range key_range;
  const Value* value = nullptr;
};

// ---------------------------------------------------------------- traffic view: inbound
//
// Every way a request or event reaches a function, with the facts that bound or open it
// (ARCHITECTURE.md, "Traffic view"). Lowered per format through tables (lower_triggers.cpp,
// lower_inbound_*.cpp); rules judge bursts from `burst` and name the source from `source`.

enum class InboundKind {
  // Public entry points: anyone on the internet may send requests unless auth or throttling stops them.
  ApiRoute,        // API Gateway REST method or HTTP API route (explicit, SAM, implicit, OpenAPI)
  WebSocketRoute,  // API Gateway WebSocket route
  FunctionUrl,
  LoadBalancer,    // ALB target group
  // Events pushed by a service.
  AppSync,         // AppSync data source / resolver
  Authorizer,      // API Gateway authorizer function (called per request of the API it guards)
  EventRule,       // EventBridge rule (or CloudWatch Events)
  Schedule,        // EventBridge schedule / scheduled rule / EventBridge Scheduler
  Pipe,            // EventBridge Pipe target
  Topic,           // SNS subscription
  Storage,         // S3 notification
  IotRule,
  Cognito,         // Cognito user pool trigger
  Edge,            // CloudFront Lambda@Edge association
  StateMachine,    // Step Functions task
  // Polled by Lambda (event source mappings).
  Queue,           // SQS, Amazon MQ
  Stream,          // Kinesis, DynamoDB streams, DocumentDB change streams
  Kafka,           // MSK or self-managed Kafka
  // Deployment time only.
  Macro,           // CloudFormation macro
  CustomResource,  // custom resource (or Terraform's aws_lambda_invocation)
  Other,           // an invoke permission or event of a kind not listed
};
// "API route", "queue", "EventBridge rule"... (noun for messages, no article).
std::string_view to_string(InboundKind k);

// How invocations can arrive through one inbound path, decided when it is lowered.
enum class Burst {
  PublicOpen,     // a public entry point with no authentication and no throttling
  PublicLimited,  // a public entry point that is authenticated, throttled or private
  Bursting,       // events pushed (or polled without a cap) that can arrive in bursts
  Capped,         // polled with a known ceiling (max concurrency, shards x factor, partitions) or disabled
  Deployment,     // runs only while a stack is deployed
};

struct Inbound {
  InboundKind kind = InboundKind::Other;
  const NativeResource* resource = nullptr;  // the mapping, route, rule, subscription, permission...
  Range range;                               // where it is declared (the SAM event key for SAM events)
  std::string source;                        // what sends it, for messages: "SQS queue orders", "GET /items"
  std::string_view service;                  // "sqs", "kinesis", "execute-api", "events"... when known
  Burst burst = Burst::Bursting;
  std::string why;                           // what opens, limits or caps it: "no authorization", "maximum concurrency 5"

  // Public entry points.
  const Value* authorization = nullptr;      // as written ("NONE", "AWS_IAM", an authorizer); null: not written
  bool authenticated = false;                // authorization, an API key, or a private endpoint
  const Value* throttle = nullptr;           // the rate limit that applies (stage, method or usage plan)

  // Pollers (event source mappings).
  const Value* batch_size = nullptr;
  const Value* max_concurrency = nullptr;    // SQS ScalingConfig.MaximumConcurrency
  const Value* shard_count = nullptr;        // Kinesis stream shard count
  const Value* parallelization_factor = nullptr;
  const Value* partitions = nullptr;         // Kafka topic partitions, when declared
  const Value* enabled = nullptr;            // `false`: a disabled mapping
  // Where records that keep failing go: the mapping's on-failure destination, else the SQS
  // queue's redrive policy (its dead-letter queue). Null: none; `failure_destination_known`
  // is false when the queue is not in the code (its redrive policy cannot be seen).
  const Value* failure_destination = nullptr;
  bool failure_destination_known = true;

  bool public_entry() const {
    return kind == InboundKind::ApiRoute || kind == InboundKind::WebSocketRoute || kind == InboundKind::FunctionUrl ||
           kind == InboundKind::LoadBalancer;
  }
  bool polled() const { return kind == InboundKind::Queue || kind == InboundKind::Stream || kind == InboundKind::Kafka; }
};
// "SQS queue aws_sqs_queue.jobs", "API route aws_api_gateway_method.get (GET)": what sends it.
std::string describe(const Inbound& in);
// "a" or "an" for a phrase of a message ("an SQS queue", "a Kinesis stream", "an API route").
std::string with_article(std::string_view phrase);

struct FunctionUrl {
  const NativeResource* resource = nullptr;  // the URL resource, or the function (SAM FunctionUrlConfig)
  const Value* auth_type = nullptr;          // "NONE" / "AWS_IAM"; null: not written
  Range range;                               // where the URL is declared
  const Value* function_ref = nullptr;       // the function as the URL names it (null for SAM FunctionUrlConfig)
};

struct Function {
  const NativeResource* resource = nullptr;
  Cloud cloud = Cloud::Aws;
  std::string_view label;                    // "Lambda function", "Cloud Run service", "Function App"
  const Value* name = nullptr;               // configured name (function_name / FunctionName), if written
  const Value* runtime = nullptr;            // "python3.12", "nodejs20.x"; null: not written (a container image)

  // Tags as written on the function (provider-wide default tags are not seen); `tags_known`
  // is false when the tags as a whole, or a tag's key, are Unknown.
  std::vector<Tag> tags;
  bool tags_known = true;

  // Environment: `environment_known` is false when the variables as a whole are Unknown.
  std::vector<EnvVar> environment;
  bool environment_known = true;

  // Concurrency (AWS): null when not set. Instances (GCP, Azure): null when not set.
  const Value* reserved_concurrency = nullptr;
  const Value* max_instances = nullptr;
  Range max_instances_setting;               // Azure: where an app setting limits scale-out

  // Network attachment: present when the function declares a VPC configuration.
  bool in_vpc = false;
  Range vpc_range;
  std::vector<const Value*> subnets;         // each subnet id as written (refs lead to the subnet)
  std::vector<const Value*> security_groups;
  bool subnets_known = true;                 // false when the list itself is Unknown

  // Identity.
  const Value* role = nullptr;               // the role reference as written
  const NativeResource* role_resource = nullptr;
  bool role_known = true;                    // false: the role comes from outside the code
  std::vector<const Policy*> policies;       // identity policies of the role (inline, attached, SAM)
  // AWS managed / customer policies attached: the ARN or SAM name as attached, or the ARN or
  // name a policy data source looks the policy up by.
  std::vector<const Value*> managed_policy_arns;
  // Clouds where a function runs as an identity that is granted roles (RoleGrant): Google
  // Cloud service accounts, Azure managed identities. `identity` is the identity as written
  // (a service account email, an identity block), `identity_resources` the identity resources
  // it refers to (a service account, a user-assigned identity; the function itself for an
  // Azure system-assigned identity), and `default_identity` the platform's account the
  // function runs as when it names none (or names that account).
  const Value* identity = nullptr;
  std::vector<const NativeResource*> identity_resources;
  DefaultIdentity default_identity = DefaultIdentity::None;
  // Google Cloud `invoker_iam_disabled` (Cloud Run v2, or the v1 annotation): invocations skip
  // the IAM invoker check, so anyone who can reach the URL invokes the function. Null: not written.
  const Value* invoker_check_disabled = nullptr;
  // Google Cloud: where requests may come from, as written (Cloud Run `ingress`, the v1
  // annotation `run.googleapis.com/ingress`, Functions `ingress_settings`). Null: not
  // written (all traffic). internal_ingress() says whether it is known to keep the internet out.
  const Value* ingress = nullptr;
  bool internal_ingress() const;

  // Code written in the template (CloudFormation `Code.ZipFile`, SAM `InlineCode`, the
  // content of a Terraform archive_file it deploys): read for SDK calls and URLs.
  const Value* inline_code = nullptr;

  std::vector<Inbound> inbound;              // the traffic view's inbound half (outbound: Model::services_of)
  std::vector<FunctionUrl> urls;

  const std::string& address() const { return resource->address; }
};

// ---------------------------------------------------------------- permissions

// Who may invoke a function: a Lambda permission, or a Google Cloud IAM member holding a role
// on a service or function (an IAM member, each member of an IAM binding, each member of a
// binding of an IAM policy; Cloud Run v1 and v2, Cloud Functions 1st and 2nd gen).
struct InvokePermission {
  Cloud cloud = Cloud::Aws;
  const NativeResource* resource = nullptr;
  const Value* principal = nullptr;          // Lambda: "*", a service or an account; Google Cloud: one IAM member
                                             // as written ("allUsers", "serviceAccount:...")
  const Value* role = nullptr;               // Google Cloud: the role the member holds ("roles/run.invoker")
  const Value* source_arn = nullptr;
  const Value* source_account = nullptr;
  const Value* principal_org_id = nullptr;
  const Value* action = nullptr;
  const Function* function = nullptr;        // the function it opens, when resolvable
  const Value* function_ref = nullptr;
  const Value* function_url_auth_type = nullptr;  // for lambda:InvokeFunctionUrl: "NONE" / "AWS_IAM"
  const Value* event_source_token = nullptr;      // Alexa-style callers are scoped by a token instead
};

// ---------------------------------------------------------------- role grants

// Where a role grant applies, widest first.
enum class GrantScope { Organization, Folder, Subscription, Project, ResourceGroup, Resource, Unknown };
// "organization", "folder", "subscription", "project", "resource group", "resource".
std::string_view to_string(GrantScope s);

// A role granted to an identity at a scope: Google Cloud IAM members, bindings and policies
// on a project, folder or organization (one grant per member of a binding); Azure role
// assignments. Function::identity says who a function runs as; grant_applies_to() joins them.
struct RoleGrant {
  Cloud cloud = Cloud::Gcp;
  const NativeResource* resource = nullptr;  // the member/binding/policy resource, the role assignment
  const Value* role = nullptr;               // as written: "roles/editor", "Owner"
  const Value* member = nullptr;             // the identity as written: "serviceAccount:x@p.iam.gserviceaccount.com",
                                             // an Azure principal id
  std::vector<const NativeResource*> identities;  // the identity resources `member` refers to
  DefaultIdentity default_identity = DefaultIdentity::None;  // `member` names a platform default account
  GrantScope scope_kind = GrantScope::Unknown;
  const Value* scope = nullptr;              // the project, folder, organization or Azure scope as written
};

// Whether `grant` gives its role to the identity `fn` runs as: through an identity resource
// both refer to, the same platform default account, or the same literal account.
bool grant_applies_to(const RoleGrant& grant, const Function& fn);

// ---------------------------------------------------------------- network perimeter

// VpcFirewall: a Google Cloud VPC firewall rule (network-wide, targets chosen by tags or
// service accounts). NetworkSecurityGroup: an Azure NSG rule (priority-ordered allow and deny
// rules on subnets and NICs).
enum class Firewall { SecurityGroup, NetworkAcl, VpcFirewall, NetworkSecurityGroup };
// "security group", "network ACL", "VPC firewall rule", "network security group".
std::string_view to_string(Firewall f);
enum class Direction { Ingress, Egress };
// What a rule's protocol admits. Icmp and Other have no ports; All covers every port.
enum class IpProtocol { All, Tcp, Udp, Icmp, Other, Unknown };

// One CIDR admitted (or denied) by a security-group or network-ACL rule, normalised from
// inline blocks and standalone rule resources alike.
struct CidrRule {
  const NativeResource* resource = nullptr;  // the rule resource, or the group/ACL with the inline block
  Firewall firewall = Firewall::SecurityGroup;
  Direction direction = Direction::Ingress;
  const Value* cidr = nullptr;               // one CIDR as written (IPv4 or IPv6), or an address tag
  bool whole_internet = false;               // a tag that stands for every address (Azure "*", "Internet")
  const Value* protocol = nullptr;           // "-1", "all", "tcp", "6"...; null: not written
  const Value* from_port = nullptr;
  const Value* to_port = nullptr;
  const Value* action = nullptr;             // network ACLs: "allow" / "deny"; security groups: null (always allow)
  Range range;                               // the rule block, or the rule resource's declaration

  // Normalised from the values above.
  IpProtocol ip_protocol = IpProtocol::Unknown;
  bool ports_known = false;                  // first_port..last_port is the admitted range
  int first_port = 0, last_port = 65535;

  bool allows() const;                       // security groups always; ACLs when the action is a known "allow"
};

// One address entry of a WAF IP set.
struct IpSetEntry {
  const NativeResource* resource = nullptr;
  const Value* cidr = nullptr;
  // Every use of the set in the unit is a rule that blocks what it matches: a block-list,
  // not an allow-list.
  bool block_only = false;
};

// One address entry of an allow-list that admits callers by their network address, outside
// policies and firewalls: Google Cloud Armor allow rules (`src_ip_ranges`), VPC Service
// Controls access levels (`ip_subnetworks`), Cloud Storage bucket `ip_filter`, Cloud SQL
// `authorized_networks`; Cloudflare Access rules; Azure Storage and Key Vault `ip_rules`, SQL
// firewall rules, App Service `ip_restriction`; and any firewall or policy entry that admits
// Cloudflare's published ranges. An entry whose value is unknown can still mean something
// through what it refers to: see `shared_ranges`, `shared_pool` and `egress_of`.
struct AllowListEntry {
  Cloud cloud = Cloud::Gcp;
  const NativeResource* resource = nullptr;  // the policy, access level, bucket, instance, firewall rule
  std::string subject;                       // "Cloud Armor security policy", "SQL firewall rule", "Access policy"...
  const Value* address = nullptr;            // the CIDR, address, service tag or reference as written (possibly unknown)
  const Value* range_end = nullptr;          // the last address of an address range (Azure SQL firewall rules)
  // The entry is a cloud's published address ranges, shared by every customer of that cloud
  // (Google's `data.google_netblock_ip_ranges` "cloud-netblocks" / "google-netblocks"), trusted
  // as if it identified a caller (EPH101): what the value names, for the message; empty otherwise.
  std::string shared_ranges;
  // In front of an origin or service, the entry admits a provider's whole customer pool
  // whatever its value (Cloudflare's published ranges without origin proof, Azure's AzureCloud
  // tag or "Allow Azure services" rule; EPH102): who passes, for the message; empty otherwise.
  std::string shared_pool;
  // Nothing but the caller's address decides: no login, token or certificate is required
  // (a Cloudflare Access policy that bypasses the login for an `ip` include).
  bool address_only = false;
  // The entry is (part of) a function's own outbound addresses (Azure `outbound_ip_address_list`):
  // shared with other tenants and changing.
  const Function* egress_of = nullptr;
  // Functions that reach the protected resource by this address-checked path (a function whose
  // environment holds a Cloud SQL instance's public address): the callers the entry must admit.
  std::vector<const Function*> callers;
  std::vector<const Value*> caller_evidence; // where each caller refers to the resource
  std::string fix;                           // the platform's fix, in its words (Cloudflare, Azure entries)
};

// A function's default public hostname (a Worker's workers.dev subdomain) left on while the
// custom domain the function also serves sits behind an identity gate: the gate is skipped
// by calling the default hostname.
struct BypassableGate {
  const Function* function = nullptr;
  const NativeResource* default_endpoint = nullptr;  // the resource that turns the default hostname on
  const Value* enabled = nullptr;                    // where it is turned on (a known true)
  std::string default_host;                          // "workers.dev"
  const NativeResource* domain = nullptr;            // the custom domain or route of the function...
  std::string hostname;                              // ...and its hostname
  const NativeResource* gate = nullptr;              // the gate in front of it (an Access application)
  std::string gate_label;                            // "Cloudflare Access application"
  std::string fix;
};

// ---------------------------------------------------------------- API routes

// An API Gateway method or route (a SAM Api/HttpApi event, a SAM WebSocketApi route, an
// operation of an inline OpenAPI document) that reaches a function.
struct ApiRoute {
  const NativeResource* resource = nullptr;  // the method/route, the SAM function that declares the event, or
                                             // the API (SAM WebSocketApi routes, OpenAPI operations)
  const Function* function = nullptr;
  std::string_view label;                    // "REST API method", "HTTP API route", "SAM Api event"...
  std::string event;                         // SAM: the event's name under `Events`
  const Value* method = nullptr;             // HTTP method or route key, as written
  // The authorization in force: "NONE", "AWS_IAM", "CUSTOM", "JWT", an authorizer name, or
  // for OpenAPI operations what requires it (`security`, `x-amazon-apigateway-auth`, an API
  // key source, the SAM API's default). Null when nothing is written (NONE applies).
  const Value* authorization = nullptr;
  bool authorization_unknown = false;        // decided elsewhere (an OpenAPI body, an API outside the unit)
  const Value* api_key_required = nullptr;
  Range range;                               // the method/route declaration, the SAM event key, the OpenAPI operation
  const NativeResource* api = nullptr;       // the API the route belongs to, when the unit declares it
  bool api_default_authorizer = false;       // `api` can set a default authorizer for it (SAM Auth.DefaultAuthorizer)
  // WebSocket APIs authorize the connection, not each message: on their routes `authorization`
  // and `api_key_required` are those of the $connect route (or of SAM's `Auth`), and
  // `connection` is where they are written or belong (the $connect route, else the API).
  bool websocket = false;
  const NativeResource* connection = nullptr;
  Range connection_range;

  // What limits the callers when nothing authorizes them.
  bool private_endpoint = false;             // a PRIVATE REST API: reachable only through VPC interface endpoints
  const Policy* vpc_only_policy = nullptr;   // a resource policy that admits calls only from a VPC or VPC endpoint...
  const PolicyCondition* vpc_only_condition = nullptr;  // ...through this condition
  const NativeResource* mutual_tls_domain = nullptr;    // every custom domain requires mutual TLS, and the default
                                                        // execute-api endpoint is disabled

  // Platforms other than API Gateway: the `authorization` value that lets anyone in (Azure
  // Functions authLevel "anonymous"), what the platform calls the setting, and its fix.
  std::string_view open_authorization = "NONE";
  std::string_view authorization_word = "authorization";
  std::string_view fix;                                 // empty: API Gateway's authorizers
};

// ---------------------------------------------------------------- the model

class EndpointFixWriter;

struct Model {
  const LoadedUnit* unit = nullptr;
  // How the unit's format writes an endpoint fix (formats/); null: no such fix is offered.
  const EndpointFixWriter* endpoint_writer = nullptr;
  const std::vector<Diagnostic>& diagnostics() const { return unit->diagnostics; }

  std::deque<Function> functions;            // deques: rules keep pointers across lowering steps
  std::deque<Policy> policies;               // identity and resource policies
  std::deque<InvokePermission> invoke_permissions;
  std::deque<RoleGrant> role_grants;         // roles granted to identities (Google Cloud IAM, Azure RBAC)
  std::deque<CidrRule> cidr_rules;           // security-group and network-ACL rules, one per CIDR
  std::deque<IpSetEntry> ip_set_entries;     // WAF IP set addresses
  std::deque<AllowListEntry> allow_list_entries;  // address allow-lists outside policies and firewalls
  std::deque<ApiRoute> api_routes;
  std::deque<BypassableGate> bypassable_gates;
  // URLs of functions the unit does not declare (a literal name or ARN, a variable, a data
  // source): their `function_ref` names the function as written.
  std::deque<FunctionUrl> foreign_function_urls;
  // Values the lowering writes itself (policy statements SAM generates from `Auth.ResourcePolicy`),
  // positioned where the source wrote what they stand for.
  std::deque<Value> synthesized;

  // The network graph and each VPC-attached function's path through it (network.h), and
  // what each AWS function talks to (service_use.h).
  Network network;
  std::deque<FunctionServices> function_services;

  // Resources by address (exact, and without instance keys for references to a whole block).
  std::map<std::string, const NativeResource*, std::less<>> by_address;

  const NativeResource* resource(std::string_view address) const;
  // The resources a value refers to (through its Refs), resolved in this unit.
  std::vector<const NativeResource*> referenced(const Value* value) const;
  // The function a value designates: a reference to it, or its literal configured name.
  const Function* function_for(const Value* value) const;

  // The function's network path (null when it has no VPC configuration) and service use
  // (null for non-AWS functions).
  const FunctionNetwork* network_of(const Function& fn) const { return network.of(fn); }
  const FunctionServices* services_of(const Function& fn) const;
};

// Whether the function's default route leads through a public NAT gateway to the internet
// (so it can reach hosts outside AWS). False when it has no VPC configuration, when its
// subnets route nowhere or to another network, and when part of the path is unknown; use
// network_of(fn)->egress to tell "no" (Egress::None) from "unknown" (Egress::Unknown).
bool reaches_internet_via_nat(const Model& model, const Function& fn);

Model build_model(const LoadedUnit& unit, const EndpointFixWriter* endpoint_writer = nullptr);

}  // namespace eph
