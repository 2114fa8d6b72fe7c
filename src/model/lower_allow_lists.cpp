// Address allow-lists outside policies and firewalls (AllowListEntry): where each resource
// type writes its entries, which published shared ranges an entry can stand for, and which
// functions reach the protected resource by an address-checked path.
#include <algorithm>
#include <functional>

#include "model/lowering.h"
#include "model/value_paths.h"

namespace eph {
namespace {

// `entries` is walked with each_at_path; `allow` (optional) is read on the block that
// `entries` passes through first (`rules`), and must hold `allow_value` for the entry to
// admit anyone. `enabled` (optional) must not be `disabled_value`.
struct AllowListRow {
  std::string_view type;
  Cloud cloud;
  std::string_view subject;
  std::string_view rules = "";          // blocks holding one rule each (empty: the resource itself)
  std::string_view entries;             // inside a rule: the addresses
  std::string_view allow = "";          // inside a rule: its action
  std::string_view allow_value = "";
  std::string_view enabled = "";        // inside the resource: the switch of the allow-list
  std::string_view disabled_value = "";
  std::string_view fix = "";            // for an entry a function must pass: what to do instead
  bool load_balancer_policy = false;    // a Cloud Armor policy: it guards the load balancers that use it
  std::string_view public_address = ""; // inside the resource: a switch that, known false, leaves the
                                        // list nothing to guard (no public address to reach)
};
#define EPH_OR_STATIC_EGRESS ", or send all its egress through a Cloud NAT with manual IPs only (MANUAL_ONLY) and admit those"
constexpr std::string_view kArmorFix =
    "authenticate the function to the service instead (an ID token of its service account, checked by IAM or IAP)"
    EPH_OR_STATIC_EGRESS;
constexpr std::string_view kAccessLevelFix =
    "admit the function by its service account instead (access level members, a perimeter ingress policy's "
    "identities)" EPH_OR_STATIC_EGRESS;
constexpr std::string_view kBucketFix =
    "let the function in by its service account's IAM role and admit its network instead (ip_filter "
    "vpc_network_sources, with direct VPC egress and Private Google Access)" EPH_OR_STATIC_EGRESS;
constexpr std::string_view kSqlFix =
    "connect through the Cloud SQL connector (Cloud SQL Auth Proxy, cloud_sql_instances) with IAM authentication"
    EPH_OR_STATIC_EGRESS;
#undef EPH_OR_STATIC_EGRESS
constexpr AllowListRow kAllowLists[] = {
    {.type = "google_compute_security_policy", .cloud = Cloud::Gcp, .subject = "Cloud Armor security policy",
     .rules = "rule", .entries = "match/config/src_ip_ranges", .allow = "action", .allow_value = "allow", .fix = kArmorFix, .load_balancer_policy = true},
    {.type = "google_compute_region_security_policy", .cloud = Cloud::Gcp, .subject = "Cloud Armor security policy",
     .rules = "rules", .entries = "match/config/src_ip_ranges", .allow = "action", .allow_value = "allow", .fix = kArmorFix, .load_balancer_policy = true},
    {.type = "google_compute_security_policy_rule", .cloud = Cloud::Gcp, .subject = "Cloud Armor security policy rule",
     .entries = "match/config/src_ip_ranges", .allow = "action", .allow_value = "allow", .fix = kArmorFix, .load_balancer_policy = true},
    {.type = "google_access_context_manager_access_level", .cloud = Cloud::Gcp,
     .subject = "VPC Service Controls access level", .rules = "basic/conditions", .entries = "ip_subnetworks", .fix = kAccessLevelFix},
    {.type = "google_access_context_manager_access_levels", .cloud = Cloud::Gcp,
     .subject = "VPC Service Controls access level", .rules = "access_levels/basic/conditions", .entries = "ip_subnetworks", .fix = kAccessLevelFix},
    {.type = "google_access_context_manager_access_level_condition", .cloud = Cloud::Gcp,
     .subject = "VPC Service Controls access level", .entries = "ip_subnetworks", .fix = kAccessLevelFix},
    {.type = "google_storage_bucket", .cloud = Cloud::Gcp, .subject = "Cloud Storage bucket IP filter",
     .rules = "ip_filter", .entries = "public_network_source/allowed_ip_cidr_ranges", .enabled = "ip_filter/mode",
     .disabled_value = "Disabled", .fix = kBucketFix},
    {.type = "google_sql_database_instance", .cloud = Cloud::Gcp, .subject = "Cloud SQL authorized network",
     .rules = "settings/ip_configuration/authorized_networks", .entries = "value", .fix = kSqlFix,
     .public_address = "settings/ip_configuration/ipv4_enabled"},
};

// Published ranges of a whole cloud: the data source, the attribute that selects which ranges,
// and the selections that are shared by every customer.
struct SharedRangesRow {
  std::string_view type, selector;
  std::string_view shared[2];
  std::string_view described;
};
constexpr SharedRangesRow kSharedRanges[] = {
    {.type = "data.google_netblock_ip_ranges", .selector = "range_type", .shared = {"cloud-netblocks", "google-netblocks"},
     .described = "Google's published ranges"},
};
constexpr std::string_view kDefaultNetblocks = "cloud-netblocks";  // range_type's default

// Callers that reach a resource by an address the allow-list checks: a function whose runtime
// environment refers to the resource (its public address, or for a bucket any attribute: the
// Cloud Storage API checks the bucket's IP filter on every request). An empty attribute list
// means any attribute.
struct AddressCallerRow {
  std::string_view type;
  std::string_view attributes[3];
};
constexpr AddressCallerRow kAddressCallers[] = {
    {.type = "google_sql_database_instance", .attributes = {"public_ip_address", "first_ip_address", "ip_address"}},
    {.type = "google_storage_bucket", .attributes = {}},
};

// Cloud Armor protects what stands behind the load balancers that use it: a function calls
// the protected service through a forwarding rule or its reserved address. The policy is
// named by the backends (`security_policy`, `edge_security_policy`); the rest of the chain
// (URL map, target proxy, forwarding rule, address) refers to the piece below it.
constexpr std::string_view kPolicyHolders[] = {"security_policy", "edge_security_policy"};
constexpr std::string_view kLoadBalancerTypes[] = {
    "google_compute_backend_service",      "google_compute_region_backend_service", "google_compute_backend_bucket",
    "google_compute_url_map",              "google_compute_region_url_map",         "google_compute_target_http_proxy",
    "google_compute_target_https_proxy",   "google_compute_region_target_http_proxy",
    "google_compute_region_target_https_proxy", "google_compute_global_forwarding_rule",
    "google_compute_forwarding_rule",
};
constexpr std::string_view kForwardingRuleAddress = "ip_address";
constexpr std::string_view kStandaloneArmorRule = "google_compute_security_policy_rule";
constexpr std::string_view kStandaloneRulePolicy = "security_policy";

// The runtime environment only: a build environment variable is read by Cloud Build, whose
// egress is not the function's.
constexpr std::string_view kRuntimeHolder = "environment variable";

void each_ref(const Value& v, const std::function<void(const Ref&)>& visit) {
  for (const Ref& ref : v.refs) visit(ref);
  for (const Value& item : v.items) each_ref(item, visit);
  for (const Field& f : v.fields) each_ref(f.value, visit);
}

bool contains(const std::vector<const NativeResource*>& set, const NativeResource* r) {
  return r && std::find(set.begin(), set.end(), r) != set.end();
}

// The load-balancer pieces in front of a Cloud Armor policy, and the addresses its forwarding
// rules listen on: what a caller names to go through the policy.
std::vector<const NativeResource*> fronted_by(const LoadedUnit& unit, const Model& model, const NativeResource& policy) {
  std::vector<const NativeResource*> front{&policy};
  for (bool grew = true; grew;) {
    grew = false;
    for (const auto& r : unit.resources) {
      if (contains(front, &r)) continue;
      if (std::find(std::begin(kLoadBalancerTypes), std::end(kLoadBalancerTypes), r.type) == std::end(kLoadBalancerTypes))
        continue;
      bool behind = false;
      each_ref(r.body, [&](const Ref& ref) { behind = behind || contains(front, model.resource(ref.address)); });
      if (!behind) continue;
      front.push_back(&r);
      grew = true;
      for (const NativeResource* a : model.referenced(at_path(r.body, kForwardingRuleAddress)))
        if (!contains(front, a)) front.push_back(a);
    }
  }
  front.erase(front.begin());  // the policy itself is not a way in
  return front;
}

void add_caller(AllowListEntry& e, const Function& fn, const Value* evidence) {
  for (const Function* known : e.callers)
    if (known == &fn) return;
  e.callers.push_back(&fn);
  e.caller_evidence.push_back(evidence);
}

// Whether the function sends (or may send) all its egress into a VPC network.
bool egress_may_enter_vpc(const Model& model, const Function& fn) {
  const FunctionNetwork* net = model.network_of(fn);
  return net && (net->all_traffic || !net->all_traffic_known);
}

// Functions whose runtime environment refers to one of `targets` (with one of `attributes`,
// or any when the first is empty). With `vpcs_admitted`, functions that may pass by their VPC
// network are left out.
void find_callers_of(const Model& model, AllowListEntry& e, const std::vector<const NativeResource*>& targets,
                     const std::string_view (&attributes)[3], bool vpcs_admitted = false) {
  for (const Function& fn : model.functions)
    for (const EnvVar& env : fn.environment) {
      if (vpcs_admitted && egress_may_enter_vpc(model, fn)) break;
      if (!env.value || env.holder != kRuntimeHolder) continue;
      each_ref(*env.value, [&](const Ref& ref) {
        if (!contains(targets, model.resource(ref.address))) return;
        bool any = attributes[0].empty();
        for (auto attribute : attributes)
          any = any || (!attribute.empty() && (ref.attribute == attribute ||
                                               ref.attribute.rfind(std::string(attribute) + ".", 0) == 0));
        if (any) add_caller(e, fn, env.value);
      });
    }
}

std::string shared_ranges_of(const Model& model, const Value* v) {
  for (const NativeResource* r : model.referenced(v))
    for (const auto& row : kSharedRanges) {
      if (r->type != row.type) continue;
      const Value* selector = at_path(r->body, row.selector);
      std::string_view chosen = selector && !selector->is_null() ? string_of(selector) : kDefaultNetblocks;
      for (auto shared : row.shared)
        if (chosen == shared) return std::string(row.described) + " (" + std::string(chosen) + ")";
    }
  return {};
}

// The resource an entry protects: the entry's resource, or the policy a standalone Cloud
// Armor rule belongs to.
const NativeResource* protected_resource(const Model& model, const NativeResource& r) {
  if (r.type != kStandaloneArmorRule) return &r;
  auto policies = model.referenced(at_path(r.body, kStandaloneRulePolicy));
  return policies.empty() ? nullptr : policies.front();
}

// A Cloud Armor rule in preview is only logged, never enforced (unknown: maybe enforced).
constexpr std::string_view kPreview = "preview";
bool in_preview(const Value& rule) {
  const Value* preview = at_path(rule, kPreview);
  return preview && preview->kind == Kind::Bool && preview->boolean;
}

// A Cloud Armor policy is an allow-list only when it denies every other address (a rule for
// "*" whose action is a deny); otherwise its allow rules exempt callers from other rules.
bool denies_the_rest(const LoadedUnit& unit, const Model& model, const NativeResource& policy) {
  bool denies = false;
  auto check = [&](const Value& rule) {
    if (in_preview(rule) || string_of(at_path(rule, "action")).rfind("deny", 0) != 0) return;
    for (const Value* range : list_items(at_path(rule, "match/config/src_ip_ranges")))
      denies = denies || string_of(range) == "*";
  };
  for (std::string_view rules : {"rule", "rules"}) each_at_path(policy.body, rules, check);
  for (const auto& r : unit.resources)
    if (r.type == kStandaloneArmorRule && protected_resource(model, r) == &policy) check(r.body);
  return denies;
}

// An IP filter that also admits VPC networks may let a function in through its network.
constexpr std::string_view kBucketVpcSources = "ip_filter/vpc_network_sources";
bool admits_vpcs(const NativeResource& r) {
  const Value* vpcs = at_path(r.body, kBucketVpcSources);
  return vpcs && !vpcs->is_null();
}

void find_callers(const LoadedUnit& unit, const Model& model, const AllowListRow& list_row, AllowListEntry& e) {
  if (string_of(e.address) == "*") return;
  for (const auto& row : kAddressCallers) {
    if (row.type != e.resource->type) continue;
    find_callers_of(model, e, {e.resource}, row.attributes, admits_vpcs(*e.resource));
  }
  if (!list_row.load_balancer_policy) return;
  const NativeResource* policy = protected_resource(model, *e.resource);
  if (!policy || !denies_the_rest(unit, model, *policy)) return;
  static constexpr std::string_view kAny[3] = {};
  find_callers_of(model, e, fronted_by(unit, model, *policy), kAny);
}

void add_entries(const LoadedUnit& unit, Model& model, const NativeResource& r, const AllowListRow& row,
                 const Value& rule) {
  if (!row.allow.empty() && string_of(at_path(rule, row.allow)) != row.allow_value) return;
  if (row.load_balancer_policy && in_preview(rule)) return;
  for (const Value* address : list_items(at_path(rule, row.entries))) {
    if (address->is_null()) continue;
    AllowListEntry e;
    e.cloud = row.cloud;
    e.resource = &r;
    e.subject = row.subject;
    e.address = address;
    e.fix = std::string(row.fix);
    e.shared_ranges = shared_ranges_of(model, address);
    find_callers(unit, model, row, e);
    model.allow_list_entries.push_back(std::move(e));
  }
}

}  // namespace

void lower_allow_lists(const LoadedUnit& unit, Model& model) {
  for (const auto& r : unit.resources) {
    for (const auto& row : kAllowLists) {
      if (row.type != r.type) continue;
      // Cloud SQL authorized networks apply to the public address only; without one they admit nobody.
      if (const Value* on = row.public_address.empty() ? nullptr : at_path(r.body, row.public_address);
          on && on->kind == Kind::Bool && !on->boolean)
        continue;
      if (!row.enabled.empty()) {
        const Value* enabled = at_path(r.body, row.enabled);
        if (!is_known_string(enabled) || enabled->text == row.disabled_value) continue;  // off, or maybe off
      }
      if (row.rules.empty()) add_entries(unit, model, r, row, r.body);
      else each_at_path(r.body, row.rules, [&](const Value& rule) { add_entries(unit, model, r, row, rule); });
    }
  }
}

}  // namespace eph
