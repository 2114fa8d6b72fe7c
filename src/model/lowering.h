#pragma once
// The lowering steps from native resources into the model, run in this order by
// build_model. Each reads tables of resource types and attribute paths; type names
// appear only in these files, never in rules.
#include "model/model.h"

namespace eph {

void lower_functions(const LoadedUnit& unit, Model& model);
void lower_policies(const LoadedUnit& unit, Model& model);   // also attaches role policies to functions
void lower_triggers(const LoadedUnit& unit, Model& model);   // event sources, permissions, URLs, API integrations
// Identities, invoker bindings and role grants (Google Cloud IAM): Function::identity,
// InvokePermissions for IAM members on functions, RoleGrants.
void lower_role_bindings(const LoadedUnit& unit, Model& model);
void lower_role_assignments(const LoadedUnit& unit, Model& model);  // Azure managed identities and role assignments
void lower_sam_api_resource_policies(const LoadedUnit& unit, Model& model);  // SAM Auth.ResourcePolicy statements
void lower_firewall_rules(const LoadedUnit& unit, Model& model);  // security groups, network ACLs, WAF IP sets
// "22" -> 22..22, "8000-9000" -> 8000..9000 (a port entry of a firewall rule); false when it is not one.
bool port_range(const Value* v, int& first, int& last);
void lower_network_security_rules(const LoadedUnit& unit, Model& model);  // Azure NSG rules into cidr_rules
// Address allow-lists outside policies and firewalls (Cloud Armor, VPC-SC, bucket IP filter,
// Cloud SQL authorized networks), with what an unknown entry refers to.
void lower_allow_lists(const LoadedUnit& unit, Model& model);
void lower_api_routes(const LoadedUnit& unit, Model& model);      // API methods/routes with their authorization
void lower_http_triggers(const LoadedUnit& unit, Model& model);   // HTTP triggers inside function apps (Azure)
void lower_network(const LoadedUnit& unit, Model& model);    // network graph, function paths, service use
void lower_network_allow_lists(const LoadedUnit& unit, Model& model);  // Storage/Key Vault/SQL/App Service allow-lists
void lower_edge_access(const LoadedUnit& unit, Model& model);  // Cloudflare Access, origin allow-lists, workers.dev

}  // namespace eph
