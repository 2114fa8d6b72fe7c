// Functions of every platform, lowered through one table: a row per native type, a
// column per concept, each cell the attribute path where that format writes it.
#include "model/lowering.h"
#include "model/value_paths.h"

namespace eph {
namespace {

struct FunctionRow {
  std::string_view type;
  Cloud cloud;
  std::string_view label;
  std::string_view name;             // configured function name
  std::string_view env_map;          // a map NAME -> value
  std::string_view env_list;         // a list of {name, value} entries (containers' env)
  std::string_view reserved;         // AWS reserved concurrency
  std::string_view max_instances;    // GCP / Azure instance ceiling
  std::string_view vpc;              // VPC configuration block
  std::string_view subnets;          // inside `vpc`
  std::string_view security_groups;  // inside `vpc`
  std::string_view role;             // execution role
  std::string_view url_config;       // inline function URL (SAM)
};

constexpr FunctionRow kFunctions[] = {
    // type                                 cloud        label              name             env_map                                 env_list                     reserved                          max_instances                               vpc           subnets      security_groups       role    url
    {"aws_lambda_function", Cloud::Aws, "Lambda function", "function_name", "environment/variables", "", "reserved_concurrent_executions", "", "vpc_config", "subnet_ids", "security_group_ids", "role", ""},
    {"AWS::Lambda::Function", Cloud::Aws, "Lambda function", "FunctionName", "Environment/Variables", "", "ReservedConcurrentExecutions", "", "VpcConfig", "SubnetIds", "SecurityGroupIds", "Role", ""},
    {"AWS::Serverless::Function", Cloud::Aws, "Lambda function", "FunctionName", "Environment/Variables", "", "ReservedConcurrentExecutions", "", "VpcConfig", "SubnetIds", "SecurityGroupIds", "Role", "FunctionUrlConfig"},
    {"google_cloudfunctions_function", Cloud::Gcp, "Cloud Function", "name", "environment_variables", "", "", "max_instances", "", "", "", "", ""},
    {"google_cloudfunctions2_function", Cloud::Gcp, "Cloud Function (2nd gen)", "name", "service_config/environment_variables", "", "", "service_config/max_instance_count", "", "", "", "", ""},
    {"google_cloud_run_service", Cloud::Gcp, "Cloud Run service", "name", "", "template/spec/containers/env", "", "", "", "", "", "", ""},
    {"google_cloud_run_v2_service", Cloud::Gcp, "Cloud Run service", "name", "", "template/containers/env", "", "template/scaling/max_instance_count", "", "", "", "", ""},
    {"azurerm_function_app", Cloud::Azure, "Function App", "name", "app_settings", "", "", "site_config/app_scale_limit", "", "", "", "", ""},
    {"azurerm_function_app_slot", Cloud::Azure, "Function App slot", "name", "app_settings", "", "", "site_config/app_scale_limit", "", "", "", "", ""},
    {"azurerm_linux_function_app", Cloud::Azure, "Function App", "name", "app_settings", "", "", "site_config/app_scale_limit", "", "", "", "", ""},
    {"azurerm_windows_function_app", Cloud::Azure, "Function App", "name", "app_settings", "", "", "site_config/app_scale_limit", "", "", "", "", ""},
    {"azurerm_linux_function_app_slot", Cloud::Azure, "Function App slot", "name", "app_settings", "", "", "site_config/app_scale_limit", "", "", "", "", ""},
    {"azurerm_windows_function_app_slot", Cloud::Azure, "Function App slot", "name", "app_settings", "", "", "site_config/app_scale_limit", "", "", "", "", ""},
    {"azurerm_function_app_flex_consumption", Cloud::Azure, "Function App", "name", "app_settings", "", "", "maximum_instance_count", "", "", "", "", ""},
    // Cloudflare Workers: provider 4 names the script `name`, provider 5 `script_name`; a v5
    // worker version carries the bindings of the worker it belongs to. Text bindings are read below.
    {"cloudflare_worker_script", Cloud::Cloudflare, "Worker", "name", "", "", "", "", "", "", "", "", ""},
    {"cloudflare_workers_script", Cloud::Cloudflare, "Worker", "script_name|name", "", "", "", "", "", "", "", "", ""},
    {"cloudflare_worker", Cloud::Cloudflare, "Worker", "name", "", "", "", "", "", "", "", "", ""},
    {"cloudflare_worker_version", Cloud::Cloudflare, "Worker version", "", "", "", "", "", "", "", "", "", ""},
};

// Settings written as a list of entries rather than a map: Workers text bindings (provider 4
// blocks, provider 5 `bindings` filtered by their type) and Azure connection strings.
struct SettingListRow {
  std::string_view type, list, kind_field = "", kind = "", name = "name", value;
  std::string_view holder, secret_fix = "";
};
constexpr std::string_view kWorkersFix =
    "store it as a secret_text binding (or a Workers secret) instead of a plain_text binding";
constexpr std::string_view kConnectionStringFix =
    "use a Key Vault reference (@Microsoft.KeyVault(...)) or connect with the app's managed identity";
constexpr SettingListRow kSettingLists[] = {
    {.type = "cloudflare_worker_script", .list = "plain_text_binding", .value = "text", .holder = "plain_text binding", .secret_fix = kWorkersFix},
    {.type = "cloudflare_workers_script", .list = "plain_text_binding", .value = "text", .holder = "plain_text binding", .secret_fix = kWorkersFix},
    {.type = "cloudflare_workers_script", .list = "bindings", .kind_field = "type", .kind = "plain_text", .value = "text", .holder = "plain_text binding", .secret_fix = kWorkersFix},
    {.type = "cloudflare_worker_version", .list = "bindings", .kind_field = "type", .kind = "plain_text", .value = "text", .holder = "plain_text binding", .secret_fix = kWorkersFix},
    {.type = "azurerm_function_app", .list = "connection_string", .value = "value", .holder = "connection string", .secret_fix = kConnectionStringFix},
    {.type = "azurerm_function_app_slot", .list = "connection_string", .value = "value", .holder = "connection string", .secret_fix = kConnectionStringFix},
    {.type = "azurerm_linux_function_app", .list = "connection_string", .value = "value", .holder = "connection string", .secret_fix = kConnectionStringFix},
    {.type = "azurerm_windows_function_app", .list = "connection_string", .value = "value", .holder = "connection string", .secret_fix = kConnectionStringFix},
    {.type = "azurerm_linux_function_app_slot", .list = "connection_string", .value = "value", .holder = "connection string", .secret_fix = kConnectionStringFix},
    {.type = "azurerm_windows_function_app_slot", .list = "connection_string", .value = "value", .holder = "connection string", .secret_fix = kConnectionStringFix},
};

// Single attributes that hold a credential the function runs with: the storage account key
// an Azure Function App uses for its own storage (a managed identity replaces it).
struct SecretSettingRow {
  std::string_view type, path, holder = "setting", secret_fix;
};
constexpr std::string_view kStorageIdentityFix =
    "set storage_uses_managed_identity = true and grant the app's managed identity a Storage Blob Data role instead of "
    "using an access key";
constexpr std::string_view kLegacyStorageFix =
    "move to azurerm_linux_function_app / azurerm_windows_function_app (azurerm 5 removed azurerm_function_app) and set "
    "storage_uses_managed_identity = true instead of using an access key";
constexpr SecretSettingRow kSecretSettings[] = {
    {.type = "azurerm_function_app", .path = "storage_account_access_key", .secret_fix = kLegacyStorageFix},
    {.type = "azurerm_function_app", .path = "storage_connection_string", .secret_fix = kLegacyStorageFix},  // azurerm 1.x/2.x
    {.type = "azurerm_function_app_slot", .path = "storage_account_access_key", .secret_fix = kLegacyStorageFix},
    {.type = "azurerm_linux_function_app", .path = "storage_account_access_key", .secret_fix = kStorageIdentityFix},
    {.type = "azurerm_windows_function_app", .path = "storage_account_access_key", .secret_fix = kStorageIdentityFix},
    {.type = "azurerm_linux_function_app_slot", .path = "storage_account_access_key", .secret_fix = kStorageIdentityFix},
    {.type = "azurerm_windows_function_app_slot", .path = "storage_account_access_key", .secret_fix = kStorageIdentityFix},
    {.type = "azurerm_function_app_flex_consumption", .path = "storage_access_key",
     .secret_fix = "set storage_authentication_type = \"SystemAssignedIdentity\" (or UserAssignedIdentity) instead of "
                   "using an access key"},
    {.type = "azurerm_function_app_flex_consumption", .path = "function_app_storage_account_access_key",
     .secret_fix = "set function_app_storage_uses_managed_identity = true and grant the app's managed identity a "
                   "Storage Blob Data role instead of using an access key"},
};

// Code written in the template. `archive`: the path names a Terraform archive_file whose
// `content` paths hold the code.
struct InlineCodeRow {
  std::string_view type, path, archive_content = "", archive_sources = "";
};
constexpr InlineCodeRow kInlineCode[] = {
    {.type = "AWS::Lambda::Function", .path = "Code/ZipFile"},
    {.type = "AWS::Serverless::Function", .path = "InlineCode"},
    {.type = "aws_lambda_function", .path = "filename", .archive_content = "source_content",
     .archive_sources = "source/content"},
};

// Runtime and tags, by designated column so that a row cannot swap them silently.
struct FunctionAttributesRow {
  std::string_view type, runtime = "", tags = "";
};
constexpr FunctionAttributesRow kFunctionAttributes[] = {
    {.type = "aws_lambda_function", .runtime = "runtime", .tags = "tags"},
    {.type = "AWS::Lambda::Function", .runtime = "Runtime", .tags = "Tags"},
    {.type = "AWS::Serverless::Function", .runtime = "Runtime", .tags = "Tags"},
    {.type = "google_cloudfunctions_function", .runtime = "runtime", .tags = "labels"},
    {.type = "google_cloudfunctions2_function", .runtime = "build_config/runtime", .tags = "labels"},
    {.type = "google_cloud_run_service", .tags = "metadata/labels"},
    {.type = "google_cloud_run_v2_service", .tags = "labels"},
    {.type = "azurerm_function_app", .tags = "tags"},
    {.type = "azurerm_function_app_slot", .tags = "tags"},
    {.type = "azurerm_linux_function_app", .tags = "tags"},
    {.type = "azurerm_windows_function_app", .tags = "tags"},
    {.type = "azurerm_linux_function_app_slot", .tags = "tags"},
    {.type = "azurerm_windows_function_app_slot", .tags = "tags"},
    {.type = "azurerm_function_app_flex_consumption", .runtime = "runtime_name", .tags = "tags"},
};

// Google Cloud: how the platform reads Secret Manager for the runtime environment, and the
// build-time environment of a source deploy (Cloud Run v1 deploys images only: no build env).
struct SecretSourcesRow {
  std::string_view type, build_env_map = "", runtime_fix, build_fix = "";
};
#define EPH_GCP_BUILD_FIX(ref)                                                                            \
  "build environment variables are plain configuration: store it in Secret Manager, have the build read " \
  "it from there, and give the running code the secret through " ref " instead"
constexpr SecretSourcesRow kSecretSources[] = {
    {.type = "google_cloudfunctions_function", .build_env_map = "build_environment_variables",
     .runtime_fix = "store it in Secret Manager and reference it through secret_environment_variables instead",
     .build_fix = EPH_GCP_BUILD_FIX("secret_environment_variables")},
    {.type = "google_cloudfunctions2_function", .build_env_map = "build_config/environment_variables",
     .runtime_fix = "store it in Secret Manager and reference it through service_config.secret_environment_variables instead",
     .build_fix = EPH_GCP_BUILD_FIX("service_config.secret_environment_variables")},
    {.type = "google_cloud_run_service",
     .runtime_fix = "store it in Secret Manager and reference it through env.value_from.secret_key_ref instead"},
    {.type = "google_cloud_run_v2_service", .build_env_map = "build_config/environment_variables",
     .runtime_fix = "store it in Secret Manager and reference it through env.value_source.secret_key_ref instead",
     .build_fix = EPH_GCP_BUILD_FIX("env.value_source.secret_key_ref")},
};
#undef EPH_GCP_BUILD_FIX

// Cloud Run (v1) sets its ceiling through a Knative annotation whose key contains a slash.
constexpr std::string_view kKnativeAnnotations = "template/metadata/annotations";
constexpr std::string_view kKnativeMaxScale = "autoscaling.knative.dev/maxScale";
// Azure also limits scale-out through an app setting.
constexpr std::string_view kAzureScaleOutSetting = "WEBSITE_MAX_DYNAMIC_APPLICATION_SCALE_OUT";

const FunctionRow* row_for(std::string_view type) {
  for (const auto& row : kFunctions)
    if (row.type == type) return &row;
  return nullptr;
}

void read_environment(const NativeResource& r, const FunctionRow& row, Function& fn) {
  if (!row.env_map.empty()) {
    const Value* vars = at_path(r.body, row.env_map);
    if (!vars) return;
    if (!vars->is_map()) {
      fn.environment_known = vars->is_null();
      return;
    }
    std::string_view holder = fn.cloud == Cloud::Azure ? "app setting" : "environment variable";
    for (const auto& f : vars->fields) fn.environment.push_back(EnvVar{f.key, f.key_range, &f.value, holder, {}});
    return;
  }
  if (!row.env_list.empty()) {
    each_at_path(r.body, row.env_list, [&](const Value& entry) {
      if (entry.is_unknown()) {
        fn.environment_known = false;
        return;
      }
      const Value* name = entry.get("name");
      if (!is_known_string(name)) {
        if (name) fn.environment_known = false;
        return;
      }
      // Entries that read a secret store (value_source / value_from) have no `value`.
      const Value* value = entry.get("value");
      if (!value) return;
      EnvVar var;  // the default holder and fix
      var.name = name->text;
      var.name_range = name->where;
      var.value = value;
      fn.environment.push_back(std::move(var));
    });
  }
}

void read_setting_lists(const NativeResource& r, Function& fn) {
  for (const auto& row : kSettingLists) {
    if (row.type != r.type) continue;
    each_at_path(r.body, row.list, [&](const Value& entry) {
      if (entry.is_unknown()) {
        fn.environment_known = false;
        return;
      }
      if (!row.kind_field.empty()) {
        const Value* kind = entry.get(row.kind_field);
        if (!is_known_string(kind) || kind->text != row.kind) return;
      }
      const Value* name = entry.get(row.name);
      const Value* value = entry.get(row.value);
      if (!is_known_string(name) || !value) return;
      fn.environment.push_back(EnvVar{name->text, name->where, value, row.holder, row.secret_fix});
    });
  }
  for (const auto& row : kSecretSettings) {
    if (row.type != r.type) continue;
    const Value* value = at_path(r.body, row.path);
    if (!value || value->is_null()) continue;
    const Field* field = r.body.field(row.path);
    Range at = field && field->key_range.valid() ? field->key_range : value->where;
    fn.environment.push_back(EnvVar{std::string(row.path), at, value, row.holder, row.secret_fix});
  }
}

// The first of "a|b" alternatives that is written (attributes renamed between provider versions).
const Value* first_at_path(const Value& body, std::string_view paths) {
  while (!paths.empty()) {
    size_t bar = paths.find('|');
    if (const Value* v = at_path(body, paths.substr(0, bar))) return v;
    if (bar == std::string_view::npos) break;
    paths.remove_prefix(bar + 1);
  }
  return nullptr;
}

void read_secret_sources(const NativeResource& r, Function& fn) {
  for (const auto& row : kSecretSources) {
    if (row.type != r.type) continue;
    for (auto& var : fn.environment)
      if (var.secret_fix.empty()) var.secret_fix = row.runtime_fix;
    if (row.build_env_map.empty()) return;
    const Value* vars = at_path(r.body, row.build_env_map);
    if (!vars || !vars->is_map()) return;  // an Unknown map hides no literal to report
    for (const auto& f : vars->fields)
      fn.environment.push_back(EnvVar{f.key, f.key_range, &f.value, "build environment variable", row.build_fix});
  }
}

void read_network(const NativeResource& r, const FunctionRow& row, Function& fn) {
  if (row.vpc.empty()) return;
  const Value* vpc = at_path(r.body, row.vpc);
  if (!vpc || vpc->is_null()) return;
  if (vpc->kind == Kind::List && vpc->items.empty()) return;
  const Value* subnets = at_path(vpc, row.subnets);
  bool unknown = vpc->is_unknown();
  fn.subnets = list_items(subnets, &unknown);
  fn.subnets_known = !unknown;
  fn.security_groups = list_items(at_path(vpc, row.security_groups));
  // An empty subnet list detaches the function from any VPC.
  fn.in_vpc = unknown || !fn.subnets.empty();
  fn.vpc_range = vpc->where.valid() ? vpc->where : r.declaration;
}

void read_tags(const Value* tags, Function& fn) {
  if (!tags || tags->is_null()) return;
  if (tags->is_map()) {
    for (const auto& f : tags->fields) fn.tags.push_back(Tag{f.key, f.key_range, &f.value});
    return;
  }
  if (!tags->is_list()) {
    fn.tags_known = false;
    return;
  }
  for (const Value& item : tags->items) {  // CloudFormation: [{Key: team, Value: payments}]
    const Value* key = item.get("Key");
    if (!is_known_string(key)) {
      fn.tags_known = false;
      continue;
    }
    fn.tags.push_back(Tag{key->text, key->where, item.get("Value")});
  }
}

void read_attributes(const NativeResource& r, Function& fn) {
  for (const auto& row : kFunctionAttributes) {
    if (row.type != r.type) continue;
    if (!row.runtime.empty()) fn.runtime = at_path(r.body, row.runtime);
    if (!row.tags.empty()) read_tags(at_path(r.body, row.tags), fn);
  }
}

const Value* inline_code(const Model& model, const NativeResource& r) {
  for (const auto& row : kInlineCode) {
    if (row.type != r.type) continue;
    const Value* v = at_path(r.body, row.path);
    if (!v || row.archive_content.empty()) return v;
    for (const NativeResource* archive : model.referenced(v)) {
      if (const Value* content = at_path(archive->body, row.archive_content)) return content;
      if (const Value* content = at_path(archive->body, row.archive_sources)) return content;
    }
    return nullptr;
  }
  return nullptr;
}

}  // namespace

void lower_functions(const LoadedUnit& unit, Model& model) {
  for (const auto& r : unit.resources) {
    const FunctionRow* row = row_for(r.type);
    if (!row) continue;
    Function fn;
    fn.resource = &r;
    fn.cloud = row->cloud;
    fn.label = row->label;
    if (!row->name.empty()) fn.name = first_at_path(r.body, row->name);
    read_environment(r, *row, fn);
    read_setting_lists(r, fn);
    read_secret_sources(r, fn);
    if (!row->reserved.empty()) fn.reserved_concurrency = at_path(r.body, row->reserved);
    if (!row->max_instances.empty()) fn.max_instances = at_path(r.body, row->max_instances);
    if (fn.cloud == Cloud::Gcp && !fn.max_instances) {
      // An annotations map the code cannot know may hold the ceiling: the ceiling is unknown.
      if (const Value* annotations = at_path(r.body, kKnativeAnnotations))
        fn.max_instances = annotations->is_unknown() ? annotations : annotations->get(kKnativeMaxScale);
    }
    if (fn.cloud == Cloud::Azure && !fn.max_instances) {
      for (const auto& env : fn.environment)
        if (env.name == kAzureScaleOutSetting) fn.max_instances = env.value;
    }
    read_network(r, *row, fn);
    read_attributes(r, fn);
    fn.inline_code = inline_code(model, r);
    if (!row->role.empty()) {
      fn.role = at_path(r.body, row->role);
      fn.role_known = fn.role != nullptr || row->type == "AWS::Serverless::Function";  // SAM creates the role
    }
    if (!row->url_config.empty()) {
      if (const Value* url = at_path(r.body, row->url_config); url && url->is_map()) {
        fn.urls.push_back(FunctionUrl{&r, url->get("AuthType"), url->where.valid() ? url->where : r.declaration});
      }
    }
    model.functions.push_back(std::move(fn));
  }
}

}  // namespace eph
