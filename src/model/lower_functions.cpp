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

// Build-time environment of a source deploy (Cloud Run v1 deploys images only: no build env).
// `secret_reference` is how the runtime environment reads Secret Manager instead.
struct SecretSourcesRow {
  std::string_view type, build_env_map = "", secret_reference;
};
constexpr SecretSourcesRow kSecretSources[] = {
    {.type = "google_cloudfunctions_function", .build_env_map = "build_environment_variables",
     .secret_reference = "secret_environment_variables"},
    {.type = "google_cloudfunctions2_function", .build_env_map = "build_config/environment_variables",
     .secret_reference = "service_config.secret_environment_variables"},
    {.type = "google_cloud_run_service", .secret_reference = "env.value_from.secret_key_ref"},
    {.type = "google_cloud_run_v2_service", .build_env_map = "build_config/environment_variables",
     .secret_reference = "env.value_source.secret_key_ref"},
};

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
    for (const auto& f : vars->fields) fn.environment.push_back(EnvVar{f.key, f.key_range, &f.value});
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
      if (const Value* value = entry.get("value")) fn.environment.push_back(EnvVar{name->text, name->where, value});
    });
  }
}

void read_secret_sources(const NativeResource& r, Function& fn) {
  for (const auto& row : kSecretSources) {
    if (row.type != r.type) continue;
    fn.secret_reference = row.secret_reference;
    if (row.build_env_map.empty()) return;
    const Value* vars = at_path(r.body, row.build_env_map);
    if (!vars || !vars->is_map()) return;  // an Unknown map hides no literal to report
    for (const auto& f : vars->fields) fn.build_environment.push_back(EnvVar{f.key, f.key_range, &f.value});
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
    if (!row->name.empty()) fn.name = at_path(r.body, row->name);
    read_environment(r, *row, fn);
    read_secret_sources(r, fn);
    if (!row->reserved.empty()) fn.reserved_concurrency = at_path(r.body, row->reserved);
    if (!row->max_instances.empty()) fn.max_instances = at_path(r.body, row->max_instances);
    if (fn.cloud == Cloud::Gcp && !fn.max_instances) {
      if (const Value* annotations = at_path(r.body, kKnativeAnnotations)) fn.max_instances = annotations->get(kKnativeMaxScale);
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
