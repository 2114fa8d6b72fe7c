// Address allow-lists outside policies and firewalls (AllowListEntry): where each resource
// type writes its entries, which published shared ranges an entry can stand for, and which
// functions reach the protected resource by an address-checked path.
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
};
constexpr AllowListRow kAllowLists[] = {
    {.type = "google_compute_security_policy", .cloud = Cloud::Gcp, .subject = "Cloud Armor security policy",
     .rules = "rule", .entries = "match/config/src_ip_ranges", .allow = "action", .allow_value = "allow"},
    {.type = "google_compute_region_security_policy", .cloud = Cloud::Gcp, .subject = "Cloud Armor security policy",
     .rules = "rules", .entries = "match/config/src_ip_ranges", .allow = "action", .allow_value = "allow"},
    {.type = "google_compute_security_policy_rule", .cloud = Cloud::Gcp, .subject = "Cloud Armor security policy rule",
     .entries = "match/config/src_ip_ranges", .allow = "action", .allow_value = "allow"},
    {.type = "google_access_context_manager_access_level", .cloud = Cloud::Gcp,
     .subject = "VPC Service Controls access level", .rules = "basic/conditions", .entries = "ip_subnetworks"},
    {.type = "google_access_context_manager_access_levels", .cloud = Cloud::Gcp,
     .subject = "VPC Service Controls access level", .rules = "access_levels/basic/conditions", .entries = "ip_subnetworks"},
    {.type = "google_access_context_manager_access_level_condition", .cloud = Cloud::Gcp,
     .subject = "VPC Service Controls access level", .entries = "ip_subnetworks"},
    {.type = "google_storage_bucket", .cloud = Cloud::Gcp, .subject = "Cloud Storage bucket IP filter",
     .rules = "ip_filter", .entries = "public_network_source/allowed_ip_cidr_ranges", .enabled = "ip_filter/mode",
     .disabled_value = "Disabled"},
    {.type = "google_sql_database_instance", .cloud = Cloud::Gcp, .subject = "Cloud SQL authorized network",
     .rules = "settings/ip_configuration/authorized_networks", .entries = "value"},
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

// Callers that reach a resource by an address the allow-list checks: a function environment
// value referring to the resource's public address.
struct AddressCallerRow {
  std::string_view type;
  std::string_view attributes[3];
};
constexpr AddressCallerRow kAddressCallers[] = {
    {.type = "google_sql_database_instance", .attributes = {"public_ip_address", "first_ip_address", "ip_address"}},
};

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

void find_callers(const Model& model, AllowListEntry& e) {
  for (const auto& row : kAddressCallers) {
    if (row.type != e.resource->type) continue;
    for (const Function& fn : model.functions)
      for (const EnvVar& env : fn.environment) {
        if (!env.value) continue;
        for (const Ref& ref : env.value->refs) {
          if (model.resource(ref.address) != e.resource) continue;
          for (auto attribute : row.attributes)
            if (ref.attribute == attribute || ref.attribute.rfind(std::string(attribute) + ".", 0) == 0) {
              e.callers.push_back(&fn);
              e.caller_evidence.push_back(env.value);
            }
        }
      }
  }
}

void add_entries(Model& model, const NativeResource& r, const AllowListRow& row, const Value& rule) {
  if (!row.allow.empty() && string_of(at_path(rule, row.allow)) != row.allow_value) return;
  for (const Value* address : list_items(at_path(rule, row.entries))) {
    if (address->is_null()) continue;
    AllowListEntry e;
    e.cloud = row.cloud;
    e.resource = &r;
    e.subject = row.subject;
    e.address = address;
    e.shared_ranges = shared_ranges_of(model, address);
    find_callers(model, e);
    model.allow_list_entries.push_back(std::move(e));
  }
}

}  // namespace

void lower_allow_lists(const LoadedUnit& unit, Model& model) {
  for (const auto& r : unit.resources) {
    for (const auto& row : kAllowLists) {
      if (row.type != r.type) continue;
      if (!row.enabled.empty()) {
        const Value* enabled = at_path(r.body, row.enabled);
        if (!is_known_string(enabled) || enabled->text == row.disabled_value) continue;  // off, or maybe off
      }
      if (row.rules.empty()) add_entries(model, r, row, r.body);
      else each_at_path(r.body, row.rules, [&](const Value& rule) { add_entries(model, r, row, rule); });
    }
  }
}

}  // namespace eph
