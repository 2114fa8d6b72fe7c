// Identities and the roles bound to them, for clouds whose access is role bindings (Google
// Cloud IAM): who each function runs as, who may invoke it (IAM members, bindings and
// policies on services and functions, which become InvokePermissions), and the roles granted
// to identities on projects, folders and organizations (RoleGrants).
#include <functional>

#include "core/partly_known.h"
#include "model/lowering.h"
#include "model/value_paths.h"

namespace eph {
namespace {

// The three ways Google's provider writes a role binding: one member (`_iam_member`), every
// member of one role (`_iam_binding`), or a whole policy (`_iam_policy`, authoritative).
enum class BindingForm { Member, Binding, Policy };

struct InvokerBindingRow {
  std::string_view type;
  BindingForm form;
  std::string_view function;  // the service or function the binding is on
};
constexpr InvokerBindingRow kInvokerBindings[] = {
    {.type = "google_cloud_run_service_iam_member", .form = BindingForm::Member, .function = "service"},
    {.type = "google_cloud_run_service_iam_binding", .form = BindingForm::Binding, .function = "service"},
    {.type = "google_cloud_run_service_iam_policy", .form = BindingForm::Policy, .function = "service"},
    {.type = "google_cloud_run_v2_service_iam_member", .form = BindingForm::Member, .function = "name"},
    {.type = "google_cloud_run_v2_service_iam_binding", .form = BindingForm::Binding, .function = "name"},
    {.type = "google_cloud_run_v2_service_iam_policy", .form = BindingForm::Policy, .function = "name"},
    {.type = "google_cloudfunctions_function_iam_member", .form = BindingForm::Member, .function = "cloud_function"},
    {.type = "google_cloudfunctions_function_iam_binding", .form = BindingForm::Binding, .function = "cloud_function"},
    {.type = "google_cloudfunctions_function_iam_policy", .form = BindingForm::Policy, .function = "cloud_function"},
    {.type = "google_cloudfunctions2_function_iam_member", .form = BindingForm::Member, .function = "cloud_function"},
    {.type = "google_cloudfunctions2_function_iam_binding", .form = BindingForm::Binding, .function = "cloud_function"},
    {.type = "google_cloudfunctions2_function_iam_policy", .form = BindingForm::Policy, .function = "cloud_function"},
};

struct GrantBindingRow {
  std::string_view type;
  BindingForm form;
  GrantScope scope_kind;
  std::string_view scope;
};
constexpr GrantBindingRow kGrantBindings[] = {
    {.type = "google_project_iam_member", .form = BindingForm::Member, .scope_kind = GrantScope::Project, .scope = "project"},
    {.type = "google_project_iam_binding", .form = BindingForm::Binding, .scope_kind = GrantScope::Project, .scope = "project"},
    {.type = "google_project_iam_policy", .form = BindingForm::Policy, .scope_kind = GrantScope::Project, .scope = "project"},
    {.type = "google_folder_iam_member", .form = BindingForm::Member, .scope_kind = GrantScope::Folder, .scope = "folder"},
    {.type = "google_folder_iam_binding", .form = BindingForm::Binding, .scope_kind = GrantScope::Folder, .scope = "folder"},
    {.type = "google_folder_iam_policy", .form = BindingForm::Policy, .scope_kind = GrantScope::Folder, .scope = "folder"},
    {.type = "google_organization_iam_member", .form = BindingForm::Member, .scope_kind = GrantScope::Organization, .scope = "org_id"},
    {.type = "google_organization_iam_binding", .form = BindingForm::Binding, .scope_kind = GrantScope::Organization, .scope = "org_id"},
    {.type = "google_organization_iam_policy", .form = BindingForm::Policy, .scope_kind = GrantScope::Organization, .scope = "org_id"},
};

// A policy document built by the provider's data source: `binding` blocks of role + members.
constexpr std::string_view kPolicyDataSource = "data.google_iam_policy";
constexpr std::string_view kPolicyData = "policy_data";

// Who a function runs as, and the account it runs as when that is not written.
struct IdentityRow {
  std::string_view type, identity;
  DefaultIdentity otherwise;
};
constexpr IdentityRow kIdentities[] = {
    {.type = "google_cloudfunctions_function", .identity = "service_account_email", .otherwise = DefaultIdentity::GcpAppEngine},
    {.type = "google_cloudfunctions2_function", .identity = "service_config/service_account_email", .otherwise = DefaultIdentity::GcpCompute},
    {.type = "google_cloud_run_service", .identity = "template/spec/service_account_name", .otherwise = DefaultIdentity::GcpCompute},
    {.type = "google_cloud_run_v2_service", .identity = "template/service_account", .otherwise = DefaultIdentity::GcpCompute},
};
// Identity resources a function or a member can name.
constexpr std::string_view kIdentityTypes[] = {"google_service_account", "data.google_service_account"};
constexpr std::string_view kDefaultComputeAccount = "data.google_compute_default_service_account";
constexpr std::string_view kComputeAccountDomain = "-compute@developer.gserviceaccount.com";
constexpr std::string_view kAppEngineAccountDomain = "@appspot.gserviceaccount.com";

// Turning off the invoker check: Cloud Run v2's attribute, and v1's annotation.
constexpr std::pair<std::string_view, std::string_view> kInvokerCheckDisabled[] = {
    {"google_cloud_run_v2_service", "invoker_iam_disabled"},
    {"google_cloud_run_service", "metadata/annotations"},
};
constexpr std::string_view kInvokerCheckAnnotation = "run.googleapis.com/invoker-iam-disabled";

// Where requests may come from: Cloud Run v2, Functions (gen1 and 2nd gen), and v1's annotation.
constexpr std::pair<std::string_view, std::string_view> kIngress[] = {
    {"google_cloud_run_v2_service", "ingress"},
    {"google_cloudfunctions_function", "ingress_settings"},
    {"google_cloudfunctions2_function", "service_config/ingress_settings"},
    {"google_cloud_run_service", "metadata/annotations"},
};
constexpr std::string_view kIngressAnnotation = "run.googleapis.com/ingress";
// The settings that admit the internet; every other known value keeps it out (internal only,
// or internal and Cloud Load Balancing).
constexpr std::string_view kPublicIngress[] = {"INGRESS_TRAFFIC_ALL", "ALLOW_ALL", "all"};

bool is_identity_type(std::string_view type) {
  for (auto t : kIdentityTypes)
    if (t == type) return true;
  return false;
}

// The default account a value names: the data source for it, or its email as written
// (also with the project number unknown: "${var.number}-compute@developer.gserviceaccount.com").
DefaultIdentity default_named_by(const Model& model, const Value* v) {
  if (!v) return DefaultIdentity::None;
  for (const NativeResource* r : model.referenced(v))
    if (r->type == kDefaultComputeAccount) return DefaultIdentity::GcpCompute;
  std::string_view text = v->is_string() ? std::string_view(v->text) : known_pattern(*v);
  auto ends_with = [&](std::string_view tail) {
    return text.size() > tail.size() && text.substr(text.size() - tail.size()) == tail;
  };
  if (ends_with(kComputeAccountDomain)) return DefaultIdentity::GcpCompute;
  if (ends_with(kAppEngineAccountDomain)) return DefaultIdentity::GcpAppEngine;
  return DefaultIdentity::None;
}

std::vector<const NativeResource*> identities_named_by(const Model& model, const Value* v) {
  std::vector<const NativeResource*> out;
  for (const NativeResource* r : model.referenced(v))
    if (is_identity_type(r->type)) out.push_back(r);
  return out;
}

// One role given to one member, wherever it was written.
struct Binding {
  const Value* role = nullptr;
  const Value* member = nullptr;
};

// Calls `visit` for each (role, member) of a policy document: the data source's `binding`
// blocks, or a JSON document's `bindings`.
void each_policy_binding(const Model& model, const Value* policy_data, const std::function<void(Binding)>& visit) {
  if (!policy_data) return;
  auto bindings_of = [&](const Value& doc, std::string_view blocks, std::string_view members) {
    each_at_path(doc, blocks, [&](const Value& b) {
      const Value* role = b.get("role");
      for (const Value* m : list_items(b.get(members))) visit(Binding{role, m});
    });
  };
  for (const NativeResource* r : model.referenced(policy_data))
    if (r->type == kPolicyDataSource) bindings_of(r->body, "binding", "members");
  const Value* doc = policy_data->decoded ? policy_data->decoded.get() : policy_data;
  if (doc->is_map()) bindings_of(*doc, "bindings", "members");
}

void each_binding(const Model& model, const NativeResource& r, BindingForm form, const std::function<void(Binding)>& visit) {
  switch (form) {
    case BindingForm::Member: visit(Binding{r.body.get("role"), r.body.get("member")}); return;
    case BindingForm::Binding:
      for (const Value* m : list_items(r.body.get("members"))) visit(Binding{r.body.get("role"), m});
      return;
    case BindingForm::Policy: each_policy_binding(model, r.body.get(kPolicyData), visit); return;
  }
}

void lower_identities(Model& model) {
  for (Function& fn : model.functions) {
    for (const auto& row : kIdentities) {
      if (row.type != fn.resource->type) continue;
      fn.identity = at_path(fn.resource->body, row.identity);
      if (!fn.identity || fn.identity->is_null()) {
        fn.default_identity = row.otherwise;
        continue;
      }
      fn.identity_resources = identities_named_by(model, fn.identity);
      fn.default_identity = default_named_by(model, fn.identity);
    }
    for (const auto& [type, path] : kInvokerCheckDisabled) {
      if (type != fn.resource->type) continue;
      const Value* v = at_path(fn.resource->body, path);
      if (v && v->is_map()) v = v->get(kInvokerCheckAnnotation);
      if (v && !v->is_null()) fn.invoker_check_disabled = v;
    }
    for (const auto& [type, path] : kIngress) {
      if (type != fn.resource->type) continue;
      const Value* v = at_path(fn.resource->body, path);
      if (v && v->is_map()) v = v->get(kIngressAnnotation);
      if (v && !v->is_null()) fn.ingress = v;
    }
  }
}

void lower_invoker_bindings(const LoadedUnit& unit, Model& model) {
  for (const auto& r : unit.resources) {
    for (const auto& row : kInvokerBindings) {
      if (row.type != r.type) continue;
      const Value* function_ref = at_path(r.body, row.function);
      const Function* fn = model.function_for(function_ref);
      each_binding(model, r, row.form, [&](Binding b) {
        if (!b.member) return;
        InvokePermission p;
        p.cloud = Cloud::Gcp;
        p.resource = &r;
        p.principal = b.member;
        p.role = b.role;
        p.function_ref = function_ref;
        p.function = fn;
        model.invoke_permissions.push_back(p);
      });
    }
  }
}

void lower_grants(const LoadedUnit& unit, Model& model) {
  for (const auto& r : unit.resources) {
    for (const auto& row : kGrantBindings) {
      if (row.type != r.type) continue;
      each_binding(model, r, row.form, [&](Binding b) {
        if (!b.member) return;
        RoleGrant g;
        g.cloud = Cloud::Gcp;
        g.resource = &r;
        g.role = b.role;
        g.member = b.member;
        g.identities = identities_named_by(model, b.member);
        g.default_identity = default_named_by(model, b.member);
        g.scope_kind = row.scope_kind;
        g.scope = at_path(r.body, row.scope);
        model.role_grants.push_back(std::move(g));
      });
    }
  }
}

// "serviceAccount:x@p.iam.gserviceaccount.com" -> "x@p.iam.gserviceaccount.com".
std::string_view account_of(std::string_view member) {
  size_t colon = member.find(':');
  return colon == std::string_view::npos ? member : member.substr(colon + 1);
}

}  // namespace

void lower_role_bindings(const LoadedUnit& unit, Model& model) {
  lower_identities(model);
  lower_invoker_bindings(unit, model);
  lower_grants(unit, model);
}

bool Function::internal_ingress() const {
  if (!is_known_string(ingress)) return false;
  for (auto open : kPublicIngress)
    if (ingress->text == open) return false;
  return true;
}

bool grant_applies_to(const RoleGrant& grant, const Function& fn) {
  if (grant.cloud != fn.cloud) return false;
  for (const NativeResource* id : grant.identities)
    for (const NativeResource* own : fn.identity_resources)
      if (id == own) return true;
  if (fn.default_identity != DefaultIdentity::None && grant.default_identity == fn.default_identity) return true;
  std::string_view account = string_of(fn.identity), member = string_of(grant.member);
  return !account.empty() && !member.empty() && account_of(member) == account_of(account);
}

std::string_view to_string(GrantScope s) {
  switch (s) {
    case GrantScope::Organization: return "organization";
    case GrantScope::Folder: return "folder";
    case GrantScope::Subscription: return "subscription";
    case GrantScope::Project: return "project";
    case GrantScope::ResourceGroup: return "resource group";
    case GrantScope::Resource: return "resource";
    case GrantScope::Unknown: return "scope";
  }
  return "scope";
}

}  // namespace eph
