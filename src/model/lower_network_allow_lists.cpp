// Address allow-lists of platform services (Azure Storage and Key Vault network rules, SQL
// firewall rules, App Service access restrictions), one AllowListEntry per address. What an
// entry refers to matters as much as its value: a function's own outbound addresses are
// shared with other tenants, and "Allow Azure services" or the AzureCloud tag admit all of Azure.
#include "model/lowering.h"
#include "model/value_paths.h"

namespace eph {
namespace {

enum class EntryShape {
  Address,  // a CIDR or address (or a list of them)
  Range,    // a start and an end address (SQL firewall rules)
};

struct AllowListRow {
  std::string_view type;
  std::string_view holder;
  std::string_view blocks = "";   // where the entries are (empty: the resource is one entry)
  EntryShape shape = EntryShape::Address;
  std::string_view address;       // the address (list), or a range's start
  std::string_view range_end = "";
  std::string_view fix;
};

constexpr std::string_view kIdentityFix =
    "give the function a managed identity and an Azure RBAC role on the resource (with a private or service "
    "endpoint for the network path) instead of trusting its outbound addresses";
constexpr std::string_view kSqlFix =
    "connect with the function's managed identity (Microsoft Entra authentication) over a private endpoint or a "
    "VNet rule instead of trusting outbound addresses";
constexpr std::string_view kRestrictionFix =
    "restrict access to your own virtual network (virtual_network_subnet_id) or to a front door with its header "
    "check instead of the AzureCloud service tag";

constexpr AllowListRow kAllowLists[] = {
    {.type = "azurerm_storage_account", .holder = "Storage account network rules", .blocks = "network_rules",
     .address = "ip_rules", .fix = kIdentityFix},
    {.type = "azurerm_storage_account_network_rules", .holder = "Storage account network rules", .address = "ip_rules",
     .fix = kIdentityFix},
    {.type = "azurerm_key_vault", .holder = "Key Vault network ACLs", .blocks = "network_acls", .address = "ip_rules",
     .fix = kIdentityFix},
    {.type = "azurerm_mssql_firewall_rule", .holder = "SQL firewall rule", .shape = EntryShape::Range,
     .address = "start_ip_address", .range_end = "end_ip_address", .fix = kSqlFix},
    {.type = "azurerm_sql_firewall_rule", .holder = "SQL firewall rule", .shape = EntryShape::Range,
     .address = "start_ip_address", .range_end = "end_ip_address", .fix = kSqlFix},
    {.type = "azurerm_postgresql_flexible_server_firewall_rule", .holder = "PostgreSQL firewall rule",
     .shape = EntryShape::Range, .address = "start_ip_address", .range_end = "end_ip_address", .fix = kSqlFix},
    {.type = "azurerm_mysql_flexible_server_firewall_rule", .holder = "MySQL firewall rule", .shape = EntryShape::Range,
     .address = "start_ip_address", .range_end = "end_ip_address", .fix = kSqlFix},
    // Single-server PostgreSQL, MySQL and MariaDB (azurerm 4; retired, removed in azurerm 5).
    {.type = "azurerm_postgresql_firewall_rule", .holder = "PostgreSQL firewall rule", .shape = EntryShape::Range,
     .address = "start_ip_address", .range_end = "end_ip_address", .fix = kSqlFix},
    {.type = "azurerm_mysql_firewall_rule", .holder = "MySQL firewall rule", .shape = EntryShape::Range,
     .address = "start_ip_address", .range_end = "end_ip_address", .fix = kSqlFix},
    {.type = "azurerm_mariadb_firewall_rule", .holder = "MariaDB firewall rule", .shape = EntryShape::Range,
     .address = "start_ip_address", .range_end = "end_ip_address", .fix = kSqlFix},
};

// App Service access restrictions, on every function and web app type.
constexpr std::string_view kAppTypes[] = {
    "azurerm_function_app",          "azurerm_function_app_slot",         "azurerm_linux_function_app",
    "azurerm_windows_function_app",  "azurerm_linux_function_app_slot",   "azurerm_windows_function_app_slot",
    "azurerm_linux_web_app",         "azurerm_windows_web_app",           "azurerm_app_service",
    "azurerm_function_app_flex_consumption",
};
constexpr std::string_view kRestrictionBlocks[] = {"site_config/ip_restriction", "site_config/scm_ip_restriction"};

// Attributes of a function app that list the addresses its outbound calls come from.
constexpr std::string_view kOutboundAttributes[] = {"outbound_ip_address_list", "possible_outbound_ip_address_list",
                                                    "outbound_ip_addresses", "possible_outbound_ip_addresses"};

constexpr std::string_view kAllOfAzure = "every Azure tenant";

const Function* egress_function(const Model& model, const Value* v) {
  if (!v) return nullptr;
  for (const Ref& ref : v->refs) {
    bool outbound = false;
    for (std::string_view a : kOutboundAttributes) outbound = outbound || ref.attribute == a;
    if (!outbound) continue;
    if (const NativeResource* r = model.resource(ref.address))
      for (const auto& fn : model.functions)
        if (fn.resource == r) return &fn;
  }
  return nullptr;
}

AllowListEntry entry_for(const NativeResource& r, std::string_view holder, std::string_view fix, const Value* address) {
  AllowListEntry e;
  e.cloud = Cloud::Azure;
  e.resource = &r;
  e.subject = std::string(holder);
  e.address = address;
  e.fix = std::string(fix);
  return e;
}

void add_address_entries(Model& model, const NativeResource& r, const AllowListRow& row, const Value& scope) {
  for (const Value* address : list_items(at_path(scope, row.address))) {
    if (address->is_null()) continue;
    AllowListEntry e = entry_for(r, row.holder, row.fix, address);
    e.egress_of = egress_function(model, address);
    model.allow_list_entries.push_back(std::move(e));
  }
}

void add_range_entry(Model& model, const NativeResource& r, const AllowListRow& row) {
  const Value* start = at_path(r.body, row.address);
  const Value* end = at_path(r.body, row.range_end);
  if (!start) return;
  AllowListEntry e = entry_for(r, row.holder, row.fix, start);
  e.range_end = end;
  e.egress_of = egress_function(model, start);
  if (!e.egress_of) e.egress_of = egress_function(model, end);
  // Azure's "Allow access to Azure services": every address of every Azure tenant.
  if (string_of(start) == "0.0.0.0" && string_of(end) == "0.0.0.0") {
    e.shared_pool = std::string(kAllOfAzure) + " (0.0.0.0-0.0.0.0 is the \"Allow Azure services\" rule)";
    e.fix = "remove the \"Allow Azure services\" rule and reach the server through a private endpoint or a VNet rule "
            "for the function's subnet";
  }
  model.allow_list_entries.push_back(std::move(e));
}

bool is_all_of_azure_tag(std::string_view tag) {
  return tag == "AzureCloud" || tag.rfind("AzureCloud.", 0) == 0;
}

void add_restrictions(Model& model, const NativeResource& r) {
  for (std::string_view path : kRestrictionBlocks) {
    std::string holder = path == kRestrictionBlocks[0] ? "access restriction" : "SCM access restriction";
    each_at_path(r.body, path, [&](const Value& block) {
      if (block.is_unknown()) {
        // A dynamic block over a collection known only at apply time: what it iterates still
        // counts when that is a function's outbound addresses.
        if (const Function* fn = egress_function(model, &block)) {
          AllowListEntry e = entry_for(r, holder, kIdentityFix, &block);
          e.egress_of = fn;
          model.allow_list_entries.push_back(std::move(e));
        }
        return;
      }
      if (!block.is_map()) return;
      const Value* action = block.get("action");
      if (action && !action->is_null() && string_of(action) != "Allow") return;  // Deny, or unknown
      if (const Value* tag = block.get("service_tag"); is_known_string(tag) && is_all_of_azure_tag(tag->text)) {
        AllowListEntry e = entry_for(r, holder, kRestrictionFix, tag);
        e.shared_pool = std::string(kAllOfAzure) + " (the " + tag->text + " service tag)";
        model.allow_list_entries.push_back(std::move(e));
      }
      if (const Value* address = block.get("ip_address"); address && !address->is_null()) {
        AllowListEntry e = entry_for(r, holder, kIdentityFix, address);
        e.egress_of = egress_function(model, address);
        model.allow_list_entries.push_back(std::move(e));
      }
    });
  }
}

}  // namespace

void lower_network_allow_lists(const LoadedUnit& unit, Model& model) {
  for (const auto& r : unit.resources) {
    for (const auto& row : kAllowLists) {
      if (row.type != r.type) continue;
      if (row.shape == EntryShape::Range) {
        add_range_entry(model, r, row);
      } else if (row.blocks.empty()) {
        add_address_entries(model, r, row, r.body);
      } else {
        each_at_path(r.body, row.blocks, [&](const Value& block) { add_address_entries(model, r, row, block); });
      }
    }
    for (std::string_view type : kAppTypes)
      if (r.type == type) add_restrictions(model, r);
  }
}

}  // namespace eph
