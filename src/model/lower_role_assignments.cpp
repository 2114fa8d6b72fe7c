// Azure RBAC: who each Function App runs as (its system-assigned managed identity, or the
// user-assigned identities it names) and the role assignments that give those identities a
// role at a scope (RoleGrants, joined to functions by grant_applies_to).
#include <algorithm>
#include <cctype>

#include "model/lowering.h"
#include "model/value_paths.h"

namespace eph {
namespace {

constexpr std::string_view kIdentityBlock = "identity";
constexpr std::string_view kIdentityType = "type";          // "SystemAssigned", "UserAssigned", or both
constexpr std::string_view kIdentityIds = "identity_ids";   // user-assigned identities
constexpr std::string_view kUserIdentityTypes[] = {"azurerm_user_assigned_identity",
                                                   "data.azurerm_user_assigned_identity"};

struct AssignmentRow {
  std::string_view type, role, role_id, member, scope;
};
constexpr AssignmentRow kAssignments[] = {
    {.type = "azurerm_role_assignment", .role = "role_definition_name", .role_id = "role_definition_id",
     .member = "principal_id", .scope = "scope"},
};


// What a scope refers to when it is a reference rather than an ARM id.
constexpr std::pair<std::string_view, GrantScope> kScopeResources[] = {
    {"data.azurerm_subscription", GrantScope::Subscription},
    {"azurerm_subscription", GrantScope::Subscription},
    {"azurerm_resource_group", GrantScope::ResourceGroup},
    {"data.azurerm_resource_group", GrantScope::ResourceGroup},
    {"azurerm_management_group", GrantScope::Organization},
    {"data.azurerm_management_group", GrantScope::Organization},
};

bool one_of(std::string_view s, const auto& list) {
  for (std::string_view x : list)
    if (s == x) return true;
  return false;
}

// "/subscriptions/S" and "/subscriptions/S/resourceGroups/R" (case-insensitive segment names).
GrantScope scope_of_id(std::string_view id) {
  auto lower = [](std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  };
  std::vector<std::string> parts;
  for (size_t at = 0; at < id.size();) {
    size_t slash = id.find('/', at);
    if (slash == std::string_view::npos) slash = id.size();
    if (slash > at) parts.push_back(lower(id.substr(at, slash - at)));
    at = slash + 1;
  }
  if (parts.size() == 2 && parts[0] == "subscriptions") return GrantScope::Subscription;
  if (parts.size() == 4 && parts[0] == "subscriptions" && parts[2] == "resourcegroups") return GrantScope::ResourceGroup;
  if (parts.size() >= 4 && parts[0] == "providers" && parts[1] == "microsoft.management") return GrantScope::Organization;
  return parts.empty() ? GrantScope::Unknown : GrantScope::Resource;
}

GrantScope scope_kind(const Model& model, const Value* scope) {
  if (!scope) return GrantScope::Unknown;
  if (is_known_string(scope)) return scope_of_id(scope->text);
  for (const NativeResource* r : model.referenced(scope))
    for (const auto& [type, kind] : kScopeResources)
      if (r->type == type) return kind;
  return model.referenced(scope).empty() ? GrantScope::Unknown : GrantScope::Resource;
}

// Built-in roles by their fixed definition GUID (the last segment of a role definition id),
// for assignments that name the role by id.
constexpr std::pair<std::string_view, std::string_view> kBuiltInRoleIds[] = {
    {"8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "Owner"},
    {"b24988ac-6180-42a0-ab88-20f7382dd24c", "Contributor"},
};
// A data source that looks a role definition up by its name or id.
constexpr std::string_view kRoleDefinitionLookups[] = {"data.azurerm_role_definition"};

std::string_view built_in_role(std::string_view id) {
  std::string_view guid = id.substr(id.rfind('/') + 1);
  for (const auto& [known, name] : kBuiltInRoleIds)
    if (guid.size() == known.size() && std::equal(guid.begin(), guid.end(), known.begin(),
                                                  [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; }))
      return name;
  return {};
}

// The role a `role_definition_id` names: a built-in role's id, or a role definition data
// source that looks one up by name or by id; positioned at the id, where the fix goes. Null
// when not known.
const Value* role_by_id(Model& model, const Value* id) {
  if (!id) return nullptr;
  if (is_known_string(id)) {
    std::string_view name = built_in_role(id->text);
    return name.empty() ? nullptr : &model.synthesized.emplace_back(Value::string_of(std::string(name), id->where));
  }
  for (const NativeResource* r : model.referenced(id)) {
    if (!one_of(r->type, kRoleDefinitionLookups)) continue;
    if (const Value* name = at_path(r->body, "name"); is_known_string(name))
      return &model.synthesized.emplace_back(Value::string_of(name->text, id->where));
    if (const Value* by_id = at_path(r->body, "role_definition_id"); is_known_string(by_id)) {
      std::string_view role = built_in_role(by_id->text);
      if (!role.empty()) return &model.synthesized.emplace_back(Value::string_of(std::string(role), id->where));
    }
  }
  return nullptr;
}

const Function* function_of(const Model& model, const NativeResource* r) {
  for (const auto& fn : model.functions)
    if (fn.resource == r) return &fn;
  return nullptr;
}

void lower_identities(Model& model) {
  for (Function& fn : model.functions) {
    if (fn.cloud != Cloud::Azure) continue;
    const Value* identity = at_path(fn.resource->body, kIdentityBlock);
    if (!identity || identity->is_null() || (identity->is_list() && identity->items.empty())) continue;
    fn.identity = identity;
    std::string_view type = string_of(at_path(identity, kIdentityType));
    if (type.find("SystemAssigned") != std::string_view::npos) fn.identity_resources.push_back(fn.resource);
    for (const Value* id : list_items(at_path(identity, kIdentityIds)))
      for (const NativeResource* r : model.referenced(id))
        if (one_of(r->type, kUserIdentityTypes)) fn.identity_resources.push_back(r);
  }
}

void lower_assignments(const LoadedUnit& unit, Model& model) {
  for (const auto& r : unit.resources) {
    for (const auto& row : kAssignments) {
      if (row.type != r.type) continue;
      const Value* member = at_path(r.body, row.member);
      if (!member) continue;
      RoleGrant g;
      g.cloud = Cloud::Azure;
      g.resource = &r;
      g.role = at_path(r.body, row.role);
      if (!g.role || g.role->is_null()) g.role = role_by_id(model, at_path(r.body, row.role_id));
      g.member = member;
      // A function's own principal_id (its system-assigned identity) or a user-assigned identity's.
      for (const NativeResource* id : model.referenced(member))
        if (function_of(model, id) || one_of(id->type, kUserIdentityTypes)) g.identities.push_back(id);
      g.scope = at_path(r.body, row.scope);
      g.scope_kind = scope_kind(model, g.scope);
      model.role_grants.push_back(std::move(g));
    }
  }
}

}  // namespace

void lower_role_assignments(const LoadedUnit& unit, Model& model) {
  lower_identities(model);
  lower_assignments(unit, model);
}

}  // namespace eph
