// What each AWS function talks to: services from its role's grants and its environment's
// references, outside hosts named in its environment, and an internet-egress tag.
// Why some grants are left out is explained in service_use.h.
#include <algorithm>
#include <cctype>

#include "model/endpoint_services.h"
#include "model/lowering.h"
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
struct TagPaths {
  std::string_view type, tags;
};
constexpr TagPaths kFunctionTags[] = {
    {"aws_lambda_function", "tags"},
    {"AWS::Lambda::Function", "Tags"},
    {"AWS::Serverless::Function", "Tags"},
};

// Hosts inside AWS's API domains (reachable through endpoints) or inside the VPC.
constexpr std::string_view kAwsApiDomains[] = {".amazonaws.com", ".amazonaws.com.cn", ".api.aws"};
constexpr std::string_view kPublicOnlyAwsHosts[] = {".on.aws", ".execute-api.", ".cloudfront.net", ".appsync-api."};
constexpr std::string_view kInternalDomains[] = {".internal", ".local", ".localdomain", ".svc", ".lan"};
constexpr std::string_view kCommonTlds[] = {"com", "net", "org", "io", "dev", "app", "ai", "co", "cloud",
                                            "info", "biz", "us", "uk", "de", "eu", "me", "tech", "xyz"};

std::string normalised(std::string_view s) {
  std::string out;
  for (char c : s)
    if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_private_ipv4(std::string_view host) {
  unsigned a = 0, b = 0;
  if (std::sscanf(std::string(host).c_str(), "%u.%u.", &a, &b) != 2) return false;
  return a == 10 || a == 127 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168) || (a == 169 && b == 254);
}

bool is_ipv4(std::string_view host) {
  return !host.empty() && host.find_first_not_of("0123456789.") == std::string_view::npos &&
         std::count(host.begin(), host.end(), '.') == 3;
}

// Whether a host needs a route to the internet: not an AWS API domain, not inside the VPC.
bool is_external_host(std::string host) {
  std::transform(host.begin(), host.end(), host.begin(), [](unsigned char c) { return std::tolower(c); });
  if (host.empty() || host == "localhost") return false;
  if (is_ipv4(host)) return !is_private_ipv4(host);
  for (auto d : kPublicOnlyAwsHosts)
    if (host.find(d) != std::string::npos) return true;
  for (auto d : kAwsApiDomains)
    if (ends_with(host, d)) return false;
  for (auto d : kInternalDomains)
    if (ends_with(host, d)) return false;
  return true;
}

// The host a configuration value names: a URL's host, or a bare host name with a common
// top-level domain ("api.stripe.com"). Empty when the value names no host.
std::string host_in(std::string_view value) {
  size_t scheme = value.find("://");
  if (scheme != std::string_view::npos) {
    std::string_view rest = value.substr(scheme + 3);
    rest = rest.substr(0, rest.find_first_of("/?#"));
    if (size_t at = rest.rfind('@'); at != std::string_view::npos) rest.remove_prefix(at + 1);
    if (!rest.empty() && rest.front() == '[') return std::string(rest);  // IPv6 literal
    return std::string(rest.substr(0, rest.find(':')));
  }
  std::string_view host = value.substr(0, value.find(':'));
  if (host.empty() || host.find('.') == std::string_view::npos) return {};
  for (char c : host)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-') return {};
  if (is_ipv4(host)) return std::string(host);
  std::string tld = normalised(host.substr(host.rfind('.') + 1));
  for (auto t : kCommonTlds)
    if (tld == t) return std::string(host);
  return {};
}

class ServiceCollector {
 public:
  explicit ServiceCollector(FunctionServices& out) : out_(out) {}

  void add(std::string_view service, Range where, std::string message) {
    if (service.empty() || reach_of(service) == ServiceReach::Ignored) return;
    for (auto& use : out_.services) {
      if (use.service == service) {
        if (use.evidence.size() < 3) use.evidence.push_back(RelatedLocation{where, std::move(message)});
        return;
      }
    }
    out_.services.push_back(ServiceUse{std::string(service), {RelatedLocation{where, std::move(message)}}});
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
  for (const auto& t : fn.triggers)
    if (t.kind == TriggerKind::Queue || t.kind == TriggerKind::Stream) return true;
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
        collect.add(service, action->where.valid() ? action->where : st.range,
                    "the execution role grants " + std::string(text));
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
      else collect.add(service, arn->where, "the execution role has the AWS managed policy " + name);
      services = sp == std::string_view::npos ? std::string_view{} : services.substr(sp + 1);
    }
  }
}

void read_environment(const Function& fn, const RefResolver& refs, FunctionServices& out, ServiceCollector& collect) {
  if (!fn.environment_known) out.hosts_complete = false;
  for (const EnvVar& env : fn.environment) {
    const Value* v = env.value;
    if (!v) continue;
    for (const RefTarget& t : refs.targets(v)) {
      std::string_view service = service_of_type(t.resource->type);
      bool calls = false;
      for (auto s : kEnvironmentCallServices) calls = calls || s == service;
      if (calls)
        collect.add(service, env.name_range, "environment variable " + env.name + " refers to " + t.resource->address);
    }
    if (v->is_string()) {
      std::string host = host_in(v->text);
      if (!host.empty() && is_external_host(host)) out.external_hosts.push_back(&env);
    } else if (v->is_unknown() && v->refs.empty()) {
      out.hosts_complete = false;  // a value from outside the code may be any host
    }
  }
}

const Value* internet_tag(const Function& fn) {
  for (const auto& row : kFunctionTags) {
    if (row.type != fn.resource->type) continue;
    const Value* tags = at_path(fn.resource->body, row.tags);
    if (!tags) return nullptr;
    auto check = [](std::string_view key, const Value* value) -> bool {
      std::string k = normalised(key);
      bool named = false;
      for (auto n : kEgressTagNames) named = named || k == n;
      if (!named) return false;
      std::string v = normalised(string_of(value));
      for (auto t : kTruthy)
        if (v == t) return true;
      return false;
    };
    if (tags->is_map()) {
      for (const auto& f : tags->fields)
        if (check(f.key, &f.value)) return &f.value;
    } else {
      for (const Value* item : list_items(tags))
        if (check(string_of(item->get("Key")), item->get("Value"))) return item;
    }
  }
  return nullptr;
}

}  // namespace

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
    read_environment(fn, refs, out, collect);
    collect.finish();
    out.internet_tag = internet_tag(fn);
  }
}

}  // namespace eph
