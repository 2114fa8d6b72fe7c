// Cloudflare's edge in front of functions and origins: Access policies that let an address
// in without an identity, origin allow-lists that admit Cloudflare's published ranges (every
// Cloudflare customer's traffic comes from them), and Workers whose workers.dev hostname
// stays on while their custom domain sits behind Access.
#include "model/lowering.h"
#include "model/policy_conditions.h"
#include "model/value_paths.h"

namespace eph {
namespace {

// ---------------------------------------------------------------- Access policies

// Provider 4 writes `include { ip = [...] }` blocks; provider 5 `include = [{ ip = { ip = "..." } }]`.
constexpr std::string_view kAccessPolicyTypes[] = {"cloudflare_access_policy", "cloudflare_zero_trust_access_policy"};
constexpr std::string_view kAccessApplicationTypes[] = {"cloudflare_zero_trust_access_application"};
// Decisions that let a request through without a login.
constexpr std::string_view kNoLoginDecisions[] = {"bypass", "non_identity"};
// Selectors that test only where the request comes from.
constexpr std::string_view kNetworkSelectors[] = {"ip", "ip_list", "geo"};
constexpr std::string_view kAccessFix =
    "use an allow policy with an identity rule (an identity provider login, a service token or an mTLS certificate) "
    "instead of letting an address bypass Access";

bool one_of(std::string_view s, const auto& list) {
  for (std::string_view x : list)
    if (s == x) return true;
  return false;
}

// The address values of one `include` entry's `ip` or `ip_list` selector (v4 lists, v5 objects).
void addresses_of(const Value& selector, std::string_view inner, std::vector<const Value*>& out) {
  if (selector.is_map()) {
    if (const Value* v = selector.get(inner)) out.push_back(v);
    return;
  }
  for (const Value* v : list_items(&selector)) out.push_back(v);
}

// Whether `require` (every entry must match) holds a selector other than a network one, or
// cannot be read: then the address alone does not let a caller in.
bool requires_more_than_address(const Value* require) {
  if (!require || require->is_null()) return false;
  bool unknown = false;
  for (const Value* entry : list_items(require, &unknown)) {
    if (!entry->is_map()) return true;
    for (const auto& f : entry->fields)
      if (!f.value.is_null() && !one_of(f.key, kNetworkSelectors)) return true;
  }
  return unknown;
}

// One policy: a policy resource's body, or a policy written inline in an application.
void lower_access_policy(const NativeResource& r, const Value& policy, Model& model) {
  if (!policy.is_map()) return;
  const Value* decision = policy.get("decision");
  if (!is_known_string(decision) || !one_of(decision->text, kNoLoginDecisions)) return;
  if (requires_more_than_address(policy.get("require"))) return;
  each_at_path(policy, "include", [&](const Value& entry) {
    if (!entry.is_map()) return;
    std::vector<const Value*> addresses;
    if (const Value* ip = entry.get("ip")) addresses_of(*ip, "ip", addresses);
    if (const Value* list = entry.get("ip_list")) addresses_of(*list, "id", addresses);
    for (const Value* address : addresses) {
      AllowListEntry e;
      e.cloud = Cloud::Cloudflare;
      e.resource = &r;
      e.subject = "Access policy (decision " + decision->text + ")";
      e.address = address;
      e.address_only = true;
      e.fix = std::string(kAccessFix);
      model.allow_list_entries.push_back(std::move(e));
    }
  });
}

void lower_access_policies(const LoadedUnit& unit, Model& model) {
  for (const auto& r : unit.resources) {
    if (one_of(r.type, kAccessPolicyTypes)) lower_access_policy(r, r.body, model);
    // Provider 5 applications may write their policies inline (entries with a decision).
    if (one_of(r.type, kAccessApplicationTypes))
      each_at_path(r.body, "policies", [&](const Value& p) { lower_access_policy(r, p, model); });
  }
}

// ---------------------------------------------------------------- origins admitting Cloudflare's ranges

constexpr std::string_view kCloudflareRanges = "data.cloudflare_ip_ranges";
constexpr std::string_view kCloudflarePool = "every Cloudflare customer (Cloudflare's published ranges)";
constexpr std::string_view kOriginFix =
    "turn on Authenticated Origin Pulls (Cloudflare presents a client certificate the origin checks) or reach the "
    "origin through a Cloudflare Tunnel";

// What proves a request came through this account's zone rather than any Cloudflare customer's.
struct OriginProofRow {
  std::string_view type, path = "", on = "";  // empty path: the resource itself is the proof
};
constexpr OriginProofRow kOriginProofs[] = {
    {.type = "cloudflare_authenticated_origin_pulls", .path = "enabled", .on = "true"},
    {.type = "cloudflare_authenticated_origin_pulls_settings", .path = "enabled", .on = "true"},
    {.type = "cloudflare_zone_settings_override", .path = "settings/tls_client_auth", .on = "on"},
    {.type = "cloudflare_tunnel"},
    {.type = "cloudflare_argo_tunnel"},
    {.type = "cloudflare_zero_trust_tunnel_cloudflared"},
};

// True when the unit proves the origin's callers (or might: an unknown setting).
bool origin_proof_in(const LoadedUnit& unit) {
  for (const auto& r : unit.resources) {
    for (const auto& row : kOriginProofs) {
      if (r.type != row.type) continue;
      if (row.path.empty()) return true;
      const Value* v = at_path(r.body, row.path);
      if (!v || v->is_unknown()) return true;
      if (v->kind == Kind::Bool && v->boolean == (row.on == "true")) return true;
      if (v->is_string() && v->text == row.on) return true;
    }
  }
  return false;
}

bool refers_to_cloudflare_ranges(const Model& model, const Value* v) {
  for (const NativeResource* r : model.referenced(v))
    if (r->type == kCloudflareRanges) return true;
  return false;
}

void admit(Model& model, const NativeResource* resource, std::string holder, const Value* v) {
  if (!refers_to_cloudflare_ranges(model, v)) return;
  AllowListEntry e;
  e.cloud = Cloud::Cloudflare;
  e.resource = resource;
  e.subject = std::move(holder);
  e.address = v;
  e.shared_pool = std::string(kCloudflarePool);
  e.fix = std::string(kOriginFix);
  model.allow_list_entries.push_back(std::move(e));
}

void lower_cloudflare_range_uses(const LoadedUnit& unit, Model& model) {
  bool any = false;
  for (const auto& r : unit.resources) any = any || r.type == kCloudflareRanges;
  if (!any || origin_proof_in(unit)) return;
  for (const CidrRule& rule : model.cidr_rules) {
    if (rule.direction != Direction::Ingress || !rule.allows()) continue;
    admit(model, rule.resource, std::string(to_string(rule.firewall)) + " ingress", rule.cidr);
  }
  for (const Policy& policy : model.policies)
    for (const auto& st : policy.statements)
      for (const auto& c : st.conditions)
        if (is_ip_allow_list(st, c))
          for (const Value* v : c.values) admit(model, policy.owner, policy.subject + " policy " + c.key, v);
  for (const IpSetEntry& e : model.ip_set_entries)
    if (!e.block_only) admit(model, e.resource, "WAF IP set", e.cidr);
  for (AllowListEntry& e : model.allow_list_entries) {
    if (!e.shared_pool.empty() || !refers_to_cloudflare_ranges(model, e.address)) continue;
    e.shared_pool = std::string(kCloudflarePool);
    e.fix = std::string(kOriginFix);
  }
}

// ---------------------------------------------------------------- workers.dev next to an Access-gated domain

struct SubdomainRow {
  std::string_view type, script, enabled;  // empty script: the Worker resource itself
};
constexpr SubdomainRow kSubdomains[] = {
    {"cloudflare_workers_script_subdomain", "script_name", "enabled"},
    {"cloudflare_worker", "", "subdomain/enabled"},
};

struct WorkerHostRow {
  std::string_view type, host, script;  // host: a hostname, or a route pattern ("api.example.com/*")
};
constexpr WorkerHostRow kWorkerHosts[] = {
    {"cloudflare_workers_custom_domain", "hostname", "service"},
    {"cloudflare_worker_domain", "hostname", "service"},
    {"cloudflare_workers_domain", "hostname", "service"},
    {"cloudflare_workers_route", "pattern", "script"},
    {"cloudflare_workers_route", "pattern", "script_name"},
    {"cloudflare_worker_route", "pattern", "script_name"},
};

struct AccessAppRow {
  std::string_view type, domains;  // a domain, a list of domains, or destination objects' `uri`
};
constexpr AccessAppRow kAccessApps[] = {
    {"cloudflare_access_application", "domain"},
    {"cloudflare_access_application", "self_hosted_domains"},
    {"cloudflare_zero_trust_access_application", "domain"},
    {"cloudflare_zero_trust_access_application", "self_hosted_domains"},
    {"cloudflare_zero_trust_access_application", "destinations/uri"},
};

// "api.example.com/admin/*" -> "api.example.com".
std::string_view host_of(std::string_view pattern) {
  if (auto scheme = pattern.find("://"); scheme != std::string_view::npos) pattern.remove_prefix(scheme + 3);
  return pattern.substr(0, pattern.find('/'));
}

bool host_covered(std::string_view host, std::string_view app_host) {
  if (host == app_host) return true;
  if (app_host.size() > 2 && app_host.substr(0, 2) == "*.") {
    std::string_view suffix = app_host.substr(1);  // ".example.com"
    return host.size() > suffix.size() && host.substr(host.size() - suffix.size()) == suffix;
  }
  return false;
}

// The Access application whose domains cover `host`, if any.
const NativeResource* access_app_for(const LoadedUnit& unit, std::string_view host) {
  for (const auto& r : unit.resources) {
    for (const auto& row : kAccessApps) {
      if (r.type != row.type) continue;
      const NativeResource* found = nullptr;
      each_at_path(r.body, row.domains, [&](const Value& v) {
        for (const Value* d : list_items(&v))
          if (is_known_string(d) && host_covered(host, host_of(d->text))) found = &r;
      });
      if (found) return found;
    }
  }
  return nullptr;
}

// Two declarations of one Worker (a cloudflare_worker and its script, or a reference and a name).
bool same_worker(const Function* a, const Function* b) {
  if (!a || !b) return false;
  if (a == b) return true;
  return is_known_string(a->name) && is_known_string(b->name) && a->name->text == b->name->text;
}

const Function* worker_of(const Model& model, const NativeResource& r) {
  for (const auto& fn : model.functions)
    if (fn.resource == &r) return &fn;
  return nullptr;
}

void lower_workers_dev(const LoadedUnit& unit, Model& model) {
  for (const auto& sub : unit.resources) {
    for (const auto& srow : kSubdomains) {
      if (sub.type != srow.type) continue;
      const Value* enabled = at_path(sub.body, srow.enabled);
      if (!enabled || enabled->kind != Kind::Bool || !enabled->boolean) continue;  // off, not written, or unknown
      const Function* worker = srow.script.empty() ? worker_of(model, sub) : model.function_for(at_path(sub.body, srow.script));
      if (!worker) continue;
      for (const auto& dom : unit.resources) {
        for (const auto& hrow : kWorkerHosts) {
          if (dom.type != hrow.type) continue;
          const Value* script = at_path(dom.body, hrow.script);
          const Value* host = at_path(dom.body, hrow.host);
          if (!script || !is_known_string(host) || !same_worker(worker, model.function_for(script))) continue;
          std::string hostname(host_of(host->text));
          const NativeResource* app = access_app_for(unit, hostname);
          if (!app) continue;
          BypassableGate g;
          g.function = worker;
          g.default_endpoint = &sub;
          g.enabled = enabled;
          g.default_host = "workers.dev";
          g.domain = &dom;
          g.hostname = hostname;
          g.gate = app;
          g.gate_label = "Cloudflare Access application";
          g.fix = "turn the workers.dev subdomain off (enabled = false) so the Worker is reached only through its "
                  "custom domain";
          model.bypassable_gates.push_back(std::move(g));
        }
      }
    }
  }
}

}  // namespace

void lower_edge_access(const LoadedUnit& unit, Model& model) {
  lower_access_policies(unit, model);
  lower_cloudflare_range_uses(unit, model);
  lower_workers_dev(unit, model);
}

}  // namespace eph
